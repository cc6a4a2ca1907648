import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { buildServices } from "../../app/services.js";
import { parseConfig } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { run } from "../helpers/bundled.js";

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/lists/${path}`, import.meta.url));
const BUNDLED = fileURLToPath(new URL("../../data/papers.md", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "mss-lists-files-"));
afterEach(() => rmSync(join(work, "bot.db"), { force: true }));

async function servicesFor(lists: string) {
  const parsed = parseConfig({ MSS_DB_PATH: join(work, "bot.db"), MSS_ENRICH: "false", MSS_LISTS: lists });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return buildServices(parsed.config, silentLogger());
}

describe("lists read from files at start-up, before any sync", () => {
  it("answers from every file list at once (the console's case: it does not sync on its own)", async () => {
    const s = await servicesFor(`mss=${BUNDLED},llmsys=${fixture("llmsys/pre-training.md")},html=${fixture("mental2008/model-serving-html.md")}`);
    expect(s.catalog.listIds.map((id) => [id, s.catalog.listVersion(id)?.list.papers.length])).toEqual([
      ["mss", 25],
      ["llmsys", 79],
      ["html", 8],
    ]);
    const perseus = await run("paper", { query: "Perseus" }, s);
    expect(perseus.kind === "paper" && [perseus.card.name, perseus.card.lists]).toEqual(["Perseus", ["llmsys"]]);
    // The first sync still stores each as its baseline and announces nothing.
    const reports = await s.sync.runAll();
    expect(reports.map((r) => [r.list, r.result])).toEqual([
      ["mss", "baseline"],
      ["llmsys", "baseline"],
      ["html", "baseline"],
    ]);
    s.store.close();
  });

  it("starts a list whose file is not a paper list empty, and the others as usual", async () => {
    const broken = join(work, "broken.md");
    writeFileSync(broken, "<!doctype html><html><body>Not found</body></html>");
    const s = await servicesFor(`mss=${BUNDLED},broken=${broken}`);
    expect(s.catalog.listIds.map((id) => [id, s.catalog.listVersion(id)?.list.papers.length])).toEqual([
      ["mss", 25],
      ["broken", 0],
    ]);
    const reports = await s.sync.runAll();
    expect(reports.map((r) => [r.list, r.result])).toEqual([
      ["mss", "baseline"],
      ["broken", "rejected"],
    ]);
    s.store.close();
  });
});
