import type { Writable } from "node:stream";
import type { Announcer, DeliveryResult } from "../../src/ports.js";
import type { Reply } from "../../src/replies/reply.js";
import { renderText } from "./render-text.js";

/** Announcements to the console channel are printed; a terminal has no message ids, so the key stands in. */
export class ConsoleAnnouncer implements Announcer {
  readonly platform = "console" as const;
  /** One terminal: one message at a time. */
  readonly limits = { concurrency: 1 };

  constructor(private readonly output: Writable) {}

  async announce(_channelId: string, reply: Reply, key: string): Promise<DeliveryResult> {
    this.output.write(`\n${renderText(reply)}\n\n`);
    return { ok: true, messageId: key };
  }

  /** A terminal cannot change what it printed: the new version is printed, marked as an update. */
  async edit(_channelId: string, messageId: string, reply: Reply): Promise<DeliveryResult> {
    this.output.write(`\n(updated) ${renderText(reply)}\n\n`);
    return { ok: true, messageId };
  }

  /** A direct message (a watch's paper): the console has one user, so it is printed too, marked as for them. */
  async direct(_userId: string, reply: Reply, key: string): Promise<DeliveryResult> {
    this.output.write(`\n✉️ for you:\n${renderText(reply)}\n\n`);
    return { ok: true, messageId: key };
  }
}
