import { createHash } from "node:crypto";

/**
 * The keys of announcements and of their deliveries, built in one place. An
 * announcement's key makes a repeated decision a no-op; a delivery's key is
 * the platform's idempotency key (Discord nonce, Slack metadata), so their
 * shapes are stored data: change none of them.
 */

/** Where one delivery goes: a channel, or a user's DMs. */
export interface DeliveryPlace {
  platform: string;
  channelId: string;
}

/** An announcement's delivery to one channel: "<announcement>|<platform>:<channel>". */
export const channelDeliveryKey = (announcementKey: string, place: DeliveryPlace) => `${announcementKey}|${place.platform}:${place.channelId}`;

/** An announcement's delivery to one user's DMs: "<announcement>|dm:<platform>:<user>". */
export const dmDeliveryKey = (announcementKey: string, platform: string, userId: string) => `${announcementKey}|dm:${platform}:${userId}`;

/** The first post of an announcement's discussion thread, shared by every channel. */
export const threadOpeningKey = (announcementKey: string) => `${announcementKey}|thread`;

/** A channel's daily or weekly digest of the period ending at `period` ("2026-12-07T09:00" in MSS_TZ); also its delivery's key. */
export const scheduledDigestKey = (mode: "daily" | "weekly", period: string, place: DeliveryPlace) => channelDeliveryKey(`digest|${mode}|${period}`, place);

/** The mode and period a scheduled digest's key names (`why` tells them); undefined for any other key. */
export function scheduledDigestOf(key: string): { mode: string; period: string } | undefined {
  const [kind, mode, period] = key.split("|");
  return kind === "digest" && mode !== undefined && period !== undefined ? { mode, period } : undefined;
}

const shortHash = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);

/** A list's announcement of a paper added. */
export const addedKey = (source: string, paperId: string) => `${source}|added|${paperId}`;

/** A list's announcement of a paper changed; `fields` (the notable [field, new value] pairs) tell one change from the next. */
export const changedKey = (source: string, paperId: string, fields: unknown) => `${source}|changed|${paperId}|${shortHash(fields)}`;

/** The flood guard's one digest in place of `keys` (the announcements it holds), in one channel. */
export const floodDigestKey = (source: string, keys: readonly string[], place: DeliveryPlace) => channelDeliveryKey(`${source}|digest|${shortHash(keys)}`, place);

/** A watch's DM about one paper (its announcement; the DM's key adds the user). */
export const watchKey = (source: string, watchId: number, paperId: string) => `${source}|${watchId}|${paperId}`;

/** A list's announcement that a preprint was published at `venue`. */
export const publishedKey = (source: string, paperId: string, venue: string) => `${source}|published|${paperId}|${venue}`;

/** A reading session's weekly post. */
export const sessionKey = (date: string) => `reading|${date}`;

/** The weekly post of a session in one channel: the message its thread hangs on, and that RSVP edits change. */
export const sessionPostKey = (date: string, place: DeliveryPlace) => channelDeliveryKey(sessionKey(date), place);

/** The `n`th edit (from 1) of a session's weekly post in one channel. */
export const sessionEditKey = (date: string, place: DeliveryPlace, n: number) => `reading-edit|${date}|${place.platform}:${place.channelId}|${n}`;

/** The first post of a session's discussion thread. */
export const sessionThreadKey = (date: string) => `reading-thread|${date}`;

/** Slides for a session: one key per link, so the same link twice posts once. */
export const slidesKey = (date: string, url: string) => `reading-slides|${date}|${createHash("sha256").update(url).digest("hex").slice(0, 16)}`;

/** A reminder `offset` (as written: "2d", "1h") before a session. */
export const reminderKey = (date: string, offset: string) => `reading-remind|${date}|${offset}`;

/** A session's vote, its result, and the edit that closes it in one channel. */
export const voteKey = (date: string) => `reading-vote|${date}`;
export const voteResultKey = (date: string) => `reading-vote-result|${date}`;
export const voteClosedKey = (date: string, place: DeliveryPlace) => `reading-vote-closed|${date}|${place.platform}:${place.channelId}`;
