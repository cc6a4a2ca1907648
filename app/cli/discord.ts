import type { CliCommand } from "./io.js";

/** `mss-bot discord …`; discord.js is loaded only when this command runs, so other commands start fast. */
export const discordCommand: CliCommand = {
  name: "discord",
  usage: "mss-bot discord register [--dry-run]",
  summary: "Print the Discord slash-command definitions; register them unless --dry-run",
  async run(args, io) {
    const { runDiscordRegister } = await import("./discord-register.js");
    return runDiscordRegister(args, io);
  },
};
