import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ConsoleAnnouncer } from "../../adapters/console/console-announcer.js";
import { readingJob } from "../../src/reading/reading-job.js";
import { testServices } from "../helpers/bundled.js";
import { TestClock } from "../helpers/clock.js";
import { consoleSession } from "../helpers/console-session.js";

const DAY = 86_400_000;

describe("the weekly post on the console once its session starts", () => {
  it("is printed again, as an update, without its RSVP buttons", async () => {
    let printed = "";
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        printed += chunk.toString();
        done();
      },
    });
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
    const services = testServices(undefined, { now: clock.now, reading: { postLeadMs: 3 * DAY } });
    services.deliverer.register(new ConsoleAnnouncer(output));
    await consoleSession(services, ["/reading channel"]);
    const job = readingJob(services, "* * * * *");
    await job.run();
    await services.deliverer.deliverDue();
    expect(printed).toContain("  1. Going (0): /reading rsvp week:2026-11-30 answer:going");

    clock.advance(Date.parse("2026-11-30T09:00:00Z") - clock.now().getTime());
    await job.run();
    await services.deliverer.deliverDue();
    const update = printed.slice(printed.indexOf("(updated) "));
    expect(update).toContain("(updated) 📖 Reading group 2026-W49");
    expect(update).not.toContain("/reading rsvp");
    expect(update).not.toContain("Going (");
    services.store.close();
  });
});
