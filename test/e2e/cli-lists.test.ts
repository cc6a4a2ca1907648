import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText } from "../helpers/bundled.js";
import { buildList, row } from "../helpers/list-builder.js";
import { runNode, tempDbPath } from "../helpers/spawn.js";

let mss: FakeUpstream;
let llmsys: FakeUpstream;
beforeEach(async () => {
  mss = await new FakeUpstream().start();
  llmsys = await new FakeUpstream().start();
  mss.serve(bundledText());
  llmsys.serve(buildList([row("Orca"), row("Perseus")]));
});
afterEach(async () => {
  await mss.stop();
  await llmsys.stop();
});

describe("mss-bot lists and sync with MSS_LISTS", () => {
  it("shows each list with its source, papers, last sync and warning as JSON; sync --list runs one; a broken list fails alone", async () => {
    const env = { MSS_DB_PATH: tempDbPath(), MSS_LISTS: `mss=${mss.url},llmsys=${llmsys.url}` };
    const cli = (...args: string[]) => runNode("bin/mss-bot.js", args, { env });

    const before = JSON.parse((await cli("lists", "--json")).stdout);
    expect(before).toEqual({
      kind: "lists",
      lists: [
        { id: "mss", source: mss.url, papers: 25, lastSync: null, lastGood: null, parseWarnings: 1, warning: null },
        { id: "llmsys", source: llmsys.url, papers: 0, lastSync: null, lastGood: null, parseWarnings: 0, warning: "not read yet: it has no papers until its first sync" },
      ],
    });

    const one = await cli("sync", "--list", "llmsys", "--json");
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ list: "llmsys", result: "baseline", source: llmsys.url });
    expect(mss.requests).toHaveLength(0);

    llmsys.fail("html");
    const both = await cli("sync", "--json");
    expect(both.code).toBe(0);
    expect(JSON.parse(both.stdout)).toMatchObject({ kind: "sync", lists: [{ list: "mss", result: "baseline" }, { list: "llmsys", result: "rejected", detail: expect.stringMatching(/HTML page/) }] });
    expect(both.stderr).toMatch(/error: list llmsys: .*HTML page/);

    const after = JSON.parse((await cli("lists", "--json")).stdout);
    expect(after.lists).toMatchObject([
      { id: "mss", papers: 25, lastSync: { result: "baseline" }, warning: null },
      { id: "llmsys", papers: 2, lastSync: { result: "rejected" }, lastGood: expect.any(String), warning: expect.stringMatching(/^refused: .*HTML page/) },
    ]);
    const text = await cli("lists");
    expect(text.stdout).toContain("Followed lists — 2 lists followed; 1 needs a look");

    const unknown = await cli("sync", "--list", "serving");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--list: no followed list is called "serving"');
  }, 180_000);

  it("config check lists every MSS_LISTS problem at once", async () => {
    const checked = await runNode("bin/mss-bot.js", ["config", "check", "--json"], { env: { MSS_LISTS: "mss=https://a.example/x.md,Bad=https://b.example,mss=./nope.md" } });
    expect(checked.code).toBe(2);
    expect(JSON.parse(checked.stdout).problems.map((p: { variable: string; message: string }) => `${p.variable} ${p.message}`)).toEqual([
      expect.stringMatching(/^MSS_LISTS entry 2: "Bad" is not a list id/),
      expect.stringMatching(/^MSS_LISTS entry 3: the id "mss" is used twice/),
      expect.stringMatching(/^MSS_LISTS entry 3: the source of "mss": no file at .*nope\.md$/),
    ]);
  }, 60_000);
});
