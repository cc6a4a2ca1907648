import type { Platform } from "../replies/reply.js";
import type { DeliveryOptions, SubscriptionFilter } from "../store/subscription-repo.js";
import { describeMention } from "./delivery-options.js";

/** The word that clears one filter field: `venue:any`. */
export const ANY = "any";

export const isAny = (value: string): boolean => value.trim().toLowerCase() === ANY;

interface Settings {
  filter: SubscriptionFilter;
  delivery: DeliveryOptions;
}

/**
 * "venue OSDI → any, thread no → yes": each setting that differs, in option
 * order, so an update's reply says what it changed and nothing else.
 */
export function describeChanges(platform: Platform, before: Settings, after: Settings): string[] {
  const filterValue = (v: string | undefined) => v ?? ANY;
  const yesNo = (v: boolean) => (v ? "yes" : "no");
  const pairs: [string, string, string][] = [
    ["list", filterValue(before.filter.list), filterValue(after.filter.list)],
    ["tag", filterValue(before.filter.tag), filterValue(after.filter.tag)],
    ["venue", filterValue(before.filter.venue), filterValue(after.filter.venue)],
    ["reporter", filterValue(before.filter.reporter), filterValue(after.filter.reporter)],
    ["mode", before.delivery.mode, after.delivery.mode],
    ["at", before.delivery.at, after.delivery.at],
    ["day", before.delivery.day, after.delivery.day],
    ["thread", yesNo(before.delivery.thread), yesNo(after.delivery.thread)],
    ["mention", describeMention(platform, before.delivery.mention), describeMention(platform, after.delivery.mention)],
  ];
  return pairs.filter(([, from, to]) => from !== to).map(([name, from, to]) => `${name} ${from} → ${to}`);
}
