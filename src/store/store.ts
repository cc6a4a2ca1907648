import { AnnouncedPaperRepo } from "./announced-paper-repo.js";
import { AnnouncementRepo } from "./announcement-repo.js";
import { openDatabase, type Database } from "./database.js";
import { DeliveryTargetRepo } from "./delivery-target-repo.js";
import { DigestItemRepo } from "./digest-item-repo.js";
import { OutboxRepo } from "./outbox-repo.js";
import { ReadingMemberRepo } from "./reading-member-repo.js";
import { ReadingPollRepo } from "./reading-poll-repo.js";
import { ReadingRsvpRepo } from "./reading-rsvp-repo.js";
import { ReadingSessionRepo } from "./reading-session-repo.js";
import { RunRepo } from "./run-repo.js";
import { ScholarRepo } from "./scholar-repo.js";
import { SeenRepo } from "./seen-repo.js";
import { SqliteSettings } from "./settings-repo.js";
import { SnapshotRepo } from "./snapshot-repo.js";
import { SubscriptionRepo } from "./subscription-repo.js";
import { WatchRepo } from "./watch-repo.js";

/** The bot's state in one SQLite file, one repository per table group. */
export class Store {
  readonly snapshots: SnapshotRepo;
  readonly seen: SeenRepo;
  readonly subscriptions: SubscriptionRepo;
  readonly announcements: AnnouncementRepo;
  /** The papers each channel got announced as added, by identity (several lists adding one paper announce it once). */
  readonly announcedPapers: AnnouncedPaperRepo;
  readonly outbox: OutboxRepo;
  /** Deliveries that are not channel posts: DMs, thread posts, message edits. */
  readonly deliveryTargets: DeliveryTargetRepo;
  /** Announcements held for a channel's daily or weekly digest. */
  readonly digestItems: DigestItemRepo;
  readonly runs: RunRepo;
  readonly settings: SqliteSettings;
  readonly scholar: ScholarRepo;
  readonly reading: { members: ReadingMemberRepo; sessions: ReadingSessionRepo; rsvps: ReadingRsvpRepo; polls: ReadingPollRepo };
  /** Personal watches and the DMs they queued. */
  readonly watches: WatchRepo;

  constructor(readonly db: Database) {
    this.snapshots = new SnapshotRepo(db);
    this.seen = new SeenRepo(db);
    this.subscriptions = new SubscriptionRepo(db);
    this.announcements = new AnnouncementRepo(db);
    this.announcedPapers = new AnnouncedPaperRepo(db);
    this.outbox = new OutboxRepo(db);
    this.deliveryTargets = new DeliveryTargetRepo(db);
    this.digestItems = new DigestItemRepo(db);
    this.runs = new RunRepo(db);
    this.settings = new SqliteSettings(db);
    this.scholar = new ScholarRepo(db);
    this.reading = { members: new ReadingMemberRepo(db), sessions: new ReadingSessionRepo(db), rsvps: new ReadingRsvpRepo(db), polls: new ReadingPollRepo(db) };
    this.watches = new WatchRepo(db);
  }

  /** Runs `fn` in one transaction: everything it writes lands together or not at all. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export function openStore(path: string): Store {
  return new Store(openDatabase(path));
}
