import type { Database, Statement } from "better-sqlite3";
import { z } from "zod";
import type { DeliveryPlace } from "../papers/delivery-keys.js";
import { identityKeys, samePaper, type PaperIdentity } from "../papers/paper-identity.js";

const IdentitySchema = z.object({ id: z.string(), title: z.string().optional(), links: z.object({ paper: z.string().optional() }).passthrough().default({}) });
const RowSchema = z.object({ list: z.string(), announcementId: z.number(), identity: z.string() });

/**
 * The papers each channel got announced as added, by identity, from any list:
 * when a second list adds the same paper, the channel is not told again.
 */
export class AnnouncedPaperRepo {
  /** One statement per number of keys (one to four), prepared once: a sync asks once per channel and added paper. */
  private readonly selects = new Map<number, Statement<unknown[]>>();
  private insertStatement: Statement<unknown[]> | undefined;

  constructor(private readonly db: Database) {}

  private get insert(): Statement<unknown[]> {
    this.insertStatement ??= this.db.prepare(
      "INSERT OR IGNORE INTO announced_papers (platform, channel_id, paper_key, list_id, announcement_id, identity_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    return this.insertStatement;
  }

  private selectFor(keys: number): Statement<unknown[]> {
    let select = this.selects.get(keys);
    if (!select) {
      select = this.db.prepare(
        `SELECT list_id AS list, announcement_id AS announcementId, identity_json AS identity FROM announced_papers
         WHERE platform = ? AND channel_id = ? AND list_id != ? AND paper_key IN (${Array.from({ length: keys }, () => "?").join(", ")}) ORDER BY announcement_id`,
      );
      this.selects.set(keys, select);
    }
    return select;
  }

  /** The earlier announcement of this paper in this channel from a list other than `exceptList`, if any. */
  find(place: DeliveryPlace, paper: PaperIdentity, exceptList: string): { list: string; announcementId: number } | undefined {
    const keys = identityKeys(paper);
    const rows = this.selectFor(keys.length)
      .all(place.platform, place.channelId, exceptList, ...keys)
      .map((r) => RowSchema.parse(r));
    const hit = rows.find((r) => {
      const identity = IdentitySchema.safeParse(JSON.parse(r.identity));
      return identity.success && samePaper(identity.data as PaperIdentity, paper);
    });
    return hit && { list: hit.list, announcementId: hit.announcementId };
  }

  /** Remembers that this channel got the paper announced as added from `list`. */
  record(place: DeliveryPlace, paper: PaperIdentity, list: string, announcementId: number, at: string): void {
    const identity = JSON.stringify(paper);
    for (const key of identityKeys(paper)) this.insert.run(place.platform, place.channelId, key, list, announcementId, identity, at);
  }
}
