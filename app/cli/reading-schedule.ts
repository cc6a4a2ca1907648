import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { renderText } from "../../adapters/console/render-text.js";
import { MAX_CLI_WEEKS } from "../../src/commands/reading/schedule.js";
import { scheduleJson, scheduleReply, scheduleSessions, withPast } from "../../src/reading/schedule-view.js";
import { EXIT, printJson, type CliCommand } from "./io.js";
import { cliServices } from "./services.js";

export const readingScheduleCliCommand: CliCommand = {
  name: "reading schedule",
  usage: "mss-bot reading schedule [--weeks N] [--ics FILE] [--json]",
  summary: "The next N reading-group sessions (default 4); --ics writes them as an iCalendar file, --json prints them as data",
  async run(args, io) {
    let values;
    let positionals;
    try {
      ({ values, positionals } = parseArgs({ args, options: { weeks: { type: "string" }, ics: { type: "string" } }, strict: true, allowPositionals: true }));
    } catch (error) {
      io.err(`error: ${(error as Error).message}\nusage: ${this.usage}\n`);
      return EXIT.badInput;
    }
    // "reading schedule 8" as in chat, or --weeks 8.
    const given = values.weeks ?? positionals[0];
    const weeks = given === undefined ? 4 : Number(given);
    if (positionals.length > (values.weeks === undefined ? 1 : 0)) {
      io.err(`error: unexpected "${positionals.join(" ")}"\nusage: ${this.usage}\n`);
      return EXIT.badInput;
    }
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_CLI_WEEKS) {
      io.err(`error: --weeks must be a whole number from 1 to ${MAX_CLI_WEEKS}\nusage: ${this.usage}\n`);
      return EXIT.badInput;
    }
    if (values.ics === "") {
      io.err(`error: --ics needs a file name\nusage: ${this.usage}\n`);
      return EXIT.badInput;
    }
    const ready = await cliServices(io);
    if (typeof ready === "number") return ready;
    const { services } = ready;
    try {
      const at = services.now();
      const sessions = scheduleSessions(services.reading, at, weeks);
      if (values.ics !== undefined) {
        try {
          const { scheduleIcs } = await import("../../src/reading/ics.js");
          await writeFile(values.ics, scheduleIcs(withPast(sessions, services.reading), services.reading.timeZone, at), "utf8");
        } catch (error) {
          io.err(`error: cannot write ${values.ics}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
          return EXIT.badInput;
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
