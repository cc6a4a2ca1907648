import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { CommandContext } from "../../src/commands/context.js";
import { dispatch } from "../../src/commands/dispatch.js";
import { parseCommandText, tokenize } from "../../src/commands/parse-text.js";
import type { CommandLink, Reply } from "../../src/replies/reply.js";
import type { Services } from "../../src/services.js";
import { renderText } from "./render-text.js";
import { paperRef } from "../../src/replies/paper-card.js";

export interface ConsoleChatOptions {
  services: Services;
  input: Readable;
  output: Writable;
  /** Show a prompt (only when a person is typing at a terminal). */
  prompt: boolean;
  /** Where charts are written as PNG files (default: mss-bot-charts in the system's temp folder). */
  imageDir?: string;
}

export const defaultImageDir = (): string => join(tmpdir(), "mss-bot-charts");

/** Writes a reply's chart as a PNG file and says where, or says why not; nothing for a reply without one. */
export async function saveImage(reply: Reply, dir: string): Promise<string | undefined> {
  if (reply.kind !== "info" || !reply.image) return undefined;
  const path = join(dir, reply.image.name.replace(/[^A-Za-z0-9._-]+/g, "_") || "chart.png");
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(path, reply.image.data);
    return `Chart (PNG): ${path}`;
  } catch (error) {
    return `The chart could not be written to ${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** What a number typed next picks: the papers of a pick-list, or the buttons (RSVP, a vote) of the last reply. */
export type LastChoices = string[] | { actions: CommandLink[] };

/** What a reply offers to pick by number next. */
export function choicesOf(reply: Reply): LastChoices {
  if (reply.kind === "choices") return reply.options.map(paperRef);
  if ((reply.kind === "notice" || reply.kind === "session") && reply.actions && reply.actions.length > 0) return { actions: reply.actions.map((a) => a.link) };
  return [];
}

/** Runs one typed line: "/papers venue:OSDI", "2" (a pick from the last list or a button of the last reply) or a bare paper name. */
export async function answerLine(line: string, services: Services, ctx: CommandContext, lastChoices: LastChoices): Promise<Reply | undefined> {
  const text = line.trim();
  if (text === "") return undefined;
  if (/^\d{1,2}$/.test(text) && !Array.isArray(lastChoices)) {
    const link = lastChoices.actions[Number(text) - 1];
    if (link) return dispatch(services.commands, link.command, link.args, ctx);
  }
  if (/^\d{1,2}$/.test(text) && Array.isArray(lastChoices) && lastChoices.length > 0) {
    const id = lastChoices[Number(text) - 1];
    if (id) return dispatch(services.commands, "paper", { query: id }, ctx);
  }
  const words = tokenize(text.startsWith("/") ? text.slice(1) : `paper ${text}`);
  const found = services.commands.match(words);
  if (!found) return { kind: "error", reason: "invalid", text: `Unknown command "/${words[0] ?? ""}".`, hint: "Type /help for the list of commands." };
  const parsed = parseCommandText(found.command, found.rest);
  if (!parsed.ok) return { kind: "error", reason: "invalid", text: `/${found.command.name}: ${parsed.error}.`, hint: "Type /help " + found.command.name };
  return dispatch(services.commands, found.command.name, parsed.args, ctx);
}

/**
 * A terminal chat over the core: one command per line, replies as text.
 * Resolves when the input ends (Ctrl-D) or the user types /quit.
 */
export async function runConsoleChat({ services, input, output, prompt, imageDir = defaultImageDir() }: ConsoleChatOptions): Promise<void> {
  const rl = createInterface({ input, output: prompt ? output : undefined, terminal: prompt, prompt: "mss> " });
  const ctx: CommandContext = {
    platform: "console",
    channel: { platform: "console", id: "console" },
    user: { id: "console", name: "you", isAdmin: true },
    services,
  };
  let lastChoices: LastChoices = [];
  if (prompt) rl.prompt();
  let quit = false;
  for await (const line of rl) {
    if (/^\/(quit|exit)\s*$/i.test(line.trim())) {
      quit = true;
      break;
    }
    const reply = await answerLine(line, services, ctx, lastChoices);
    if (reply) {
      const offered = choicesOf(reply);
      if (!Array.isArray(offered) || offered.length > 0) lastChoices = offered;
      const saved = await saveImage(reply, imageDir);
      output.write(`${renderText(reply)}\n${saved ? `${saved}\n` : ""}\n`);
    }
    if (prompt) rl.prompt();
  }
  rl.close();
  // Ctrl-D leaves the cursor after the prompt; end the line so the shell's prompt starts on its own.
  if (prompt && !quit) output.write("\n");
}
