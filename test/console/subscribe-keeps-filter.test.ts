import { describe, expect, it } from "vitest";
import { testServices } from "../helpers/bundled.js";
import { consoleSession } from "../helpers/console-session.js";

describe("subscribe on the console: options not given keep their value", () => {
  it("a delivery option alone keeps the filter, venue:any clears only the venue, and each reply says what changed", async () => {
    const services = testServices();
    const written = await consoleSession(services, [
      "/subscribe venue:OSDI tag:scheduling mode:weekly day:fri",
      "/subscribe thread:yes",
      "/subscribe mention:none",
      "/subscribe venue:any",
    ]);
    expect(written).toContain("Announcements on for this channel: tag resource-scheduling, venue OSDI. New papers are collected into one digest, weekly on Friday at 09:00 (UTC)");
    expect(written).toContain("Announcements updated for this channel: tag resource-scheduling, venue OSDI. Changed: thread no → yes.");
    expect(written).toContain("Announcements updated for this channel: tag resource-scheduling, venue OSDI. Nothing changed.");
    expect(written).toContain("Announcements updated for this channel: tag resource-scheduling. Changed: venue OSDI → any.");
    expect(services.store.subscriptions.get("console", "console")).toMatchObject({
      filter: { tag: "resource-scheduling" },
      delivery: { mode: "weekly", day: "fri", thread: true, mention: null },
    });
    services.store.close();
  });
});
