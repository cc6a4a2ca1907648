import { z } from "zod";
import { foldKey, stripControlChars } from "../../src/papers/index.js";
import type { RawArgs } from "../../src/commands/parse-text.js";
import type { Caller } from "../../src/commands/context.js";
import { badInput } from "./io.js";

/** Who the command line acts as without --user: the operator, one anonymous admin. */
export const CLI_OPERATOR: Caller = { id: "cli", name: "cli", isAdmin: true };

/**
 * What counts one person's voice, so the command line takes it only with
 * --user NAME: without it every RSVP and ballot would be the one person "cli".
 * Each names the option that makes the command personal (listing needs no name).
 */
export const PERSONAL: Readonly<Record<string, { option: string; example: string }>> = {
  "reading rsvp": { option: "answer", example: "mss-bot reading rsvp 2026-W50 --answer going --user Alice" },
  "reading ballot": { option: "paper", example: "mss-bot reading ballot AlpaServe --user Alice" },
};

const NameSchema = z
  .string()
  .transform((s) => stripControlChars(s).trim())
  .pipe(z.string().min(1, "--user needs a name").max(60, "--user takes a name of at most 60 characters"));

/** Takes `--user NAME` (or `--user=NAME`) out of the words: the person the command acts for. */
export function readUserFlag(words: string[]): { user: Caller | undefined; words: string[] } {
  const rest: string[] = [];
  let name: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const flag = /^--user(?:=(.*))?$/.exec(word);
    if (!flag) {
      rest.push(word);
      continue;
    }
    if (name !== undefined) throw badInput("--user is given more than once; give it once");
    const value = flag[1] ?? words[++i];
    if (value === undefined) throw badInput("--user needs a name", "e.g. --user Alice");
    const parsed = NameSchema.safeParse(value);
    if (!parsed.success) throw badInput(parsed.error.issues[0]?.message ?? "--user needs a name");
    name = parsed.data;
  }
  // The same name is the same person whatever its casing; the operator stays an admin.
  return { user: name === undefined ? undefined : { id: `user:${foldKey(name)}`, name, isAdmin: true }, words: rest };
}

/** Refuses a personal answer (an RSVP, a ballot) given without --user. */
export function requirePerson(command: string, args: RawArgs, user: Caller | undefined): void {
  const personal = PERSONAL[command];
  if (!personal || user !== undefined || args[personal.option] === undefined) return;
  throw badInput(`${command}: ${personal.option === "answer" ? "an answer" : "a vote"} is one person's; say whose with --user NAME`, `e.g. ${personal.example}`);
}
