import { afterEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/replies/reply.js";
import { closeWorlds, readingWorld, type ReadingWorld } from "../helpers/reading.js";

afterEach(closeWorlds);

const textOf = (reply: Reply) => (reply.kind === "notice" ? reply.text : reply.kind === "session" ? reply.headline : reply.kind);
const threads = (world: ReadingWorld) => world.discord.threadPosts.map((p) => `${p.parentMessageId} ${p.threadName}: ${textOf(p.reply)}`);

async function posted(world: ReadingWorld): Promise<void> {
  await world.admin("reading channel");
  await world.tick();
  world.at("2026-11-30T09:00:00Z");
  expect(await world.tick()).toHaveLength(1);
}

describe("the discussion thread of a weekly post", () => {
  it("opens once per session on the post, named after the session, and takes the slides", async () => {
    const world = readingWorld();
    await posted(world);
    world.at("2026-11-30T09:05:00Z");
    await world.tick();
    expect(threads(world)).toEqual(["m1 2026-W49 · SpotServe · XiaoKai: Discussion of 2026-W49 · SpotServe · XiaoKai. Reminders, slides and the vote result go here."]);

    world.at("2026-11-30T11:00:00Z");
    await world.admin("reading slides", { url: "https://example.org/spotserve.pdf" });
    await world.admin("reading slides", { url: "https://example.org/spotserve.pdf" });
    await world.s.deliverer.deliverDue();
    expect(threads(world).slice(1)).toEqual([expect.stringMatching(/^m1 2026-W49 · SpotServe · XiaoKai: Slides for Mon 30 Nov 2026, 09:00 \(UTC\) \(2026-W49\): https:\/\/example\.org\/spotserve\.pdf/)]);

    world.at("2026-12-07T09:00:00Z");
    await world.tick();
    expect(threads(world).at(-1)).toBe("m2 2026-W50 · Cocktail · hzq: Discussion of 2026-W50 · Cocktail · hzq. Reminders, slides and the vote result go here.");
    expect(world.discord.threadPosts).toHaveLength(3);
  });

  it("opens no thread with MSS_READING_THREADS=false; slides stay in history", async () => {
    const world = readingWorld(undefined, { reading: { threads: false } });
    await posted(world);
    await world.admin("reading slides", { url: "https://example.org/spotserve.pdf" });
    await world.s.deliverer.deliverDue();
    expect(world.discord.threadPosts).toEqual([]);
    expect(world.s.store.outbox.counts()).toEqual({ pending: 0, sending: 0, sent: 1, failed: 0 });
  });
});
