import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { config as loadDotenv } from "dotenv";
import cron from "node-cron";
import { z } from "zod";
import { DEFAULT_LIST_ID } from "./papers/model.js";
import { packageRoot } from "./paths.js";
import { defaultLead, formatOffset, parseLead, parseRemind, type ReadingOptions } from "./reading/reading-options.js";
import type { ScholarConfig } from "./scholar/scholar-config.js";
import { BUNDLED_RECORDS } from "./scholar/snapshot.js";
import type { Upstream } from "./sync/upstream.js";
import { listsOf, type FollowedList } from "./config-lists.js";

/**
 * The bot's whole configuration: environment variables (a .env file is read if
 * present), validated once at start-up. This is the only module that reads
 * process.env; everything else receives a Config.
 */

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .transform((s) => (s === "" ? undefined : s))
  .optional();

const cronExpr = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .refine((v) => cron.validate(v), { message: 'must be a cron expression like "*/30 * * * *"' });

const flagVar = (fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      if (["1", "true", "yes", "on"].includes(v)) return true;
      if (["0", "false", "no", "off"].includes(v)) return false;
      ctx.addIssue({ code: "custom", message: "must be true or false" });
      return z.NEVER;
    });

const intVar = (fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      const n = Number(v);
      if (Number.isInteger(n) && n >= min && n <= max) return n;
      // Digits past the range, however many, are too large (or small): not "not a whole number".
      const digits = /^[+-]?\d+$/.test(v);
      const message = digits && !v.startsWith("-") && n > max ? `too large: must be at most ${max}` : digits && n < min ? `too small: must be at least ${min}` : `must be a whole number from ${min} to ${max}`;
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    });

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional();

const leadVar = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return undefined;
    const parsed = parseLead(v);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  });

const remindVar = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    const parsed = parseRemind(v === undefined || v === "" ? "2d,1h" : v);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  });

const timeZone = z
  .string()
  .trim()
  .default("UTC")
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be an IANA time zone like "Europe/Berlin" or "UTC"' },
  );

export const EnvSchema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APP_ID: optionalText.pipe(z.string().regex(/^\d{5,25}$/, "must be the numeric application id").optional()),
  DISCORD_GUILD_ID: optionalText.pipe(z.string().regex(/^\d{5,25}$/, "must be a numeric server (guild) id").optional()),
  DISCORD_API_URL: optionalText.pipe(httpUrl),
  SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith("xoxb-", "must be a bot token starting with xoxb-").optional()),
  SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith("xapp-", "must be an app-level token starting with xapp-").optional()),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_URL: optionalText.pipe(httpUrl),
  SLACK_ADMIN_USER_IDS: optionalText,
  PORT: intVar(3000, 0, 65535),
  MSS_UPSTREAM_URL: optionalText,
  MSS_LISTS: optionalText,
  MSS_DB_PATH: optionalText,
  MSS_SYNC_CRON: cronExpr("*/30 * * * *"),
  MSS_READING_CRON: cronExpr("0 9 * * 1"),
  MSS_TZ: timeZone,
  MSS_ANNOUNCE_CHANGES: flagVar(true),
  MSS_MAX_ANNOUNCE: intVar(10, 1, 1000),
  MSS_READING_REMIND: remindVar,
  MSS_READING_THREADS: flagVar(true),
  MSS_READING_POST_LEAD: leadVar,
  MSS_PUBLIC_URL: optionalText.pipe(httpUrl),
  MSS_CALENDAR_TOKEN: optionalText.pipe(z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, "must be 16 to 128 letters, digits, - or _ (a secret for the calendar's path)").optional()),
  MSS_ENRICH: flagVar(true),
  MSS_ARXIV_API_URL: optionalText.pipe(httpUrl),
  MSS_DBLP_API_URL: optionalText.pipe(httpUrl),
  MSS_S2_API_URL: optionalText.pipe(httpUrl),
  MSS_S2_API_KEY: optionalText,
  LOG_LEVEL: optionalText.pipe(z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"], { error: "must be one of trace, debug, info, warn, error, fatal, silent" }).optional()),
});

export type { FollowedList, ScholarConfig, Upstream };

export interface Config {
  discord: { token: string; appId?: string; guildId?: string; apiUrl?: string } | null;
  slack: { botToken: string; appToken?: string; signingSecret?: string; apiUrl?: string; adminUserIds: string[] } | null;
  port: number;
  /** The first followed list's source (the one list when MSS_LISTS is unset). */
  upstream: Upstream;
  /** Every followed list, in MSS_LISTS order; unset: one list, MSS_UPSTREAM_URL (or the bundled list) under the id "mss". */
  lists: FollowedList[];
  bundledListPath: string;
  /** The bundled metadata snapshot (data/paper-records.json): records shown with no network. */
  recordSnapshotPath: string;
  dbPath: string;
  syncCron: string;
  readingCron: string;
  timeZone: string;
  announceChanges: boolean;
  maxAnnounce: number;
  reading: ReadingOptions;
  /** Scholarly metadata (src/scholar): off means no outside request at all. */
  scholar: ScholarConfig;
  logLevel: string;
  /** The file the log goes to while the console chat has the terminal (LOG_LEVEL not set); stderr otherwise. */
  logFile?: string;
}

