import type { types } from "@slack/bolt";
import { inlineMrkdwn, joinLines, plainText, truncateMrkdwn } from "./mrkdwn.js";

export type Block = types.KnownBlock;
export type Button = types.Button;

/** Block Kit limits this renderer keeps (docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  contextElements: 10,
  contextText: 2000,
  buttonText: 75,
  actionValue: 2000,
  actionElements: 25,
  buttonUrl: 3000,
  fallbackText: 3000,
} as const;

/** A rendered message: Block Kit plus the `text` Slack shows in notifications and where blocks cannot render. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: "mrkdwn", text, verbatim: true });

/** A header; the text is untrusted plain text. */
export function header(text: string): Block {
  return { type: "header", text: { type: "plain_text", text: plainText(text, LIMITS.headerText), emoji: false } };
}

/** A section from finished mrkdwn lines, with optional finished mrkdwn fields (at most 10 per section; more become further sections). */
export function sections(lines: string[], fields: string[] = []): Block[] {
  const text = lines.length > 0 ? joinLines(lines, LIMITS.sectionText) : undefined;
  const chunks: string[][] = [];
  for (let i = 0; i < fields.length; i += LIMITS.fieldsPerSection) chunks.push(fields.slice(i, i + LIMITS.fieldsPerSection));
  if (chunks.length === 0) return text ? [{ type: "section", text: mrkdwn(text) }] : [];
  return chunks.map((chunk, i): Block => ({
    type: "section",
    ...(i === 0 && text ? { text: mrkdwn(text) } : {}),
    fields: chunk.map((f) => mrkdwn(truncateMrkdwn(f, LIMITS.fieldText))),
  }));
}

/** A field: a bold label over an untrusted value (both escaped here). */
export function field(label: string, value: string): string {
  return `*${inlineMrkdwn(label)}*\n${value === "" ? "—" : inlineMrkdwn(value)}`;
}

/** A section with a button beside its text. */
export function sectionWithButton(line: string, button: Button): Block {
  return { type: "section", text: mrkdwn(truncateMrkdwn(line, LIMITS.sectionText)), accessory: button };
}

/** Small grey lines of finished mrkdwn. */
export function context(parts: string[]): Block[] {
  const elements = parts.filter((p) => p !== "").slice(0, LIMITS.contextElements);
  return elements.length === 0 ? [] : [{ type: "context", elements: elements.map((p) => mrkdwn(truncateMrkdwn(p, LIMITS.contextText))) }];
}

export const divider = (): Block => ({ type: "divider" });

/** Buttons in rows of at most 25. */
export function actions(buttons: Button[]): Block[] {
  const rows: Block[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionElements) rows.push({ type: "actions", elements: buttons.slice(i, i + LIMITS.actionElements) });
  return rows;
}

/** A button opening a URL (Slack still reports the click; the adapter acknowledges it). */
export function linkButton(actionId: string, label: string, url: string): Button | undefined {
  if (!/^https?:\/\//i.test(url) || url.length > LIMITS.buttonUrl) return undefined;
  return { type: "button", action_id: actionId, text: { type: "plain_text", text: plainText(label, LIMITS.buttonText), emoji: false }, url };
}

/** A button carrying a value back to the adapter (an encoded command link); none when the value does not fit. */
export function valueButton(actionId: string, label: string, value: string, style?: "primary"): Button | undefined {
  if (value.length > LIMITS.actionValue) return undefined;
  const button: Button = { type: "button", action_id: actionId, text: { type: "plain_text", text: plainText(label, LIMITS.buttonText), emoji: true }, value };
  if (style) button.style = style;
  return button;
}

export const present = <T>(items: Array<T | undefined>): T[] => items.filter((x): x is T => x !== undefined);

/**
 * Keeps a message within 50 blocks: the body is cut (with a note saying how
 * much) so that the tail (buttons, footers) always survives.
 */
export function capBlocks(body: Block[], tail: Block[] = []): Block[] {
  if (body.length + tail.length <= LIMITS.blocks) return [...body, ...tail];
  const kept = body.slice(0, Math.max(0, LIMITS.blocks - tail.length - 1));
  return [...kept, ...context([`… ${body.length - kept.length} more not shown.`]), ...tail];
}
