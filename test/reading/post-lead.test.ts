import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import type { Reply } from "../../src/replies/reply.js";
import { closeWorlds, readingWorld } from "../helpers/reading.js";

afterEach(closeWorlds);

const DAY = 86_400_000;
const headline = (reply: Reply) => (reply.kind === "session" ? reply.headline : reply.kind === "notice" ? reply.text.slice(0, 40) : reply.kind);

describe("MSS_READING_POST_LEAD", () => {
  const lead = (env: Record<string, string>) => {
    const result = parseConfig(env);
    return result.ok ? result.config.reading.postLeadMs : result.problems;
  };

  it("defaults to 3 days (a day more than a longer first reminder), reads durations and 0, and must come before the first reminder", () => {
    expect(lead({})).toBe(3 * DAY);
    expect(lead({ MSS_READING_REMIND: "1w,1h" })).toBe(8 * DAY);
    expect(lead({ MSS_READING_POST_LEAD: "60h" })).toBe(60 * 3_600_000);
    expect(lead({ MSS_READING_POST_LEAD: "0", MSS_READING_REMIND: "off" })).toBe(0);
    expect(lead({ MSS_READING_POST_LEAD: "3 days" })).toEqual([{ variable: "MSS_READING_POST_LEAD", value: "3 days", message: expect.stringContaining('like "3d"') }]);
    expect(lead({ MSS_READING_POST_LEAD: "6w" })).toEqual([{ variable: "MSS_READING_POST_LEAD", value: "6w", message: expect.stringContaining("at most 5w") }]);
    expect(lead({ MSS_READING_POST_LEAD: "1d" })).toEqual([
      { variable: "MSS_READING_POST_LEAD", value: "1d", message: "must be longer than the first reminder of MSS_READING_REMIND (2d), so the weekly post and its thread come before it" },
    ]);
  });
});

describe("the week's order with the default lead: post, reminders, session", () => {
  it("posts 3 days ahead, then the 2-day and 1-hour reminders go into the post's thread, each once; the next post follows the session", async () => {
    const world = readingWorld(undefined, { reading: { postLeadMs: 3 * DAY }, start: "2026-12-03T12:00:00Z" });
    await world.admin("reading channel");
    expect(await world.tick()).toEqual([]);
    expect((await world.remind()).posts).toEqual([]);

    world.at("2026-12-04T09:00:00Z");
    expect((await world.tick()).map((p) => headline(p.reply))).toEqual(["Reading group 2026-W50"]);
    expect(await world.tick()).toEqual([]);
    // The post is out; the session is still the next one, as posted.
    expect(await world.schedule(1)).toEqual(["2026-W50 XiaoKai SpotServe (ASPLOS 2024)"]);

    world.at("2026-12-05T09:00:00Z");
    await world.remind();
    world.at("2026-12-07T08:00:00Z");
    await world.remind();
    await world.remind();
    const thread = world.discord.threadPosts.map((p) => `${p.parentMessageId}: ${p.reply.kind === "session" ? p.reply.headline : headline(p.reply)}`);
    expect(thread).toEqual([
      "m1: Discussion of 2026-W50 · SpotServe · Xia",
      "m1: Reminder: reading group 2026-W50 starts in 2 days",
      "m1: Reminder: reading group 2026-W50 starts in 1 hour",
    ]);
    expect(world.discord.posted).toHaveLength(1);

    world.at("2026-12-11T09:00:00Z");
    expect((await world.tick()).map((p) => headline(p.reply))).toEqual(["Reading group 2026-W51"]);
  });
});
