import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText } from "../helpers/bundled.js";
import { runNode, tempDbPath } from "../helpers/spawn.js";
import { versionTwo } from "../helpers/versions.js";

let upstream: FakeUpstream;
beforeEach(async () => {
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
});
afterEach(() => upstream.stop());

describe("mss-bot sync when the database cannot take the new list", () => {
  it("says the database is locked and that the last good list stays, as one JSON document, exit 1", async () => {
    const env = { MSS_DB_PATH: tempDbPath(), MSS_UPSTREAM_URL: upstream.url };
    const cli = (...args: string[]) => runNode("bin/mss-bot.js", args, { env });
    expect((await cli("sync")).code).toBe(0);
    upstream.serve(versionTwo());

    // Another process (here: this test) holds the write lock past the CLI's busy timeout.
    const holder = new BetterSqlite3(env.MSS_DB_PATH);
    holder.exec("BEGIN EXCLUSIVE");
    let locked;
    try {
      locked = await cli("sync", "--json");
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    expect(locked.code).toBe(1);
    expect(JSON.parse(locked.stdout)).toMatchObject({ kind: "error", reason: "unavailable", text: expect.stringContaining("the database is locked by another process") });
    expect(locked.stderr).toContain("nothing was stored, the last good list stays");

    // Nothing of the refused sync landed: the next one finds the same news.
    expect(JSON.parse((await cli("sync", "--json")).stdout)).toMatchObject({ result: "changed", added: [{ name: "FlexServe" }, { name: "InferLine" }, { name: "ZipServe" }] });
  }, 180_000);
});
