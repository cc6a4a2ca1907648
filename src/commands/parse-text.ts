import type { AnyCommand } from "./command.js";
import { listOptions } from "./options.js";

export type RawArgs = Record<string, string | number | boolean>;

export type TextParse = { ok: true; args: RawArgs } | { ok: false; error: string };

const MAX_TEXT = 2000;

// A repeated option is refused rather than read as its last value, which would quietly drop the first.
const givenTwice = (name: string) => `option "${name}" is given more than once; give it once`;

/** Splits command text into words, keeping "double", 'single' and “curly” quoted runs together. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /(?:[^\s"'“”‘’]+|"[^"]*"?|'[^']*'?|“[^”]*”?|‘[^’]*’?)+/gu;
  for (const match of text.matchAll(pattern)) tokens.push(match[0].replace(/["'“”‘’]/gu, ""));
  return tokens.filter((t) => t.length > 0);
}

/**
 * Reads typed arguments (console, Slack) into the same raw-args object that
 * Discord's typed options give, guided by the command's options:
 * `key:value`, `key=value`, `--key value`, `--flag`, and bare words for the
 * positional options (the last one takes the rest; a flag's name first is the
 * flag). Values are validated later
 * by the command's zod schema, exactly as for Discord.
 */
export function parseCommandText(command: AnyCommand, words: string[]): TextParse {
  if (words.join(" ").length > MAX_TEXT) return { ok: false, error: `the command text is longer than ${MAX_TEXT} characters` };
  const options = listOptions(command.options);
  const optionName = (key: string) => options.find((o) => o.name.toLowerCase() === key.toLowerCase())?.name;
  const args: RawArgs = {};
  const bare: string[] = [];

  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const long = /^--([a-z][\w-]*)(?:=(.*))?$/i.exec(word);
    if (long) {
      const name = optionName(long[1] as string);
      if (!name) return { ok: false, error: `unknown option "${long[1]}"` };
      if (name in args) return { ok: false, error: givenTwice(name) };
      const isFlag = options.find((o) => o.name === name)?.meta.type === "boolean";
      if (long[2] !== undefined) args[name] = long[2];
      else if (isFlag) args[name] = true;
      else if (i + 1 < words.length) args[name] = words[++i] as string;
      else return { ok: false, error: `option --${name} needs a value` };
      continue;
    }
    const keyed = /^([a-z][\w-]*)[:=](.*)$/i.exec(word);
    const name = keyed ? optionName(keyed[1] as string) : undefined;
    if (keyed && name) {
      if (name in args) return { ok: false, error: givenTwice(name) };
      args[name] = keyed[2] as string;
      continue;
    }
    if (keyed && !command.positional?.length) return { ok: false, error: `unknown option "${keyed[1]}"` };
    bare.push(word);
  }

  // A flag's name as the first bare word is the flag, as a person says it: "reading vote close 2026-W51".
  const flagWord = bare[0] === undefined ? undefined : optionName(bare[0]);
  if (flagWord && !(flagWord in args) && options.find((o) => o.name === flagWord)?.meta.type === "boolean") {
    args[flagWord] = true;
    bare.shift();
  }
  const positional = (command.positional ?? []).filter((name) => !(name in args));
  if (bare.length > 0 && positional.length === 0) {
    return { ok: false, error: `unexpected "${bare.join(" ").slice(0, 40)}"` };
  }
  positional.forEach((name, i) => {
    const isLast = i === positional.length - 1;
    const value = isLast ? bare.slice(i).join(" ") : bare[i];
    if (value) args[name] = value;
  });
  return { ok: true, args };
}
