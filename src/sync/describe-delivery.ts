import { formatLocal, localTime } from "../reading/zoned-time.js";
import type { DeliveryOptions } from "../store/subscription-repo.js";
import { nextDigestTime } from "./digest-schedule.js";

const DAY_NAMES = { sun: "Sunday", mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday" } as const;

/** "instant", "daily at 09:00 (Europe/Berlin)", "weekly on Monday at 09:00 (UTC)". */
export function describeCadence(delivery: DeliveryOptions, timeZone: string): string {
  if (delivery.mode === "instant") return "instant: each paper is posted when the list changes upstream";
  const when = delivery.mode === "daily" ? `daily at ${delivery.at}` : `weekly on ${DAY_NAMES[delivery.day]} at ${delivery.at}`;
  return `${when} (${timeZone})`;
}

/** "Mon 7 Dec 2026, 09:00" in the zone, or undefined for an instant subscription. */
export function nextDigestText(delivery: DeliveryOptions, now: Date, timeZone: string): string | undefined {
  const next = nextDigestTime(delivery, now, timeZone);
  return next === undefined ? undefined : formatLocal(localTime(next, timeZone));
}
