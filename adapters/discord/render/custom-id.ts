import { decodeCommandLink, encodeCommandLink } from "../../../src/replies/command-link.js";
import type { CommandLink } from "../../../src/replies/reply.js";
import { LIMITS } from "./limits.js";

/**
 * What a button or select menu does, kept entirely in its custom_id so it
 * still works after a restart:
 *   "l:papers?venue=OSDI&page=2"  run that command link, replacing the message;
 *   "a:abstract?paper=alpaserve"  run that command link, answering the clicker privately (the message stays);
 *   "p:paper:query"               run `paper` with the picked value as its `query`.
 * Decoded arguments are untrusted: they go through dispatch and its validation.
 */
export type ComponentAction = { kind: "link"; link: CommandLink } | { kind: "ask"; link: CommandLink } | { kind: "pick"; command: string; option: string };

/** The custom_id of a command-link button, or undefined when its state is longer than Discord's 100 characters. */
export function linkCustomId(link: CommandLink): string | undefined {
  const id = `l:${encodeCommandLink(link)}`;
  return id.length <= LIMITS.customId ? id : undefined;
}

/** The custom_id of a button that answers the clicker privately (the Abstract button), or undefined when too long. */
export function askCustomId(link: CommandLink): string | undefined {
  const id = `a:${encodeCommandLink(link)}`;
  return id.length <= LIMITS.customId ? id : undefined;
}

export function pickCustomId(command: string, option: string): string {
  return `p:${command}:${option}`;
}

export function parseCustomId(customId: string): ComponentAction | undefined {
  if (customId.startsWith("l:") || customId.startsWith("a:")) {
    const link = decodeCommandLink(customId.slice(2));
    if (!link) return undefined;
    return customId.startsWith("a:") ? { kind: "ask", link } : { kind: "link", link };
  }
  const pick = /^p:([a-z][a-z -]{0,40}):([a-z][a-z0-9_-]{0,31})$/.exec(customId);
  if (pick) return { kind: "pick", command: pick[1] as string, option: pick[2] as string };
  return undefined;
}
