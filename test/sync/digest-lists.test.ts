import { describe, expect, it } from "vitest";
import type { Paper } from "../../src/papers/index.js";
import { toCard } from "../../src/replies/paper-card.js";
import type { Announcement } from "../../src/store/announcement-repo.js";
import { scheduledDigestReply } from "../../src/sync/scheduled-digest.js";

const paper = (name: string, lists: string[]): Paper => ({ id: name.toLowerCase(), name, aliases: [], year: 2024, venue: null, tags: [], links: {}, reporters: [], lines: [1], lists });
const added = (id: number, p: Paper, namedLists: boolean): Announcement => ({
  id,
  key: `k${id}`,
  source: "s",
  kind: "added",
  paperId: p.id,
  reply: { kind: "announcement", headline: "New paper", items: [{ change: "added", card: toCard(p, [], undefined, namedLists), changes: [] }] },
  createdAt: "2026-12-06T00:00:00Z",
});

describe("a scheduled digest's headline", () => {
  it("names the lists its papers come from when several lists are followed", () => {
    const reply = scheduledDigestReply("daily", [added(1, paper("Perseus", ["llmsys"]), true), added(2, paper("INFaaS", ["mss", "html"]), true)]);
    expect(reply.kind === "digest" && reply.headline).toBe("Daily digest of llmsys, mss, html: 2 new papers");
  });

  it("keeps MSS-Papers with one list followed (cards name no list)", () => {
    const reply = scheduledDigestReply("weekly", [added(1, paper("Perseus", ["mss"]), false)]);
    expect(reply.kind === "digest" && reply.headline).toBe("MSS-Papers weekly digest: 1 new paper");
  });
});
