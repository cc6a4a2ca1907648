import type { AnyCommand } from "../../src/commands/command.js";
import type { CommandContext } from "../../src/commands/context.js";
import { dispatch } from "../../src/commands/dispatch.js";
import type { RawArgs } from "../../src/commands/parse-text.js";
import { encodeCommandLink } from "../../src/replies/command-link.js";
import type { CommandLink, Reply } from "../../src/replies/reply.js";
import type { Services } from "../../src/services.js";
import type { SlackAdmins } from "./admins.js";
import { LIMITS } from "./render/blocks.js";
import { paperLink } from "./render/card.js";

/** Who clicked or typed, as Slack says. */
export interface SlackCaller {
  userId: string;
  userName: string;
  channelId: string | undefined;
}

/** Runs core commands for Slack users through the one dispatcher. */
export class SlackCommandRunner {
  constructor(
    private readonly services: Services,
    private readonly admins: SlackAdmins,
  ) {}

  get registry() {
    return this.services.commands;
  }

  /** Admin rights are looked up only for admin commands, so a lookup never costs a users.info call. */
  async run(command: AnyCommand, args: RawArgs, caller: SlackCaller): Promise<Reply> {
    const isAdmin = command.admin ? await this.admins.isAdmin(caller.userId) : false;
    const ctx: CommandContext = {
      platform: "slack",
      channel: caller.channelId ? { platform: "slack", id: caller.channelId } : null,
      user: { id: caller.userId, name: caller.userName, isAdmin },
      services: this.services,
    };
    return dispatch(this.services.commands, command.name, args, ctx);
  }

  /**
   * The Share button's value: the command that gives this answer again, for
   * lookups only (a card, a page, an info reply of a non-admin command).
   */
  shareValue(command: AnyCommand, args: RawArgs, reply: Reply): string | undefined {
    let link: CommandLink | undefined;
    if (reply.kind === "paper") link = paperLink(reply.card);
    else if ((reply.kind === "papers" || reply.kind === "info") && !command.admin) link = { command: command.name, args };
    const value = link && encodeCommandLink(link);
    return value && value.length <= LIMITS.actionValue ? value : undefined;
  }
}
