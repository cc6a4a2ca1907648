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

describe("mss-bot sync and outbox", () => {
  it("stores a baseline, then reports exactly the new and changed papers as JSON", async () => {
    const env = { MSS_DB_PATH: tempDbPath(), MSS_UPSTREAM_URL: upstream.url };
    const cli = (...args: string[]) => runNode("bin/mss-bot.js", args, { env });
    expect((await cli("sync")).stdout).toContain("First sync of this source: stored 25 papers as the baseline");
    upstream.serve(versionTwo());

    const dry = await cli("sync", "--dry-run", "--json");
    expect(JSON.parse(dry.stdout)).toMatchObject({ result: "changed", dryRun: true, added: [{ name: "FlexServe" }, { name: "InferLine" }, { name: "ZipServe" }], changed: [{ name: "Atom" }] });

    // --source naming the followed list is the same sync.
    const real = await cli("sync", "--source", upstream.url, "--json");
    expect(real.code).toBe(0);
    expect(JSON.parse(real.stdout)).toMatchObject({ result: "changed", dryRun: false, added: [{ id: "flexserve" }, { id: "inferline" }, { id: "zipserve" }] });
    expect(JSON.parse((await cli("sync", "--json")).stdout)).toMatchObject({ result: "not-modified" });

    // Commands answer from the stored snapshot: FlexServe exists only upstream.
    const found = await cli("paper", "FlexServe", "--json");
    expect(JSON.parse(found.stdout)).toMatchObject({ kind: "paper", card: { name: "FlexServe", venue: "NSDI" } });

    const outbox = await cli("outbox", "--json");
    expect(JSON.parse(outbox.stdout)).toEqual({ counts: { pending: 0, sending: 0, sent: 0, failed: 0 }, recent: [] });
    // Six CLI processes one after another: generous, so that only a hang fails it on a loaded machine.
  }, 180_000);

  it("exits 1 with the reason when the upstream fails, and 2 for a bad --source", async () => {
    const env = { MSS_DB_PATH: tempDbPath() };
    upstream.fail("500", "500", "500", "500");
    const failed = await runNode("bin/mss-bot.js", ["sync"], { env: { ...env, MSS_UPSTREAM_URL: upstream.url } });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("Could not read the upstream list: HTTP 500");
    const bad = await runNode("bin/mss-bot.js", ["sync", "--source", "ftp://example.org/x"], { env });
    expect(bad.code).toBe(2);
    expect((await runNode("bin/mss-bot.js", ["sync", "--bogus"], { env })).code).toBe(2);
  });
});
