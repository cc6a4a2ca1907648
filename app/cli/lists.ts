import { renderText } from "../../adapters/console/render-text.js";
import { listStatuses, listsCommand } from "../../src/commands/lists.js";
import { dispatch } from "../../src/commands/dispatch.js";
import { badInput, EXIT, printJson, type CliCommand } from "./io.js";
import { CLI_OPERATOR } from "./acting-user.js";
import { cliServices } from "./services.js";

/** `mss-bot lists [--json]`: the chat command's table, and with --json each list as data (id, source, papers, lastSync, warning). */
export const listsCliCommand: CliCommand = {
  name: "lists",
  usage: "mss-bot lists [--json]",
  summary: listsCommand.description,
  async run(args, io) {
    if (args.length > 0) throw badInput(`unexpected "${args.join(" ")}"`, `usage: ${this.usage}`);
    const { services } = await cliServices();
    try {
      if (io.json) {
        printJson(io, { kind: "lists", lists: listStatuses(services) });
        return EXIT.ok;
      }
      const reply = await dispatch(services.commands, "lists", {}, { platform: "cli", channel: null, user: CLI_OPERATOR, services });
      io.out(`${renderText(reply)}\n`);
      return EXIT.ok;
    } finally {
      services.store.close();
    }
  },
};
