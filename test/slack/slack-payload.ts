/** Reading Slack messages in tests the way a user sees them: blocks by type, texts, buttons. */

export type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export function blocksOf(message: unknown): Json[] {
  if (!isObject(message) || !Array.isArray(message.blocks)) throw new Error(`no blocks in ${JSON.stringify(message)}`);
  return message.blocks.filter(isObject);
}

/** Every text object anywhere in the message, with its type. */
export function textObjects(value: unknown, found: Array<{ type: string; text: string }> = []): Array<{ type: string; text: string }> {
  if (Array.isArray(value)) for (const v of value) textObjects(v, found);
  else if (isObject(value)) {
    if ((value.type === "mrkdwn" || value.type === "plain_text") && typeof value.text === "string") found.push({ type: value.type, text: value.text });
    for (const v of Object.values(value)) textObjects(v, found);
  }
  return found;
}

export const mrkdwnTexts = (message: unknown): string[] => textObjects(blocksOf(message)).filter((t) => t.type === "mrkdwn").map((t) => t.text);

export const headerText = (message: unknown): string | undefined => {
  const header = blocksOf(message).find((b) => b.type === "header");
  return isObject(header?.text) && typeof header.text.text === "string" ? header.text.text : undefined;
};

export interface ButtonSeen {
  actionId: string;
  label: string;
  value?: string;
  url?: string;
}

export function buttons(message: unknown): ButtonSeen[] {
  const found: ButtonSeen[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      if (value.type === "button" && typeof value.action_id === "string" && isObject(value.text)) {
        found.push({
          actionId: value.action_id,
          label: String(value.text.text),
          ...(typeof value.value === "string" ? { value: value.value } : {}),
          ...(typeof value.url === "string" ? { url: value.url } : {}),
        });
      }
      Object.values(value).forEach(visit);
    }
  };
  visit(blocksOf(message));
  return found;
}

export const button = (message: unknown, label: string): ButtonSeen => {
  const found = buttons(message).find((b) => b.label.includes(label));
  if (!found) throw new Error(`no "${label}" button in ${JSON.stringify(buttons(message))}`);
  return found;
};
