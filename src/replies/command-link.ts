import type { CommandLink } from "./reply.js";

/**
 * Encodes a clickable command (a Next button, a pick-list entry) into a short
 * string for a Discord custom id or a Slack action value: "papers?venue=OSDI&page=2".
 * The state lives in the string, so buttons keep working after a restart; the
 * decoded arguments are validated like typed ones, so a forged string is only bad input.
 */
export function encodeCommandLink(link: CommandLink): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(link.args)) params.set(key, String(value));
  const query = params.toString();
  return query ? `${link.command}?${query}` : link.command;
}

export function decodeCommandLink(encoded: string): CommandLink | undefined {
  const match = /^([a-z][a-z -]{0,40})(?:\?(.*))?$/.exec(encoded);
  if (!match) return undefined;
  const args: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(match[2] ?? "")) args[key] = value;
  return { command: match[1] as string, args };
}
