import { dispatch } from "../../src/commands/dispatch.js";
import type { RawArgs } from "../../src/commands/parse-text.js";
import type { Job } from "../../src/jobs/job-runner.js";
import { readingJob } from "../../src/reading/reading-job.js";
import { reminderJob } from "../../src/reading/reminders.js";
import type { Reply } from "../../src/replies/reply.js";
import type { Services } from "../../src/services.js";
import { RecordingAnnouncer } from "../fakes/recording-announcer.js";
import { bundledText, run, testServices, type CallerOptions, type TestServiceOptions } from "./bundled.js";
import { TestClock } from "./clock.js";

/** Saturday 28 November 2026, noon UTC: the next sessions (Mondays 09:00) are 30 Nov, 7 Dec, 14 Dec … */
export const SATURDAY = "2026-11-28T12:00:00Z";

export interface ReadingWorld {
  s: Services;
  clock: TestClock;
  discord: RecordingAnnouncer;
  job: Job;
  /** Moves the hand clock to an instant. */
  at(iso: string): void;
  /** A command as an admin in the reading channel on Discord. */
  admin(name: string, args?: RawArgs): Promise<Reply>;
  /** A command as a member (user u1, not an admin). */
  member(name: string, args?: RawArgs, over?: CallerOptions & { userId?: string; userName?: string }): Promise<Reply>;
  /** Runs the weekly job the way the runner does, then delivers the outbox; returns the posts it made. */
  tick(): Promise<RecordingAnnouncer["posted"]>;
  /** Runs the reminder job, then delivers the outbox; returns the channel posts and DMs it made. */
  remind(): Promise<{ posts: RecordingAnnouncer["posted"]; dms: RecordingAnnouncer["directs"] }>;
  /** `reading schedule` as a user reads it: "2026-W49 XiaoKai SpotServe (ASPLOS 2024)" per session. */
  schedule(weeks?: number): Promise<string[]>;
  /** Stops the deliverer's timer and closes the store: the process ends. */
  close(): Promise<void>;
}

const open = new Set<ReadingWorld>();

/** Closes every world a test opened (call in afterEach): no deliverer timer outlives its test. */
export async function closeWorlds(): Promise<void> {
  for (const world of [...open]) await world.close();
}

/** A reading group over a list with a hand-moved clock, the real weekly job and a recording Discord. */
export function readingWorld(markdown = bundledText(), over: TestServiceOptions & { start?: string } = {}): ReadingWorld {
  const { start, ...options } = over;
  const clock = new TestClock(Date.parse(start ?? SATURDAY));
  const s = testServices(markdown, { now: clock.now, ...options });
  const discord = new RecordingAnnouncer("discord");
  s.deliverer.register(discord);
  const job = readingJob(s, options.readingCron ?? "0 9 * * 1");
  const world: ReadingWorld = {
    s,
    clock,
    discord,
    job,
    at(iso) {
      clock.advance(Date.parse(iso) - clock.now().getTime());
    },
    admin: (name, args = {}) => run(name, args, s, { platform: "discord", isAdmin: true, channel: "reading" }),
    member(name, args = {}, o = {}) {
      return dispatch(s.commands, name, args, {
        platform: o.platform ?? "discord",
        channel: { platform: o.platform ?? "discord", id: "reading" },
        user: { id: o.userId ?? "111111", name: o.userName ?? "someone", isAdmin: false },
        services: s,
      });
    },
    async tick() {
      const before = discord.posted.length;
      await job.run();
      await s.deliverer.deliverDue();
      return discord.posted.slice(before);
    },
    async remind() {
      const [posts, dms] = [discord.posted.length, discord.directs.length];
      await reminderJob(s).run();
      await s.deliverer.deliverDue();
      return { posts: discord.posted.slice(posts), dms: discord.directs.slice(dms) };
    },
    async close() {
      open.delete(world);
      await s.deliverer.stop();
      s.store.close();
    },
    async schedule(weeks = 4) {
      const reply = await run("reading schedule", { weeks }, s, { platform: "discord", channel: "reading" });
      if (reply.kind !== "info") throw new Error(`reading schedule answered ${JSON.stringify(reply)}`);
      return reply.sections.map((section) => {
        const week = section.title.split(" · ")[1] ?? section.title;
        const value = (label: string) => section.rows.find((r) => r.label === label)?.value;
        if (value("Skipped") !== undefined) return `${week} skipped`;
        return `${week} ${value("Presenter")} ${value("Paper")}`;
      });
    },
  };
  open.add(world);
  return world;
}

/** The session reply `reading next` shows now. */
export async function nextSession(world: ReadingWorld): Promise<Reply> {
  return run("reading next", {}, world.s, { platform: "discord", channel: "reading" });
}
