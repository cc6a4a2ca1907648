import { parseArgs, type ParseArgsConfig } from "node:util";
import { badInput } from "./io.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Node's parseArgs messages, in the words the rest of the CLI uses. */
function plainMessage(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option "${quoted ?? message}"`;
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `unexpected "${quoted ?? message}"`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return quoted ? `option ${quoted.split(" ")[0]} needs a value` : message;
  return message;
}

/**
 * The flags of a CLI-only command, strictly: an unknown flag, a missing value or
 * a flag given twice (`--source a --source b`, which parseArgs would silently
 * read as the last) is bad input naming the flag.
 */
export function parseCliArgs<O extends Options>(args: string[], options: O, usageLine: string, allowPositionals = false) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals, tokens: true });
  } catch (error) {
    throw badInput(plainMessage(error), `usage: ${usageLine}`);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) throw badInput(`--${token.name} is given more than once; give it once`, `usage: ${usageLine}`);
    seen.add(token.name);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
