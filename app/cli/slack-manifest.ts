import { createRegistry } from "../../src/commands/all.js";
import { EXIT, printJson, type CliCommand } from "./io.js";

/** `mss-bot slack manifest [--http <public base url>]`: the Slack app manifest, generated from the command registry. */
export const slackCommand: CliCommand = {
  name: "slack",
  usage: "mss-bot slack manifest [--http <public base url>]",
  summary: "The Slack app manifest (JSON) to create the app from: Socket Mode, or --http with request URLs",
  async run(args, io) {
    const [sub, ...rest] = args;
    let httpBaseUrl: string | undefined;
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i] as string;
      const inline = /^--http=(.*)$/.exec(arg);
      if (arg === "--http" || inline) {
        httpBaseUrl = inline ? inline[1] : rest[++i];
        continue;
      }
      io.err(`error: unexpected "${arg}"\nusage: ${this.usage}\n`);
      return EXIT.badInput;
    }
    if (sub !== "manifest") {
      io.err(`usage: ${this.usage}\n`);
      return EXIT.badInput;
    }
    if (httpBaseUrl !== undefined && !isPublicBase(httpBaseUrl)) {
      io.err(`error: --http needs the bot's public base URL, like https://bot.example.org\n`);
      return EXIT.badInput;
    }
    // Loaded here so other commands do not pay for the Slack adapter's modules.
    const { buildManifest } = await import("../../adapters/slack/manifest.js");
    printJson(io, buildManifest(createRegistry(), httpBaseUrl ? { httpBaseUrl } : {}));
    return EXIT.ok;
  },
};

function isPublicBase(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.search === "" && url.hash === "";
  } catch {
    return false;
  }
}
