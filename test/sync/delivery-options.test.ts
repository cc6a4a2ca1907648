import { afterEach, describe, expect, it } from "vitest";
import type { Services } from "../../src/services.js";
import { run, testServices } from "../helpers/bundled.js";

const opened: Services[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.store.close();
});

const admin = (channel: string) => ({ platform: "discord" as const, isAdmin: true, channel });

describe("subscribe's delivery options", () => {
  it("refuses a bad time, a day without a weekly digest, and a time without a digest, with clear messages", async () => {
    const s = testServices();
    opened.push(s);
    expect(await run("subscribe", { mode: "daily", at: "25:00" }, s, admin("c1"))).toMatchObject({
      kind: "error",
      text: expect.stringContaining("must be a time of day on the 24-hour clock, like 09:00 or 17:30"),
    });
    expect(await run("subscribe", { mode: "weekly", day: "someday" }, s, admin("c1"))).toMatchObject({
      kind: "error",
      text: expect.stringContaining("must be a day of the week: sun, mon, tue, wed, thu, fri, sat"),
    });
    expect(await run("subscribe", { mode: "daily", day: "mon" }, s, admin("c1"))).toMatchObject({ kind: "error", text: "day is for weekly digests: a daily digest goes out every day." });
    expect(await run("subscribe", { at: "9:30" }, s, admin("c1"))).toMatchObject({ kind: "error", hint: "Add mode:daily or mode:weekly." });
    expect(await run("subscribe", { mode: "hourly" }, s, admin("c1"))).toMatchObject({ kind: "error", text: expect.stringContaining("must be one of: instant, daily, weekly") });
    expect(s.store.subscriptions.all()).toEqual([]);
    await run("subscribe", { mode: "daily", at: "9:30" }, s, admin("c1"));
    expect(s.store.subscriptions.get("discord", "c1")?.delivery).toEqual({ mode: "daily", at: "09:30", day: "mon", thread: false, mention: null });
  });

  it("keeps the delivery options not given, and refuses a mention that is not a role or user group", async () => {
    const s = testServices();
    opened.push(s);
    await run("subscribe", { mode: "weekly", day: "wed", thread: "yes", mention: "<@&123456789012345678>" }, s, admin("c1"));
    expect(await run("subscribe", { venue: "OSDI" }, s, admin("c1"))).toMatchObject({ text: expect.stringContaining("Each post gets a discussion thread. Each post pings role 123456789012345678.") });
    expect(s.store.subscriptions.get("discord", "c1")?.delivery).toEqual({ mode: "weekly", at: "09:00", day: "wed", thread: true, mention: "123456789012345678" });
    for (const bad of ["@everyone", "@here", "<@123456789012345678>", "<#123456789012345678>", "moderators"]) {
      expect(await run("subscribe", { mention: bad }, s, admin("c1"))).toMatchObject({ kind: "error", text: expect.stringContaining("mention must be a Discord role") });
    }
    expect(await run("subscribe", { mention: "<!channel>" }, s, { platform: "slack", isAdmin: true, channel: "C1" })).toMatchObject({ kind: "error", text: expect.stringContaining("mention must be a Slack user group") });
    await run("subscribe", { mention: "<!subteam^S0PAPERS|@papers>" }, s, { platform: "slack", isAdmin: true, channel: "C1" });
    expect(s.store.subscriptions.get("slack", "C1")?.delivery.mention).toBe("S0PAPERS");
    await run("subscribe", { mention: "none" }, s, admin("c1"));
    expect(s.store.subscriptions.get("discord", "c1")?.delivery).toMatchObject({ mention: null, thread: true });
  });
});
