import { describe, expect, it } from "vitest";
import { testServices } from "../helpers/bundled.js";
import { TestClock } from "../helpers/clock.js";
import { consoleSession } from "../helpers/console-session.js";

const DAY = 86_400_000;

describe("two votes on the console cannot undo each other", () => {
  it("does not offer a paper another open vote offers, and says which were left out", async () => {
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
    const services = testServices(undefined, { now: clock.now, reading: { postLeadMs: 3 * DAY } });
    const written = await consoleSession(services, [
      "/reading queue add AlpaServe",
      "/reading queue add Shepherd",
      "/reading vote 2026-12-14",
      "/reading vote 2026-12-21",
      "/reading queue add Hyrax",
      "/reading vote 2026-12-21",
    ]);
    expect(written).toContain("Vote open for Mon 14 Dec 2026, 09:00 (UTC) (2026-W51) until Sun 13 Dec 2026, 09:00 (UTC): AlpaServe, Shepherd;");
    expect(written).toContain(
      "Error: Every paper of the group queue is taken by another week: AlpaServe (offered in the open vote for Mon 14 Dec 2026, 09:00 (UTC)), Shepherd (offered in the open vote for Mon 14 Dec 2026, 09:00 (UTC)).",
    );
    expect(written).toContain("Vote open for Mon 21 Dec 2026, 09:00 (UTC) (2026-W52) until Sun 20 Dec 2026, 09:00 (UTC): Hyrax;");
    expect(written).toContain("Not offered, taken by another week: AlpaServe (offered in the open vote for Mon 14 Dec 2026, 09:00 (UTC)), Shepherd (offered in the open vote for Mon 14 Dec 2026, 09:00 (UTC)).");
    expect(services.store.reading.polls.get("2026-12-21")?.choices.map((c) => c.name)).toEqual(["Hyrax"]);
    services.store.close();
  });

  it("a close never drops another week's assignment: the paper assigned since stays, and the result says so", async () => {
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
    const services = testServices(undefined, { now: clock.now, reading: { postLeadMs: 3 * DAY } });
    const written = await consoleSession(services, [
      "/reading queue add AlpaServe",
      "/reading queue add Shepherd",
      "/reading vote 2026-12-21",
      "/reading ballot paper:shepherd week:2026-12-21",
      "/reading assign Shepherd week:2026-12-14",
      "/reading vote close",
    ]);
    expect(written).toContain(
      "The vote for Mon 21 Dec 2026, 09:00 (UTC) (2026-W52) is closed with 1 vote (AlpaServe 0, Shepherd 1): Shepherd has 1 but stays assigned to Mon 14 Dec 2026, 09:00 (UTC); no other paper got a vote, so the rotation decides the paper.",
    );
    expect(services.store.reading.sessions.overrides().filter((o) => o.kind === "assign")).toEqual([expect.objectContaining({ date: "2026-12-14", paperId: "shepherd" })]);
    services.store.close();
  });

  it("a vote's winner that replaces the week's own assignment names the paper it replaces", async () => {
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
    const services = testServices(undefined, { now: clock.now, reading: { postLeadMs: 3 * DAY } });
    const written = await consoleSession(services, [
      "/reading queue add AlpaServe",
      "/reading assign Hyrax week:2026-12-21",
      "/reading vote 2026-12-21",
      "/reading ballot paper:alpaserve week:2026-12-21",
      "/reading vote close",
    ]);
    expect(written).toContain("AlpaServe wins with 1 of 1 vote (AlpaServe 1); it is assigned to Mon 21 Dec 2026, 09:00 (UTC) in place of Hyrax (assigned by you).");
    services.store.close();
  });
});
