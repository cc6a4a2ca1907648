import type { Logger } from "../log.js";
import type { Paper } from "../papers/index.js";
import type { Platform, Reply } from "../replies/reply.js";
import type { Catalog } from "../search/catalog.js";
import type { SessionRow, SlidesRow } from "../store/reading-session-repo.js";
import type { Store } from "../store/store.js";
import { buildRoster, type Member } from "./roster.js";
import { planSessions, type PlannedSession, type RotationInput } from "./rotation.js";
import type { SessionCalendar, SessionSlot } from "./session-calendar.js";
import type { CalendarSession } from "./ics.js";
import { DEFAULT_READING_OPTIONS, type ReadingOptions } from "./reading-options.js";
import { channelDeliveryKey, sessionKey } from "../papers/delivery-keys.js";
import { post } from "../posting/posting.js";
import { queuePostEdit } from "./post-edits.js";
import { withRsvp } from "./rsvp-buttons.js";
import { sessionReply, type SessionReply } from "./session-reply.js";
import { queueThreadOpener, type SessionPlaces } from "./threads.js";
import { isoWeek, localTime, parseCivil } from "../papers/zoned-time.js";

export interface ReadingDeps {
  store: Store;
  catalog: Catalog;
  calendar: SessionCalendar;
  /** The followed lists' sync sources: papers newly announced on any of them join the group queue. */
  syncSources: readonly string[];
  log: Logger;
  options?: Partial<ReadingOptions>;
}

export interface ReadingChannel {
  platform: Platform;
  channelId: string;
}

export type PostResult =
  | { kind: "none" }
  | { kind: "posted" | "already"; slot: SessionSlot; reply: Reply; queued: number };

const CHANNEL_PLATFORMS: readonly Platform[] = ["discord", "slack", "console"];
/** When the weekly job first ran: sessions before it were never missed. */
const SINCE_SETTING = "reading.since";
const channelSetting = (platform: Platform) => `reading.channel.${platform}`;

/**
 * The reading group over the store: who is in the rotation, the sessions to
 * come (a pure plan from the stored state), and the weekly post, which freezes
 * the due session's plan into history and queues it for the reading channels
 * once per week per channel.
 */
export class ReadingService {
  readonly options: ReadingOptions;

  constructor(private readonly deps: ReadingDeps) {
    this.options = { ...DEFAULT_READING_OPTIONS, ...deps.options };
  }

  get calendar(): SessionCalendar {
    return this.deps.calendar;
  }

  get timeZone(): string {
    return this.deps.calendar.timeZone;
  }

  roster(): Member[] {
    return buildRoster(this.deps.store.reading.members.all(), this.deps.catalog.list);
  }

  /** Writes down the list's reporters the rotation has not recorded yet, in the places the plan already gave them. */
  recordRoster(at: Date): Member[] {
    const roster = this.roster();
    const { members } = this.deps.store.reading;
    for (const m of roster) {
      if (!m.recorded) members.upsert({ key: m.key, name: m.name, joined: m.joined, status: m.status, turn: m.turn }, at.toISOString());
    }
    return roster.map((m) => ({ ...m, recorded: true }));
  }