export const SCHOLAR_DEFAULT_URLS = { arxiv: "http://export.arxiv.org", dblp: "https://dblp.org", s2: "https://api.semanticscholar.org" } as const;

export interface ConfigProblem {
  variable: string;
  message: string;
  /** The value given, to echo back; a secret's is masked (`masked: true`). */
  value?: string;
  masked?: boolean;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

export const BUNDLED_LIST = "data/papers.md";
const DEFAULT_DB = "data/mss-bot.db";

/** Reads MSS_UPSTREAM_URL's value (or a --source flag): an http(s) URL or a file path. */
export function upstreamOf(value: string | undefined, bundled: string, variable = "MSS_UPSTREAM_URL"): Upstream | ConfigProblem {
  if (value === undefined) return { kind: "bundled", path: bundled };
  if (/^https?:\/\//i.test(value)) {
    return httpUrl.safeParse(value).success ? { kind: "url", url: value } : { variable, message: "must be an http(s) URL or a file path" };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return { variable, message: "must be an http(s) URL or a file path" };
  return { kind: "file", path: isAbsolute(value) ? value : resolve(value) };
}

const SECRET_VARIABLES = new Set(["DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"]);

/** A problem with the value it is about, a secret masked to its kind and length. */
function problemWith(variable: string, message: string, env: Record<string, string | undefined>): ConfigProblem {
  const raw = env[variable];
  if (raw === undefined || raw.trim() === "") return { variable, message };
  if (!SECRET_VARIABLES.has(variable)) return { variable, message, value: raw };
  const prefix = /^(xox[a-z]-|xapp-)/.exec(raw.trim())?.[1];
  return { variable, message, value: `${prefix ? `${prefix}… ` : ""}(secret, ${raw.trim().length} characters)`, masked: true };
}

/** Validates an environment; every problem is reported at once, each naming its variable and echoing its value. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  const problems: ConfigProblem[] = parsed.success ? [] : parsed.error.issues.map((i) => problemWith(String(i.path[0] ?? "environment"), i.message, env));
  // The checks across variables run on the raw values, so they are listed with the schema's problems;
  // each runs only when its variables are valid on their own (a wrong token is reported once, as wrong).
  const invalid = new Set(problems.map((p) => p.variable));
  const given = (name: string) => (invalid.has(name) ? undefined : env[name]?.trim() || undefined);
  const check = (names: string[], failed: boolean, variable: string, message: string) => {
    if (failed && names.every((n) => !invalid.has(n))) problems.push(problemWith(variable, message, env));
  };
  const root = packageRoot();
  const bundledListPath = resolve(root, BUNDLED_LIST);
  const upstream = upstreamOf(given("MSS_UPSTREAM_URL"), bundledListPath);
  if ("variable" in upstream) problems.push(problemWith(upstream.variable, upstream.message, env));
  else if (upstream.kind === "file" && !existsSync(upstream.path)) problems.push(problemWith("MSS_UPSTREAM_URL", `no file at ${upstream.path}`, env));
  const listsValue = given("MSS_LISTS");
  const listed = listsValue === undefined ? undefined : listsOf(listsValue, (value) => upstreamOf(value, bundledListPath, "MSS_LISTS"));
  for (const message of listed?.problems ?? []) problems.push(problemWith("MSS_LISTS", message, env));
  if (listsValue !== undefined && env.MSS_UPSTREAM_URL?.trim()) {
    problems.push(problemWith("MSS_LISTS", "cannot be set together with MSS_UPSTREAM_URL: name that list in MSS_LISTS (e.g. mss=<its URL>) and unset MSS_UPSTREAM_URL", env));
  }

  const discordToken = given("DISCORD_TOKEN");
  const slackBot = given("SLACK_BOT_TOKEN");
  const slackApp = given("SLACK_APP_TOKEN");
  const slackSecret = given("SLACK_SIGNING_SECRET");
  check(["DISCORD_APP_ID"], Boolean(given("DISCORD_APP_ID")) && !discordToken, "DISCORD_TOKEN", "is required when DISCORD_APP_ID is set");
  check(["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"], Boolean(slackBot) && !slackApp && !slackSecret, "SLACK_SIGNING_SECRET", "is required for the HTTP receiver (or set SLACK_APP_TOKEN for Socket Mode)");
  check(["SLACK_BOT_TOKEN"], !slackBot && !env.SLACK_BOT_TOKEN?.trim() && Boolean(slackApp || slackSecret), "SLACK_BOT_TOKEN", "is required when SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set");
  // Each variable parsed alone, so a problem elsewhere (a short calendar token) does not hide this one.
  const lead = invalid.has("MSS_READING_POST_LEAD") ? undefined : leadVar.safeParse(env.MSS_READING_POST_LEAD).data;
  const remind = invalid.has("MSS_READING_REMIND") ? undefined : remindVar.safeParse(env.MSS_READING_REMIND).data;
  if (lead !== undefined && remind !== undefined && remind.length > 0 && lead <= (remind[0] ?? 0)) {
    const first = formatOffset(remind[0] ?? 0);
    problems.push(problemWith("MSS_READING_POST_LEAD", `must be longer than the first reminder of MSS_READING_REMIND (${first}), so the weekly post and its thread come before it`, env));
  }
  const adminIds = (given("SLACK_ADMIN_USER_IDS") ?? "").split(/[\s,]+/).filter(Boolean);
  if (adminIds.some((id) => !/^[UW][A-Z0-9]{2,20}$/.test(id))) {
    problems.push(problemWith("SLACK_ADMIN_USER_IDS", "must be Slack user ids like U012ABCDEF, separated by commas", env));
  }
  if (!parsed.success || problems.length > 0 || "variable" in upstream) return { ok: false, problems };
  const e = parsed.data;
  const lists: FollowedList[] = listed?.lists ?? [{ id: DEFAULT_LIST_ID, upstream }];

  const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return {
    ok: true,
    config: {
      discord: e.DISCORD_TOKEN ? compact({ token: e.DISCORD_TOKEN, appId: e.DISCORD_APP_ID, guildId: e.DISCORD_GUILD_ID, apiUrl: e.DISCORD_API_URL }) : null,
      slack: e.SLACK_BOT_TOKEN
        ? compact({ botToken: e.SLACK_BOT_TOKEN, appToken: e.SLACK_APP_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, apiUrl: e.SLACK_API_URL, adminUserIds: adminIds })
        : null,
      port: e.PORT,
      upstream: (lists[0] as FollowedList).upstream,
      lists,
      bundledListPath,
      recordSnapshotPath: resolve(root, BUNDLED_RECORDS),
      dbPath: e.MSS_DB_PATH ? resolve(e.MSS_DB_PATH) : resolve(root, DEFAULT_DB),
      syncCron: e.MSS_SYNC_CRON,
      readingCron: e.MSS_READING_CRON,
      timeZone: e.MSS_TZ,
      announceChanges: e.MSS_ANNOUNCE_CHANGES,
      maxAnnounce: e.MSS_MAX_ANNOUNCE,
      reading: compact({ remindBeforeMs: e.MSS_READING_REMIND, threads: e.MSS_READING_THREADS, postLeadMs: e.MSS_READING_POST_LEAD ?? defaultLead(e.MSS_READING_REMIND), publicUrl: e.MSS_PUBLIC_URL, calendarToken: e.MSS_CALENDAR_TOKEN }),
      scholar: compact({
        enrich: e.MSS_ENRICH,
        arxivUrl: e.MSS_ARXIV_API_URL ?? SCHOLAR_DEFAULT_URLS.arxiv,
        dblpUrl: e.MSS_DBLP_API_URL ?? SCHOLAR_DEFAULT_URLS.dblp,
        s2Url: e.MSS_S2_API_URL ?? SCHOLAR_DEFAULT_URLS.s2,
        s2ApiKey: e.MSS_S2_API_KEY,
      }),
      logLevel: e.LOG_LEVEL ?? "info",
      // The console chat has the terminal: its log goes to a file beside the database, unless LOG_LEVEL asks for stderr.
      logFile: e.DISCORD_TOKEN || e.SLACK_BOT_TOKEN || e.LOG_LEVEL ? undefined : join(dirname(e.MSS_DB_PATH ? resolve(e.MSS_DB_PATH) : resolve(root, DEFAULT_DB)), "mss-bot.log"),
    },
  };
}

/** Reads .env (if present, without overriding the real environment) and validates process.env. */
export function loadConfig(): ConfigResult {
  loadDotenv({ quiet: true });
  return parseConfig(process.env);
}

/** "PORT must be a whole number from 0 to 65535 (got "http")"; a secret shows only its kind and length. */
export function describeProblem(p: ConfigProblem): string {
  const got = p.value === undefined ? "" : p.masked ? ` (got ${p.value})` : ` (got ${JSON.stringify(p.value)})`;
  return `${p.variable} ${p.message}${got}`;
}

/** The lines a person reads when the configuration is wrong. */
export function describeProblems(problems: ConfigProblem[]): string {
  return ["Configuration error:", ...problems.map((p) => `  ${describeProblem(p)}`)].join("\n");
}

/** The secret values of a config, for the log scrubber and for masking. */
export function configSecrets(config: Config): string[] {
  return [config.discord?.token, config.slack?.botToken, config.slack?.appToken, config.slack?.signingSecret, config.reading.calendarToken, config.scholar.s2ApiKey].filter((s): s is string => Boolean(s));
}
