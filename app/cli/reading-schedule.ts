import { writeFile } from "node:fs/promises";
import { renderText } from "../../adapters/console/render-text.js";
import { MAX_CLI_WEEKS } from "../../src/commands/reading/schedule.js";
import { scheduleJson, scheduleReply, scheduleSessions, withPast } from "../../src/reading/schedule-view.js";
import { parseCliArgs } from "./args.js";
import { badInput, cannotWrite, EXIT, printJson, type CliCommand } from "./io.js";
import { cliServices } from "./services.js";

export const readingScheduleCliCommand: CliCommand = {
  name: "reading schedule",
  usage: "mss-bot reading schedule [--weeks N] [--ics FILE] [--json]",
  summary: "The next N reading-group sessions (default 4); --ics writes them as an iCalendar file, --json prints them as data",
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, { weeks: { type: "string" }, ics: { type: "string" } }, this.usage, true);
    // "reading schedule 8" as in chat, or --weeks 8.
    const given = values.weeks ?? positionals[0];
    const weeks = given === undefined ? 4 : Number(given);
    if (positionals.length > (values.weeks === undefined ? 1 : 0)) throw badInput(`unexpected "${positionals.join(" ")}"`, `usage: ${this.usage}`);
    if (/^\s*\d+\s*$/.test(given ?? "") && weeks > MAX_CLI_WEEKS) throw badInput(`--weeks ${given} is too large: at most ${MAX_CLI_WEEKS}`, `usage: ${this.usage}`);
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_CLI_WEEKS) throw badInput(`--weeks must be a whole number from 1 to ${MAX_CLI_WEEKS} (not "${given}")`, `usage: ${this.usage}`);
    if (values.ics === "") throw badInput("--ics needs a file name", `usage: ${this.usage}`);
    const { services } = await cliServices();
    try {
      const at = services.now();
      const sessions = scheduleSessions(services.reading, at, weeks);
      if (values.ics !== undefined) {
        try {
          const { scheduleIcs } = await import("../../src/reading/ics.js");
          await writeFile(values.ics, scheduleIcs(withPast(sessions, services.reading), services.reading.timeZone, at), "utf8");
        } catch (error) {
          throw cannotWrite(values.ics, error);
        }
      }
      if (io.json) printJson(io, scheduleJson(sessions, services.reading));
      else io.out(`${renderText(await scheduleReply(sessions, services.reading, at, false))}\n${values.ics ? `\nWrote ${sessions.filter((s) => !s.skipped).length} sessions to ${values.ics}\n` : ""}`);
      return EXIT.ok;
    } finally {
      services.store.close();
    }
  },
};
