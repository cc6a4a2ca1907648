import { z } from "zod";
import { collapseSpaces, stripControlChars } from "../papers/index.js";

/** What a platform needs to register an option; derived once per option here, read by the adapters. */
export interface OptionMeta {
  type: "string" | "integer" | "boolean" | "user";
  description: string;
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  choices?: readonly string[];
  /** Choices that come from the loaded lists: the legend's tags, or the followed lists' ids. */
  dynamicChoices?: "tags" | "lists";
  /** A word that clears the stored value (e.g. "any"); offered as one more choice where the option has dynamic choices. */
  clearWord?: string;
  autocomplete?: "papers" | "reporters";
}

export const optionRegistry = z.registry<OptionMeta>();

interface Described {
  description: string;
}

/** Text from a chat: control characters stripped, spaces collapsed, length capped. */
export function text(o: Described & { max?: number; min?: number; autocomplete?: OptionMeta["autocomplete"]; dynamicChoices?: OptionMeta["dynamicChoices"]; clearWord?: string }) {
  const max = o.max ?? 100;
  const min = o.min ?? 1;
  return z
    .string({ error: "must be text" })
    .max(max * 4, `must be at most ${max} characters`)
    .transform((s) => collapseSpaces(stripControlChars(s)))
    .pipe(z.string().min(min, "must not be empty").max(max, `must be at most ${max} characters`))
    .register(optionRegistry, { type: "string", description: o.description, minLength: min, maxLength: max, ...pick(o, "autocomplete", "dynamicChoices", "clearWord") });
}

/** Digits, however many: a number past what a double holds exactly still reads as too large (or small), not as "not a whole number". */
function digitsToNumber(v: unknown, o: { min: number; max: number }): unknown {
  if (typeof v !== "string" || !/^\s*[+-]?\d+\s*$/.test(v)) return v;
  const n = Number(v);
  if (Number.isSafeInteger(n)) return n;
  return n > 0 ? o.max + 1 : o.min - 1;
}

/** A whole number given as a number or as digits. */
export function integer(o: Described & { min: number; max: number }) {
  return z
    .preprocess(
      (v) => digitsToNumber(v, o),
      z
        .number({ error: "must be a whole number" })
        .int("must be a whole number")
        .min(o.min, `must be at least ${o.min}`)
        .max(o.max, `too large: must be at most ${o.max}`),
    )
    .register(optionRegistry, { type: "integer", description: o.description, min: o.min, max: o.max });
}

const TRUE = new Set(["true", "yes", "y", "1", "on"]);
const FALSE = new Set(["false", "no", "n", "0", "off"]);

/** A yes/no flag given as a boolean or as yes/no, true/false, on/off. */
export function flag(o: Described) {
  return z
    .preprocess((v) => {
      if (typeof v !== "string") return v;
      const word = v.trim().toLowerCase();
      return TRUE.has(word) ? true : FALSE.has(word) ? false : v;
    }, z.boolean({ error: "must be yes or no" }))
    .register(optionRegistry, { type: "boolean", description: o.description });
}

/** One of a fixed set of words, case-insensitive. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, o: Described) {
  return z
    .preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.enum(values, { error: `must be one of: ${values.join(", ")}` }))
    .register(optionRegistry, { type: "string", description: o.description, choices: values });
}

// A Discord snowflake, or a Slack user id (U… / W…).
const USER_ID = /^(?:\d{5,25}|[UW][A-Z0-9]{2,20})$/;
const MENTION = /^<@!?(\d{5,25}|[UW][A-Z0-9]{2,20})(?:\|[^>]{0,100})?>$/;

/** The user id in a user option: Discord's option value (an id), a typed mention (<@123>, <@!123>, Slack's <@U123|name>) or a raw id. */
export function parseUserRef(value: string): string | undefined {
  const text = value.trim();
  const mention = MENTION.exec(text);
  if (mention) return mention[1];
  return USER_ID.test(text) ? text : undefined;
}

/** A chat user: yields the user id; the platform is the caller's (ctx.platform). */
export function user(o: Described) {
  const message = "must be a user: a mention like @someone, or a user id";
  return z
    .string({ error: message })
    .max(200, message)
    .transform((value, ctx) => {
      const id = parseUserRef(value);
      if (id === undefined) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return id;
    })
    .register(optionRegistry, { type: "user", description: o.description });
}

const MIN_YEAR = 1950;
const MAX_YEAR = 2100;

/** A year or a year range: 2023, "2021-2023", "2021..2023". */
export function yearRange(o: Described) {
  const message = `must be a year like 2023 or a range like 2021-2023 (${MIN_YEAR}–${MAX_YEAR})`;
  return z
    .union([z.number(), z.string()], { error: message })
    .transform((value, ctx) => {
      const match = /^\s*(\d{4})\s*(?:(?:-|–|\.\.|to)\s*(\d{4}))?\s*$/.exec(String(value));
      const from = Number(match?.[1]);
      const to = match?.[2] ? Number(match[2]) : from;
      if (!match || from < MIN_YEAR || to > MAX_YEAR || from > to) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return { from, to };
    })
    .register(optionRegistry, { type: "string", description: o.description, minLength: 4, maxLength: 12 });
}

function pick<T extends object, K extends keyof T>(o: T, ...keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** The registration metadata of an option schema and whether it must be given. */
export function describeOption(schema: z.core.$ZodType): { meta: OptionMeta; required: boolean } {
  let inner: z.core.$ZodType = schema;
  let required = true;
  for (;;) {
    const meta = optionRegistry.get(inner);
    if (meta) return { meta, required };
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) {
      required = false;
      inner = inner.unwrap();
      continue;
    }
    throw new Error("command option without registration metadata: build it with the helpers in options.ts");
  }
}

/** A command's options in declaration order, each with its registration metadata. */
export function listOptions(options: z.ZodObject): Array<{ name: string; meta: OptionMeta; required: boolean }> {
  return Object.entries(options.shape as Record<string, z.core.$ZodType>).map(([name, schema]) => ({ name, ...describeOption(schema) }));
}
