import { afterEach, describe, expect, it } from "vitest";
import { voteJob } from "../../src/reading/vote.js";
import type { Reply } from "../../src/replies/reply.js";
import { closeWorlds, readingWorld, type ReadingWorld } from "../helpers/reading.js";

afterEach(closeWorlds);

const DAY = 86_400_000;
const textOf = (reply: Reply) => (reply.kind === "notice" || reply.kind === "error" ? reply.text : reply.kind);

/** A group whose post goes out 3 days ahead, with three papers queued by an admin. */
async function queued(): Promise<ReadingWorld> {
  const world = readingWorld(undefined, { reading: { postLeadMs: 3 * DAY } });
  await world.admin("reading channel");
  for (const paper of ["ExoFlow", "Hyrax", "AlpaServe"]) await world.admin("reading queue add", { paper });
  return world;
}
const ballot = (world: ReadingWorld, userId: string, paper: string) => world.member("reading ballot", { paper }, { userId, userName: userId });

describe("a vote on a week's paper", () => {
  it("breaks a tie by queue order, closed early with reading vote close, and assigns the winner before the post as reading assign does", async () => {
    const world = await queued();
    expect(textOf(await world.admin("reading vote", { week: "2026-W51", hours: 48 }))).toContain("Vote open for Mon 14 Dec 2026, 09:00 (UTC) (2026-W51) until Mon 30 Nov 2026, 12:00 (UTC): ExoFlow, Hyrax, AlpaServe");
    expect(textOf(await ballot(world, "u1", "AlpaServe"))).toBe("Your vote for 2026-12-14: AlpaServe. It can be changed until Mon 30 Nov 2026, 12:00 (UTC).");
    expect(textOf(await ballot(world, "u2", "2"))).toContain("Your vote for 2026-12-14: Hyrax.");
    expect(textOf(await ballot(world, "u3", "Cocktail"))).toContain('"Cocktail" is not on the vote for 2026-12-14.');
    expect(textOf(await world.member("reading vote", { close: true }))).toContain("/reading vote is for admins only.");
    // Hyrax and AlpaServe tie at 1: Hyrax was queued first.
    expect(textOf(await world.admin("reading vote", { week: "close" }))).toBe(
      "The vote for Mon 14 Dec 2026, 09:00 (UTC) (2026-W51) is closed: Hyrax wins with 1 of 2 votes (ExoFlow 0, Hyrax 1, AlpaServe 1); it is assigned to Mon 14 Dec 2026, 09:00 (UTC).",
    );
    expect(world.s.store.reading.sessions.overrides()).toContainEqual({ date: "2026-12-14", kind: "assign", memberKey: "", paperId: "hyrax", createdBy: "vote" });
    expect((await world.schedule(3)).at(-1)).toMatch(/^2026-W51 \S+ Hyrax/);
    expect(textOf(await world.member("reading ballot", { paper: "hyrax", week: "2026-12-14" }))).toBe("This vote is closed.");
    expect(textOf(await ballot(world, "u1", "Hyrax"))).toBe("No vote is open.");
    expect(textOf(await world.admin("reading vote", { close: true, week: "2026-W51" }))).toContain("already closed");
    // Before the week's post the poll and the result went to the reading channel.
    await world.s.deliverer.deliverDue();
    expect(world.discord.posted.map((p) => textOf(p.reply).slice(0, 30))).toEqual(["Vote for the paper of Mon 14 D", "The vote for Mon 14 Dec 2026, "]);
  });

  it("refuses an empty queue and a deadline already past, and a vote closing with no votes leaves the rotation's paper", async () => {
    const empty = readingWorld(undefined, { reading: { postLeadMs: 3 * DAY } });
    expect(textOf(await empty.admin("reading vote"))).toBe("The group queue is empty: there is nothing to vote on.");
    const world = await queued();
    // The next session (Monday 30 Nov) is less than a day away from Saturday noon + 2 days.
    world.at("2026-11-29T10:00:00Z");
    expect(textOf(await world.admin("reading vote"))).toContain("A day before the session of Mon 30 Nov 2026, 09:00 (UTC) (2026-W49) has passed.");
    expect(textOf(await world.admin("reading vote", { hours: 2 }))).toContain("Vote open for Mon 30 Nov 2026");
    world.at("2026-11-29T12:00:00Z");
    expect(await voteJob(world.s).run()).toBe("votes closed: 2026-11-30");
    expect(world.s.store.reading.polls.get("2026-11-30")).toMatchObject({ status: "closed", winner: null });
  });
});

describe("RSVP by typing", () => {
  it("refuses a skipped week and a session that has started, and keeps one answer per user", async () => {
    const world = readingWorld(undefined, { reading: { postLeadMs: 3 * DAY } });
    await world.admin("reading skip", { week: "2026-W50" });
    expect(textOf(await world.member("reading rsvp", { week: "2026-W50", answer: "going" }))).toContain("that week is skipped");
    expect(textOf(await world.member("reading rsvp", { answer: "going" }))).toContain("Going: 1; can't make it: 0.");
    expect(textOf(await world.member("reading rsvp", { answer: "going" }))).toContain("Going: 1; can't make it: 0.");
    expect(textOf(await world.member("reading rsvp", { answer: "maybe" }))).toContain("answer: must be one of: going, not-going");
    world.at("2026-11-30T09:00:00Z");
    expect(textOf(await world.member("reading rsvp", { week: "2026-11-30", answer: "not-going" }))).toContain("has started; answers closed then.");
  });
});