  /** The stored state the rule plans from. */
  input(): RotationInput {
    // An announcement names its list's own id for the paper; the rotation reads the merged lists.
    const merged = new Map<string, string>();
    for (const [id, origins] of this.deps.catalog.current.origins) for (const o of origins) merged.set(`${o.list}|${o.paperId}`, id);
    const mergedId = (list: string | null, paperId: string) => merged.get(`${list ?? ""}|${paperId}`) ?? paperId;
    const { sessions } = this.deps.store.reading;
    const held = sessions.all();
    const committed = new Set(held.map((s) => s.date));
    const taken = new Set(sessions.presented().keys());
    for (const s of held) if (s.paperId && (s.outcome === "pending" || s.outcome === "presented")) taken.add(s.paperId);
    const entries = [
      ...sessions.queue().map((q) => ({ id: q.paperId, at: q.addedAt })),
      ...this.deps.syncSources.flatMap((source) => sessions.announcedAdditions(source)).map((a) => ({ id: mergedId(a.list, a.paperId), at: a.at })),
    ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return {
      roster: this.roster(),
      papers: this.deps.catalog.list.papers,
      taken,
      groupQueue: [...new Set(entries.map((e) => e.id))],
      overrides: sessions.overrides().filter((o) => !committed.has(o.date)),
    };
  }

  /** The next session: the due one if its post was missed, else the next to start after `at` (posted or not). */
  nextSlot(at: Date): SessionSlot {
    const [slot] = this.upcomingSlots(at, 1);
    if (!slot) throw new Error("the reading schedule has no next session");
    return slot;
  }

  upcomingSlots(at: Date, count: number): SessionSlot[] {
    const due = this.missed(at);
    return this.deps.calendar.from(due ? due.startsAt : new Date(at.getTime() + 1), count);
  }

  /**
   * The session whose weekly post is due at `at`: the post goes out `postLeadMs`
   * before the session (MSS_READING_POST_LEAD) and stays due as long, shifted
   * the same, as the session's week is current.
   */
  postDueAt(at: Date): SessionSlot | undefined {
    return this.deps.calendar.dueAt(new Date(at.getTime() + this.options.postLeadMs));
  }

  /**
   * The due session whose post was missed (the bot was down at its post time)
   * and goes out late, at start-up. A session that started before the weekly
   * job first ran was not missed: a new installation starts with the next one.
   */
  private missed(at: Date): SessionSlot | undefined {
    const due = this.postDueAt(at);
    if (!due || this.deps.store.reading.sessions.get(due.id)) return undefined;
    const since = this.deps.store.settings.get(SINCE_SETTING);
    return since !== undefined && due.startsAt.toISOString() >= since ? due : undefined;
  }

  /** The next `count` sessions as the rule plans them now. */
  upcoming(at: Date, count: number): PlannedSession[] {
    return this.plan(this.upcomingSlots(at, count));
  }

  /**
   * Plans sessions from the first given one; changes to sessions before it
   * (missed, never posted) no longer count. A session already posted (its post
   * goes out before it starts) keeps what was posted: only the others are planned.
   */
  private plan(slots: SessionSlot[]): PlannedSession[] {
    const input = this.input();
    const { sessions } = this.deps.store.reading;
    const open = slots.filter((s) => !sessions.get(s.id));
    const first = open[0]?.id ?? "";
    const planned = new Map(planSessions({ ...input, overrides: input.overrides.filter((o) => o.date >= first) }, open).map((p) => [p.slot.id, p]));
    return slots.flatMap((slot) => {
      const row = sessions.get(slot.id);
      const plan = row ? this.postedPlan(slot, row, input.roster) : planned.get(slot.id);
      return plan ? [plan] : [];
    });
  }

  /** A posted session as a plan: who presents what, as posted. */
  private postedPlan(slot: SessionSlot, row: SessionRow, roster: Member[]): PlannedSession {
    const presenter = roster.find((m) => m.key === row.presenterKey) ?? null;
    const paper = row.paperId === null ? null : (this.deps.catalog.list.papers.find((p) => p.id === row.paperId) ?? null);
    return { slot, skipped: row.status === "skipped", presenter, assignedPresenter: false, absent: [], paper, paperSource: paper ? "own" : "choice" };
  }

  /**
   * Gives a posted session that has not started its paper afterwards (a vote
   * that closed after the post): the session as posted takes the paper and its
   * post is edited to show it. False when the session is not posted, skipped or started.
   */
  assignPosted(slot: SessionSlot, paper: Paper, at: Date): boolean {
    const { store } = this.deps;
    const row = store.reading.sessions.get(slot.id);
    if (!row || row.status !== "held" || Date.parse(row.startsAt) <= at.getTime()) return false;
    const plan: PlannedSession = { ...this.postedPlan(slot, row, this.roster()), paper, paperSource: "group" };
    const reply = sessionReply(plan, this.timeZone, this.deps.catalog.list.legend, store.reading.members.links(), this.deps.catalog.records, this.deps.catalog.listIds.length > 1);
    store.reading.sessions.setPaper(slot.id, paper.id, paper.name, { ...reply, note: "The group chose the paper by vote." });
    queuePostEdit(this.channels(), store, slot.id, at);
    return true;
  }

  /** The reply of a session: as posted once it was, else as planned now. */
  reply(planned: PlannedSession): SessionReply {
    const row = this.deps.store.reading.sessions.get(planned.slot.id);
    if (row?.reply.kind === "session") return row.reply;
    return sessionReply(planned, this.timeZone, this.deps.catalog.list.legend, this.deps.store.reading.members.links(), this.deps.catalog.records, this.deps.catalog.listIds.length > 1);
  }

  /** A session of the schedule that can still be changed (not posted yet, not past its week). */
  changeable(slot: SessionSlot, at: Date): boolean {
    if (this.deps.store.reading.sessions.get(slot.id)) return false;
    return slot.startsAt.getTime() > at.getTime() || this.missed(at)?.id === slot.id;
  }

  slides(): Map<string, SlidesRow> {
    return this.deps.store.reading.sessions.slides();
  }

  /** The last `count` sessions posted before `before` (a session date), oldest first, as the calendar shows them. */
  pastSessions(before: string, count: number): CalendarSession[] {
    const slides = this.slides();
    const rows = this.deps.store.reading.sessions.all().filter((r) => r.date < before && r.reply.kind === "session");
    return rows.slice(-count).flatMap((row) => {
      const date = parseCivil(row.date);
      if (!date || row.reply.kind !== "session") return [];
      const startsAt = new Date(row.startsAt);
      const slot: SessionSlot = { id: row.date, date, week: isoWeek(date), startsAt, local: localTime(startsAt, this.timeZone), currentUntil: startsAt };
      const url = slides.get(row.date)?.url;
      const session: CalendarSession = { slot, reply: row.reply, skipped: row.status === "skipped" };
      return [url === undefined ? session : { ...session, slides: url }];
    });
  }

  channels(): ReadingChannel[] {
    return CHANNEL_PLATFORMS.flatMap((platform) => {
      const channelId = this.deps.store.settings.get(channelSetting(platform));
      return channelId ? [{ platform, channelId }] : [];
    });
  }

  /** Where the session posts go: the reading channels, and whether posts open threads. */
  places(): SessionPlaces {
    return { channels: this.channels(), threads: this.options.threads };
  }

  setChannel(platform: Platform, channelId: string | null): void {
    this.deps.store.settings.set(channelSetting(platform), channelId ?? "");
  }

  /**
   * Posts the session due at `at` (started since the job first ran, its week still current): the
   * first call freezes its plan into history, moves the rotation and marks the
   * previous session's paper presented (unless told otherwise); every call
   * queues it for reading channels that do not have it yet. Idempotent: the
   * session row and the announcement and outbox keys exist once.
   */
  postDue(at: Date): PostResult {
    const { store } = this.deps;
    const iso = at.toISOString();
    return store.transaction(() => {
      if (store.settings.get(SINCE_SETTING) === undefined) store.settings.set(SINCE_SETTING, iso);
      const slot = this.postDueAt(at);
      if (!slot) return { kind: "none" };
      let row = store.reading.sessions.get(slot.id);
      const created = row === undefined;
      if (!row) {
        if (this.missed(at)?.id !== slot.id) return { kind: "none" };
        row = this.commit(slot, at);
      }
      // A held session posted before it starts carries the RSVP buttons (their counts follow by edits).
      const rsvp = row.status === "held" && row.reply.kind === "session" && slot.startsAt.getTime() > at.getTime();
      const posted = rsvp && row.reply.kind === "session" ? withRsvp(row.reply, slot.id, store.reading.rsvps.counts(slot.id)) : row.reply;
      const key = sessionKey(slot.id);
      const deliveries = this.channels().map((place) => ({ ...place, key: channelDeliveryKey(key, place) }));
      let queued = post(store, { key, source: "reading", kind: "session", paperId: row.paperId, reply: posted }, deliveries, iso).queued.length;
      if (row.status === "held") queued += queueThreadOpener(this.places(), store, slot.id, iso);
      return { kind: created ? "posted" : "already", slot, reply: row.reply, queued };
    });
  }

  private commit(slot: SessionSlot, at: Date): SessionRow {
    const { members, sessions } = this.deps.store.reading;
    const iso = at.toISOString();
    this.recordRoster(at);
    const [planned] = this.plan([slot]);
    if (!planned) throw new Error(`no plan for the session of ${slot.id}`);
    for (const earlier of sessions.all()) {
      if (earlier.date >= slot.id || earlier.outcome !== "pending") continue;
      sessions.setOutcome(earlier.date, "presented");
      if (earlier.paperId) sessions.markPresented(earlier.paperId, earlier.paperName ?? earlier.paperId, earlier.date, "weekly job", iso);
    }
    if (planned.presenter) members.setTurn(planned.presenter.key, members.maxTurn() + 1, iso);
    const row: SessionRow = {
      date: slot.id,
      startsAt: slot.startsAt.toISOString(),
      status: planned.skipped ? "skipped" : "held",
      presenterKey: planned.presenter?.key ?? null,
      paperId: planned.paper?.id ?? null,
      paperName: planned.paper?.name ?? null,
      outcome: planned.paper ? "pending" : "none",
      reply: this.reply(planned),
      committedAt: iso,
    };
    sessions.insert(row);
    this.deps.log.info({ session: slot.id, presenter: row.presenterKey, paper: row.paperId, status: row.status }, "reading session posted");
    return row;
  }
}
