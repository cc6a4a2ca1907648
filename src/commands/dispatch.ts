import type { z } from "zod";
import { errorReply, type Reply } from "../replies/reply.js";
import type { CommandContext } from "./context.js";
import type { CommandRegistry } from "./registry.js";
import type { RawArgs } from "./parse-text.js";
import { invocation, usage } from "./usage.js";
import type { DispatchObserver } from "../services.js";

/** "year: must be a year like 2023 …; page: must be at least 1". */
export function formatIssues(error: z.ZodError, raw: RawArgs): string {
  return error.issues
    .map((issue) => {
      const key = issue.path.join(".");
      if (issue.code === "unrecognized_keys") return `unknown option${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
      if (issue.path.length === 1 && raw[key] === undefined) return `${key} is required`;
      return key ? `${key}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

export type { DispatchObserver };

/**
 * The one error boundary of every command on every platform: find the command,
 * check admin rights, validate the raw args with its zod schema, run it. Bad
 * input, refusals and thrown errors become error replies; nothing escapes.
 */
export async function dispatch(
  registry: CommandRegistry,
  name: string,
  raw: RawArgs,
  ctx: CommandContext,
): Promise<Reply> {
  const started = performance.now();
  const reply = await runChecked(registry, name, raw, ctx);
  const outcome = reply.kind === "error" ? `error:${reply.reason}` : reply.kind;
  ctx.services.observeCommand?.({ command: name, platform: ctx.platform, outcome, ms: performance.now() - started });
  return reply;
}

async function runChecked(registry: CommandRegistry, name: string, raw: RawArgs, ctx: CommandContext): Promise<Reply> {
  const command = registry.get(name);
  if (!command) return errorReply("invalid", `Unknown command "${name.slice(0, 40)}".`, "Try help for the list of commands.");
  if (command.admin && !ctx.user.isAdmin) {
    return errorReply("forbidden", `${invocation(command, ctx.platform)} is for admins only.`, ctx.platform === "discord" ? "Ask someone who can manage this server to run it." : "Ask an admin to run it.");
  }
  const parsed = command.options.safeParse(raw);
  if (!parsed.success) {
    return errorReply("invalid", `${invocation(command, ctx.platform)}: ${formatIssues(parsed.error, raw)}.`, `Usage: ${usage(command, ctx.platform)}`);
  }
  try {
    return await command.run(parsed.data, ctx);
  } catch (error) {
    ctx.services.log.error({ err: error, command: name, platform: ctx.platform }, "command failed");
    return errorReply("failed", `Something went wrong running ${invocation(command, ctx.platform)}; it has been logged.`);
  }
}
