import { PassThrough, Writable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { ConsoleAnnouncer } from "../../adapters/console/console-announcer.js";
import { runConsoleChat } from "../../adapters/console/console-chat.js";
import { readingJob } from "../../src/reading/reading-job.js";
import { testServices } from "../helpers/bundled.js";
import { TestClock } from "../helpers/clock.js";

const DAY = 86_400_000;

describe("the reading group's buttons on the console", () => {
  it("prints the weekly post's RSVP buttons as commands, and a vote's buttons as numbers to type", async () => {
    let written = "";
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
    const services = testServices(undefined, { now: clock.now, reading: { postLeadMs: 3 * DAY } });
    services.deliverer.register(new ConsoleAnnouncer(output));
    const input = new PassThrough();
    const finished = runConsoleChat({ services, input, output, prompt: false });
    input.write("/reading channel\n/reading queue add Hyrax\n/reading queue add AlpaServe\n");
    await vi.waitFor(() => expect(written).toContain("AlpaServe is in the group queue"));
    await readingJob(services, "* * * * *").run();
    await services.deliverer.deliverDue();
    input.end("/reading vote 2026-W50\n2\n/reading rsvp week:2026-11-30 answer:going\n");
    await finished;
    await services.deliverer.deliverDue();
    services.store.close();

    expect(written).toContain("📖 Reading group 2026-W49");
    expect(written).toContain("  1. Going (0): /reading rsvp week:2026-11-30 answer:going\n  2. Can't make it (0): /reading rsvp week:2026-11-30 answer:not-going\nType the number, or the command.");
    expect(written).toContain("  1. Hyrax: /reading ballot paper:hyrax week:2026-12-07\n  2. AlpaServe: /reading ballot paper:alpaserve week:2026-12-07");
    // "2" picked the second paper of the vote the last reply offered.
    expect(written).toContain("Your vote for 2026-12-07: AlpaServe.");
    expect(written).toContain("You're going to the reading group of Mon 30 Nov 2026, 09:00 (UTC) (2026-W49). Going: 1; can't make it: 0.");
    // The post's counts follow as an update on the console.
    expect(written).toContain("(updated) 📖 Reading group 2026-W49");
    expect(written).toContain("  1. Going (1): /reading rsvp week:2026-11-30 answer:going");
  });
});
