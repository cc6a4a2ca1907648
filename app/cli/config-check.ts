import { describeProblem, loadConfig, type Config } from "../../src/config.js";
import { badInput, EXIT, printJson, type CliCommand } from "./io.js";
import { formatOffset } from "../../src/reading/reading-options.js";

/** "set (72 characters)", or "xoxb-… (57 characters)" for tokens whose prefix tells their kind. */
export function mask(secret: string | undefined): string {
  if (!secret) return "not set";
  const prefix = /^(xox[a-z]-|xapp-)/.exec(secret)?.[1];
  return `${prefix ? `${prefix}… ` : ""}set (${secret.length} characters)`;
}

/** What the bot will do with this configuration, secrets masked. */
export function describeConfig(c: Config): Record<string, string> {
  const platforms = [c.discord && "Discord", c.slack && "Slack"].filter(Boolean);
  const sourceOf = (u: Config["upstream"]) => (u.kind === "url" ? u.url : u.kind === "file" ? `file ${u.path}` : `bundled list ${u.path}`);
  const source = c.lists.length > 1 ? c.lists.map((l) => `${l.id}=${sourceOf(l.upstream)}`).join("; ") : sourceOf(c.upstream);
  const out: Record<string, string> = { platforms: platforms.length > 0 ? platforms.join(" and ") : "console only (no Discord or Slack token set)" };
  if (c.discord) {
    out.discord = `token ${mask(c.discord.token)}; ${c.discord.guildId ? `commands on server ${c.discord.guildId}` : "global commands"}${c.discord.apiUrl ? `; API ${c.discord.apiUrl}` : ""}`;
  }
  if (c.slack) {
    const mode = c.slack.appToken ? `Socket Mode (app token ${mask(c.slack.appToken)})` : `HTTP on port ${c.port} at /slack/events (signing secret ${mask(c.slack.signingSecret)})`;
    out.slack = `bot token ${mask(c.slack.botToken)}; ${mode}; admins: ${c.slack.adminUserIds.length > 0 ? c.slack.adminUserIds.join(", ") : "workspace admins and owners"}`;
  }
  return {
    ...out,
    [c.lists.length > 1 ? "lists" : "source"]: source,
    sync: `${c.syncCron} (${c.timeZone})`,
    "reading group": `${c.readingCron} (${c.timeZone}); each post ${c.reading.postLeadMs > 0 ? `${formatOffset(c.reading.postLeadMs)} before its session` : "when its session starts"}`,
    announcements: `${c.announceChanges ? "additions and changes" : "additions only"}; more than ${c.maxAnnounce} at once become a digest`,
    database: c.dbPath,
    // The HTTP server runs only beside a platform (app/main.ts): the console alone listens on nothing.
    http: platforms.length > 0 ? `port ${c.port} (/healthz, /readyz, /metrics)` : `off: nothing listens with the console only (PORT ${c.port} is used once Discord or Slack is on)`,
    "log level": `${c.logLevel}, to ${c.logFile ?? "stderr"}`,
  };
}

export const configCheckCommand: CliCommand = {
  name: "config check",
  usage: "mss-bot config check [--json]",
  summary: "Validate the environment (and .env) and show what is enabled, secrets masked",
  async run(args, io) {
    if (args.length > 0) throw badInput(`unexpected "${args.join(" ")}"`, `usage: ${this.usage}`);
    const loaded = loadConfig();
    if (!loaded.ok) {
      const count = loaded.problems.length;
      const text = `the configuration has ${count} problem${count === 1 ? "" : "s"}`;
      if (io.json) printJson(io, { kind: "error", reason: "invalid", text, ok: false, problems: loaded.problems });
      io.err(`Configuration is invalid (${count} problem${count === 1 ? "" : "s"}):\n${loaded.problems.map((p) => `  ${describeProblem(p)}`).join("\n")}\n`);
      return EXIT.badInput;
    }
    const described = describeConfig(loaded.config);
    if (io.json) printJson(io, { ok: true, config: described });
    else io.out(`Configuration is valid.\n${Object.entries(described).map(([k, v]) => `  ${`${k}:`.padEnd(15)} ${v}`).join("\n")}\n`);
    return EXIT.ok;
  },
};
