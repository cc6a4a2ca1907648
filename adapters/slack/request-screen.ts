import type { IncomingMessage } from "node:http";
import { HTTPModuleFunctions, isRawBodyError, isValidSlackRequest } from "@slack/bolt";
import { z } from "zod";

/** Slack's rule: a request timestamp more than five minutes from now, either way, is refused. */
export const MAX_CLOCK_SKEW_S = 5 * 60;

export type Screened = { ok: true } | { ok: false; status: 400 | 401 | 413; why: string };

const FORM = "application/x-www-form-urlencoded";

/** What the listeners read of a slash command; Slack always sends these, each once. */
const SlashCommandForm = z.object({
  command: z.string().regex(/^\/\S+$/),
  text: z.string().optional(),
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  channel_id: z.string().min(1),
  response_url: z.string().optional(),
});

/** What the listeners read of a button click (see listeners.ts clickContext and runLink). */
const BlockActions = z.looseObject({
  type: z.literal("block_actions"),
  user: z.looseObject({ id: z.string().min(1), username: z.string().optional() }),
  actions: z.array(z.looseObject({ action_id: z.string(), type: z.string(), value: z.string().optional() })).min(1),
  channel: z.looseObject({ id: z.string() }).nullish(),
  container: z.looseObject({}).optional(),
  response_url: z.string().optional(),
});

const Interaction = z.looseObject({ type: z.string() });

/** The only JSON body the bot takes: Slack checking the request URL (Bolt answers the challenge). The manifest subscribes to no events. */
const UrlVerification = z.looseObject({ type: z.literal("url_verification"), challenge: z.string() });

function issue(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? `${first.path.join(".") || "body"}: ${first.message}` : "invalid";
}

/** What a parsed JSON value is, for a refusal's reason (never the value itself). */
const shapeOf = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "an array" : typeof value);

/**
 * Why a correctly signed body is not something the bot handles, or null when it
 * is. Bolt reads every body that is not form-encoded as JSON, so this does too:
 * a JSON body must be an object of a type the bot handles (Bolt would otherwise
 * throw on `null` or wait out its ack timeout on `{}`), a form must be a slash
 * command or a block_actions interaction (the only listeners there are).
 */
export function malformedBody(contentType: string | undefined, body: string): string | null {
  if (contentType !== FORM) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return "the JSON body does not parse";
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return `the JSON body is ${shapeOf(parsed)}, not an object`;
    const type = "type" in parsed && typeof parsed.type === "string" ? parsed.type : undefined;
    if (type !== "url_verification") return type === undefined ? "the JSON body has no type" : `the JSON body's type "${type.slice(0, 40)}" is not one the bot handles`;
    const verification = UrlVerification.safeParse(parsed);
    return verification.success ? null : `url_verification: ${issue(verification.error)}`;
  }
  const form = new URLSearchParams(body);
  const keys = [...new Set(form.keys())];
  const repeated = keys.find((key) => form.getAll(key).length > 1);
  if (repeated !== undefined) return `the form repeats the field "${repeated.slice(0, 40)}"`;
  const payload = form.get("payload");
  if (payload !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return "the interaction payload is not JSON";
    }
    const interaction = Interaction.safeParse(parsed);
    if (!interaction.success) return `interaction payload: ${issue(interaction.error)}`;
    if (interaction.data.type !== "block_actions") return `the interaction type "${interaction.data.type.slice(0, 40)}" is not one the bot handles`;
    const actions = BlockActions.safeParse(parsed);
    return actions.success ? null : `block_actions payload: ${issue(actions.error)}`;
  }
  if (form.has("command")) {
    const command = SlashCommandForm.safeParse(Object.fromEntries(form));
    return command.success ? null : `slash command: ${issue(command.error)}`;
  }
  if (form.get("ssl_check") === "1") return null;
  return "the form is neither a slash command nor an interaction";
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
};

/**
 * Reads the body (Bolt reuses it: it keeps `rawBody` on the request) and
 * refuses what Bolt would let through: a correctly signed request timestamped
 * more than five minutes in the future (Bolt checks only the past), and a
 * signed body that Slack would never send (repeated fields, a click without a
 * user), which would otherwise reach a listener and fail there. Unsigned,
 * stale or ssl_check requests pass on to Bolt, which answers them as before.
 */
export async function screenSlackRequest(req: IncomingMessage, signingSecret: string, nowMs: number): Promise<Screened> {
  let body: string;
  try {
    body = (await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit)).rawBody.toString();
  } catch (error) {
    if (isRawBodyError(error) && (error as { statusCode: number }).statusCode === 413) return { ok: false, status: 413, why: "the body is larger than Slack sends" };
    return { ok: false, status: 400, why: `the body could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const signature = header(req, "x-slack-signature");
  const timestamp = Number(header(req, "x-slack-request-timestamp"));
  if (signature === undefined || !Number.isFinite(timestamp)) return { ok: true };
  // The signature alone (the timestamp is judged below, in both directions).
  const signed = isValidSlackRequest({ signingSecret, body, headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp }, nowMilliseconds: timestamp * 1000 });
  if (!signed) return { ok: true };
  const aheadS = timestamp - Math.floor(nowMs / 1000);
  if (aheadS > MAX_CLOCK_SKEW_S) return { ok: false, status: 401, why: `the request timestamp is ${aheadS} s in the future (more than ${MAX_CLOCK_SKEW_S} s)` };
  const malformed = malformedBody(header(req, "content-type"), body);
  return malformed ? { ok: false, status: 400, why: malformed } : { ok: true };
}
