import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startBot, type RunningBot } from "../../app/bot.js";
import { parseConfig } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { openStore } from "../../src/store/store.js";
import { BUNDLED_PATH } from "../helpers/bundled.js";

let dir: string;
let bot: RunningBot | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mss-digest-start-"));
});
afterEach(async () => {
  await bot?.stop(1000);
  bot = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
};

describe("the digest job in the running bot", () => {
  it("queues at start-up, once, a digest whose time passed while the bot was down", async () => {
    const db = join(dir, "bot.db");
    const seed = openStore(db);
    const sub = seed.subscriptions.subscribe("discord", "123456789012345678", {}, "admin", "2026-01-01T00:00:00Z", { mode: "daily", at: "09:00", day: "mon", thread: false, mention: null });
    const reply = { kind: "announcement" as const, headline: "New paper on MSS-Papers", items: [{ change: "added" as const, card: { id: "heldserve", name: "HeldServe", year: 2025, venue: "OSDI", categories: [], links: [], reporters: [] }, changes: [] }] };
    const held = seed.announcements.insert({ key: "test|added|heldserve", source: "test", kind: "added", paperId: "heldserve", reply, createdAt: "2026-01-01T00:00:00Z" });
    seed.digestItems.hold(sub.id, held.id, "2026-01-01T00:00:00Z");
    seed.close();

    const parsed = parseConfig({ MSS_DB_PATH: db, MSS_UPSTREAM_URL: BUNDLED_PATH, MSS_ENRICH: "false" });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    bot = await startBot(parsed.config, silentLogger(), { http: false });
    const { store } = bot.services;
    const digests = () => store.outbox.recent().filter((r) => r.key.startsWith("digest|daily|"));
    await until(() => digests().length > 0);
    expect(digests()).toHaveLength(1);
    expect(store.announcements.get(digests()[0]?.announcementId ?? -1)?.reply).toMatchObject({ kind: "digest", items: [{ name: "HeldServe" }] });
    expect(store.digestItems.waiting(sub.id)).toEqual([]);
  }, 30_000);
});
