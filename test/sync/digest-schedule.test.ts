import { describe, expect, it } from "vitest";
import { lastDigestTime, nextDigestTime, periodLabel } from "../../src/sync/digest-schedule.js";

const iso = (d: Date | undefined) => d?.toISOString();

describe("digest times in MSS_TZ", () => {
  it("finds the daily digest time at or before now and the next one after it", () => {
    const daily = { mode: "daily", at: "09:00", day: "mon" } as const;
    expect(iso(lastDigestTime(daily, new Date("2026-12-07T08:59:59Z"), "UTC"))).toBe("2026-12-06T09:00:00.000Z");
    expect(iso(lastDigestTime(daily, new Date("2026-12-07T09:00:00Z"), "UTC"))).toBe("2026-12-07T09:00:00.000Z");
    expect(iso(nextDigestTime(daily, new Date("2026-12-07T09:00:00Z"), "UTC"))).toBe("2026-12-08T09:00:00.000Z");
    expect(lastDigestTime({ ...daily, mode: "instant" }, new Date(), "UTC")).toBeUndefined();
  });

  it("counts weekly digests from the named day, in the zone's local time", () => {
    const weekly = { mode: "weekly", at: "17:30", day: "fri" } as const;
    // Sat 28 Nov 2026, 13:00 in Berlin (UTC+1): the last Friday digest was the day before.
    const now = new Date("2026-11-28T12:00:00Z");
    expect(iso(lastDigestTime(weekly, now, "Europe/Berlin"))).toBe("2026-11-27T16:30:00.000Z");
    expect(iso(nextDigestTime(weekly, now, "Europe/Berlin"))).toBe("2026-12-04T16:30:00.000Z");
    expect(periodLabel(new Date("2026-12-04T16:30:00Z"), "Europe/Berlin")).toBe("2026-12-04T17:30");
    // Late on Friday in Tokyo is still Friday there, though UTC says Friday morning.
    expect(iso(lastDigestTime(weekly, new Date("2026-12-04T09:00:00Z"), "Asia/Tokyo"))).toBe("2026-12-04T08:30:00.000Z");
  });

  it("keeps the local time across daylight-saving changes, and moves a skipped time forward", () => {
    const daily = { mode: "daily", at: "09:00", day: "mon" } as const;
    // Berlin goes from UTC+1 to UTC+2 on 29 Mar 2026.
    expect(iso(nextDigestTime(daily, new Date("2026-03-28T09:00:00Z"), "Europe/Berlin"))).toBe("2026-03-29T07:00:00.000Z");
    const skipped = { mode: "daily", at: "02:30", day: "mon" } as const;
    expect(iso(nextDigestTime(skipped, new Date("2026-03-29T00:00:00Z"), "Europe/Berlin"))).toBe("2026-03-29T01:30:00.000Z");
  });
});
