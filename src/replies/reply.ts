import type { LinkKind } from "../papers/index.js";
import { PLATFORMS, type Platform } from "../papers/platforms.js";
import type { FieldOrigin, PaperRecord } from "../papers/record.js";

// The platform list is a ground-floor word; replies name it for their many readers.
export { PLATFORMS, type Platform };

/** A paper as every renderer shows it; all strings are untrusted upstream text, escaped by each renderer. */
export interface PaperCard {
  id: string;
  name: string;
  year: number | null;
  venue: string | null;
  categories: Array<{ symbol: string; label: string }>;
  links: Array<{ kind: LinkKind; label: string; url: string }>;
  reporters: string[];
  /** What is known of the paper beyond the list (title, authors, abstract, ids), when it was resolved. */
  record?: PaperRecord;
  /** The full title as the list gives it; only without a record (the record's wins). */
  title?: string;
  /** The authors as the list writes them; only without a record. */
  authors?: string[];
  /** The followed lists that hold the paper (ids, in MSS_LISTS order); only when several lists are followed. */
  lists?: string[];
}

/** A command the user can run by clicking (pagination, pick-lists); see command-link.ts. */
export interface CommandLink {
  command: string;
  args: Record<string, string | number | boolean>;
}

/**
 * A button that runs a command for whoever clicks and answers them alone, the
 * message staying as it is (an RSVP, a vote); typed or picked by number on the console.
 */
export interface ReplyAction {
  label: string;
  link: CommandLink;
}

export interface InfoRow {
  label: string;
  value: string;
  url?: string;
}

/**
 * A picture attached to a reply (a chart): the PNG bytes, its file name, and a
 * text alternative with the same numbers, which every platform shows to
 * screen readers (Discord's description, Slack's alt text) or prints (the console).
 */
export interface ReplyImage {
  /** "stats.png": letters, digits, dot, dash and underscore only. */
  name: string;
  mime: "image/png";
  data: Uint8Array;
  /** A short title shown with the file (Slack's file title). */
  title: string;
  alt: string;
}

export interface InfoSection {
  title: string;
  rows: InfoRow[];
}

export interface AnnouncedPaper {
  change: "added" | "changed";
  card: PaperCard;
  /** Human-readable field changes for "changed", e.g. "venue: arXiv → OSDI". */
  changes: string[];
}

export interface SessionPresenter {
  name: string;
  /** Chat user linked to the reporter, per platform, to mention in the post. */
  userIds: Partial<Record<Platform, string>>;
}

/** Whom a channel post pings, chosen per subscription: a Discord role or a Slack user group, by its platform id. */
export interface Mention {
  id: string;
}

export type ErrorReason = "invalid" | "not-found" | "forbidden" | "unavailable" | "failed";

/**
 * The platform-neutral answer of a command or an announcement. The core never
 * formats for a platform; adapters render each kind with a pure function.
 */
export type Reply =
  | { kind: "paper"; card: PaperCard; note?: string }
  /** A paper's whole abstract (or TL;DR when that is all there is), with where it came from. */
  | { kind: "abstract"; card: PaperCard; label: "Abstract" | "TL;DR"; text: string; origin: FieldOrigin | null }
  | { kind: "choices"; text: string; options: PaperCard[] }
  | {
      kind: "papers";
      title: string;
      items: PaperCard[];
      total: number;
      page: number;
      pageCount: number;
      prev: CommandLink | null;
      next: CommandLink | null;
    }
  | { kind: "info"; title: string; text?: string; sections: InfoSection[]; file?: { name: string; mime: string; content: string }; image?: ReplyImage }
  | { kind: "notice"; text: string; actions?: ReplyAction[] }
  | { kind: "error"; reason: ErrorReason; text: string; hint?: string }
  | { kind: "announcement"; headline: string; items: AnnouncedPaper[]; mention?: Mention }
  /** Several papers in one post; `summaries` (scheduled digests) shows each paper's short abstract too. */
  | { kind: "digest"; headline: string; items: PaperCard[]; more: number; summaries?: boolean; mention?: Mention }
  | { kind: "session"; headline: string; date: string; presenter: SessionPresenter | null; card: PaperCard | null; note?: string; actions?: ReplyAction[] };

export type ReplyKind = Reply["kind"];

export const errorReply = (reason: ErrorReason, text: string, hint?: string): Reply =>
  hint === undefined ? { kind: "error", reason, text } : { kind: "error", reason, text, hint };
