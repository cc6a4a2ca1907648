import { z as zod, type z } from "zod";
import type { Caller, CommandContext } from "./context.js";
import type { Reply } from "../replies/reply.js";

export type CommandGroup = "papers" | "announcements" | "reading" | "general";

/**
 * One command: its name, description, zod options and handler together. The
 * handler receives the options already validated. Platform registration
 * (Discord commands, the Slack manifest, help text) is derived from this.
 */
export interface Command<Shape extends z.ZodRawShape = z.ZodRawShape> {
  /** "paper", or "reading schedule" for a subcommand. */
  name: string;
  /** At most 100 characters (Discord's limit). */
  description: string;
  group: CommandGroup;
  options: z.ZodObject<Shape, z.core.$strict>;
  /** Options that may be given without a key in typed text: "/paper AlpaServe". */
  positional?: Array<keyof Shape & string>;
  /** Only admins may run it; each adapter decides who is an admin. */
  admin?: boolean;
  /** Takes long enough that adapters should acknowledge first (Discord defer, Slack ack then respond). */
  slow?: boolean;
  examples?: string[];
  run(args: z.output<z.ZodObject<Shape>>, ctx: CommandContext): Reply | Promise<Reply>;
}

/**
 * A command of any option shape, as the registry holds them. `any` is confined
 * here: each command validates its own raw args with its own schema before run.
 */
// biome-ignore lint/suspicious/noExplicitAny: heterogeneous registry, see above
export type AnyCommand = Command<any>;
export type { Caller, CommandContext };

/** Builds a command from its option shape; unknown options are rejected, not ignored. */
export function defineCommand<Shape extends z.ZodRawShape>(spec: Omit<Command<Shape>, "options"> & { options: Shape }): Command<Shape> {
  return { ...spec, options: zod.strictObject(spec.options) };
}
