import type { Platform } from "../replies/reply.js";
import type { AnyCommand } from "./command.js";
import { listOptions } from "./options.js";

/** Slack commands are flat: these are their own slash commands, everything else lives under /mss. */
export const SLACK_ROOTS = ["paper", "papers", "reading"] as const;

/** How a user types the command on a platform: "/paper", "/mss stats", "mss-bot paper". */
export function invocation(command: AnyCommand, platform: Platform): string {
  if (platform === "cli") return `mss-bot ${command.name}`;
  if (platform === "slack" && !SLACK_ROOTS.some((root) => command.name === root || command.name.startsWith(`${root} `))) {
    return `/mss ${command.name}`;
  }
  return `/${command.name}`;
}

/** The usage line: "/papers [venue:V] [year:Y] …" (console, Slack), "/papers [venue] …" (Discord), "--venue V" (CLI). */
export function usage(command: AnyCommand, platform: Platform): string {
  const parts = [invocation(command, platform)];
  for (const { name, meta, required } of listOptions(command.options)) {
    const positional = command.positional?.includes(name) ?? false;
    const value = meta.type === "boolean" ? "" : name.toUpperCase();
    let part: string;
    if (platform === "discord") part = name;
    else if (platform === "cli") part = positional ? `<${name}>` : meta.type === "boolean" ? `--${name}` : `--${name} ${value}`;
    else part = positional ? `<${name}>` : meta.type === "boolean" ? `${name}:yes` : `${name}:${value}`;
    parts.push(required ? part : `[${part}]`);
  }
  return parts.join(" ");
}
