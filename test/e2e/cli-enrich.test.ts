import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { progressBar } from "../../app/cli/enrich.js";
import { readRecordSnapshot } from "../../src/scholar/snapshot.js";
import { runNode, tempDbPath } from "../helpers/spawn.js";
import { startFakeScholar, type FakeScholar } from "../scholar/scholar-fixtures.js";

const bibtexParse = createRequire(import.meta.url)("bibtex-parse") as { entries(text: string): Array<{ key: string; type: string }> };

let fake: FakeScholar;
let dir: string;
beforeEach(async () => {
  // The child process runs on real time: the fakes stamp requests with it too.
  fake = await startFakeScholar();
  dir = mkdtempSync(join(tmpdir(), "mss-enrich-"));
});
afterEach(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("mss-bot enrich and cite", () => {
  it("enriches a paper from the sources, cites it plain for a .bib file, and writes a snapshot", async () => {
    const env = { MSS_DB_PATH: tempDbPath(), MSS_ENRICH: "true", MSS_ARXIV_API_URL: fake.arxiv.url, MSS_DBLP_API_URL: fake.dblp.url, MSS_S2_API_URL: fake.s2.url };
    const cli = (...args: string[]) => runNode("bin/mss-bot.js", args, { env });

    const enriched = await cli("enrich", "--paper", "SpotServe", "--json");
    expect(enriched.stderr).toBe("");
    expect(enriched.code).toBe(0);
    expect(JSON.parse(enriched.stdout)).toEqual({ resolved: [{ id: "spotserve", name: "SpotServe", via: "arxiv-link" }], unresolved: [], failed: [], cleared: [], known: 0 });
    expect([fake.arxiv.requests.length, fake.s2.requests.length, fake.dblp.requests.length]).toEqual([1, 1, 1]);

    const cited = await cli("cite", "SpotServe");
    expect(cited.code).toBe(0);
    expect(bibtexParse.entries(cited.stdout).map((e) => e.key)).toEqual(["DBLP:conf/asplos/MiaoSDXLCJ24"]);
    expect(cited.stdout.startsWith("@inproceedings{")).toBe(true);

    const file = join(dir, "records.json");
    const written = await cli("enrich", "--write-snapshot", file);
    expect(written.stdout).toBe(`Wrote 1 records to ${file}\n`);
    const snapshot = readRecordSnapshot(file);
    expect(snapshot.get("spotserve")).toMatchObject({ title: "SpotServe: Serving Generative Large Language Models on Preemptible Instances", origins: { title: { source: "arxiv", url: "https://arxiv.org/abs/2311.15566" }, bibtex: { source: "dblp" } } });
  }, 30_000);

  it("says the summary in words, with reasons, and refuses to run with MSS_ENRICH=false", async () => {
    const env = { MSS_DB_PATH: tempDbPath(), MSS_ENRICH: "true", MSS_ARXIV_API_URL: fake.arxiv.url, MSS_DBLP_API_URL: fake.dblp.url, MSS_S2_API_URL: fake.s2.url };
    const shepherd = await runNode("bin/mss-bot.js", ["enrich", "--paper", "Shepherd"], { env });
    expect(shepherd.code).toBe(0);
    expect(shepherd.stdout).toContain("0 resolved, 1 unresolved, 0 failed");
    expect(shepherd.stdout).toContain('Shepherd: no DBLP hit is this paper: "Shepherd: A Fixture Paper on Something Else" (ICML 2019)');
    // Not a terminal: no progress bar on stderr.
    expect(shepherd.stderr).toBe("");

    const off = await runNode("bin/mss-bot.js", ["enrich"], { env: { ...env, MSS_ENRICH: "false" } });
    expect(off.code).toBe(2);
    expect(off.stderr).toContain("MSS_ENRICH=false");
    expect(fake.arxiv.requests.length + fake.s2.requests.length).toBe(0);
  }, 30_000);

  it("draws a progress bar only on a terminal", () => {
    const err: string[] = [];
    const io = { json: false, out: () => undefined, err: (t: string) => err.push(t) };
    expect(progressBar(io, false)).toBeUndefined();
    const bar = progressBar(io, true);
    bar?.(1, 4, "SpotServe");
    bar?.(4, 4, "Shepherd");
    expect(err[0]).toMatch(/^\r\[#{6}-{18}\] 1\/4 SpotServe/);
    expect(err[1]).toMatch(/^\r\[#{24}\] 4\/4 Shepherd\s*\n$/);
  });
});
