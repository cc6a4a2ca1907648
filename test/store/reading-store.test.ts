import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate, MIGRATIONS } from "../../src/store/migrations.js";
import { openStore, Store } from "../../src/store/store.js";

describe("the reading group's tables (migration 2)", () => {
  it("upgrades a database of the first schema in place, keeping what it held", () => {
    const db = new BetterSqlite3(":memory:");
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('discord.commands.hash', 'abc', 't')").run();
    expect(migrate(db)).toBe(MIGRATIONS.at(-1)?.version);
    const store = new Store(db);
    expect(store.settings.get("discord.commands.hash")).toBe("abc");
    expect(store.reading.members.all()).toEqual([]);
    store.reading.members.upsert({ key: "hzq", name: "hzq", joined: false, status: "active", turn: 1 }, "t");
    expect(store.reading.members.all()).toEqual([{ key: "hzq", name: "hzq", joined: false, status: "active", turn: 1 }]);
  });

  it("links one chat user to one member per platform, moving a link instead of doubling it", () => {
    const store = openStore(":memory:");
    store.reading.members.link("hzq", "discord", "111", "t");
    store.reading.members.link("xiaokai", "discord", "111", "t");
    store.reading.members.link("xiaokai", "slack", "U1", "t");
    expect(store.reading.members.links()).toEqual([
      { memberKey: "xiaokai", platform: "discord", userId: "111" },
      { memberKey: "xiaokai", platform: "slack", userId: "U1" },
    ]);
    expect(store.reading.members.linkedMember("discord", "111")).toBe("xiaokai");
  });

  it("records a session once: a second insert of the same week is refused", () => {
    const store = openStore(":memory:");
    const row = { date: "2026-11-30", startsAt: "2026-11-30T09:00:00.000Z", status: "held" as const, presenterKey: "xiaokai", paperId: "spotserve", paperName: "SpotServe", outcome: "pending" as const, reply: { kind: "notice" as const, text: "x" }, committedAt: "t" };
    expect(store.reading.sessions.insert(row)).toBe(true);
    expect(store.reading.sessions.insert({ ...row, presenterKey: "hzq" })).toBe(false);
    expect(store.reading.sessions.get("2026-11-30")).toMatchObject({ presenterKey: "xiaokai", outcome: "pending" });
  });
});
