import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText } from "../helpers/bundled.js";
import { runNode, tempDbPath } from "../helpers/spawn.js";

/**
 * The "done when", as an operator runs it: MSS_LISTS with the MSS list
 * plus real lists of three other shapes (each folder's SOURCE.md names its
 * repository and commit), served over HTTP so each is read as a fetched list
 * is (in the worker thread), then synced and browsed from the command line.
 */
const fixture = (path: string) => readFileSync(new URL(`../fixtures/lists/${path}`, import.meta.url), "utf8");

// The papers a careful reader counts in each (see the fixtures' SOURCE.md and test/papers/shapes-*.test.ts).
const LISTS = [
  { id: "mss", text: bundledText(), papers: 25 },
  { id: "llmsys", text: fixture("llmsys/pre-training.md"), papers: 79 },
  { id: "xlite", text: fixture("xlite/four-tables.md"), papers: 37 },
  { id: "html", text: fixture("mental2008/model-serving-html.md"), papers: 8 },
] as const;

const servers: FakeUpstream[] = [];
let env: Record<string, string>;
beforeAll(async () => {
  for (const list of LISTS) {
    const server = await new FakeUpstream().start();
    server.serve(list.text);
    servers.push(server);
  }
  env = { MSS_DB_PATH: tempDbPath(), MSS_ENRICH: "false", MSS_LISTS: LISTS.map((l, i) => `${l.id}=${servers[i]?.url}`).join(",") };
});
afterAll(async () => {
  for (const server of servers) await server.stop();
});

const cli = async (...args: string[]) => {
  const run = await runNode("bin/mss-bot.js", args, { env, timeoutMs: 120_000 });
  return { ...run, json: run.stdout.trim() ? JSON.parse(run.stdout) : undefined };
};

describe("MSS_LISTS with a table, a bullet list, a Date|Title|Paper|Code table and an HTML list", () => {
  it("syncs each, counts each list's papers, reads venues and years, and names both lists of a paper two of them hold", async () => {
    const synced = await cli("sync", "--json");
    expect(synced.code).toBe(0);
    expect(synced.json.lists.map((l: { list: string; result: string }) => [l.list, l.result])).toEqual(LISTS.map((l) => [l.id, "baseline"]));

    for (const list of LISTS) {
      const page = await cli("papers", "--list", list.id, "--json");
      expect(page.code, `${list.id}: ${page.stderr}`).toBe(0);
      expect([list.id, page.json.total]).toEqual([list.id, list.papers]);
    }

    const lists = await cli("lists", "--json");
    expect(lists.json.lists.map((l: { id: string; papers: number }) => [l.id, l.papers])).toEqual(LISTS.map((l) => [l.id, l.papers]));

    const perseus = await cli("paper", "Perseus", "--json");
    expect(perseus.json.card).toMatchObject({ name: "Perseus", venue: expect.stringMatching(/^SOSP/), year: 2024, lists: ["llmsys"] });

    const reef = await cli("paper", "REEF", "--json");
    expect(reef.json.card).toMatchObject({ name: "REEF", venue: expect.stringMatching(/^OSDI/), year: 2022, lists: ["html"] });

    // INFaaS is on MSS-Papers and on the HTML list: one paper, both lists named.
    const infaas = await cli("paper", "INFaaS", "--json");
    expect(infaas.json.card).toMatchObject({ name: "INFaaS", lists: ["mss", "html"] });

    const html = await cli("papers", "--list", "html", "--json");
    expect(html.json.items.map((c: { name: string }) => c.name)).toContain("Clipper");
    expect(html.json.items.map((c: { name: string }) => c.name)).not.toContain("Personal Notes");
  }, 300_000);
});
