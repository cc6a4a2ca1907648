import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startBot, type RunningBot } from "../../app/bot.js";
import { parseConfig } from "../../src/config.js";
import { bundledText } from "../helpers/bundled.js";
import { capturedLog } from "../helpers/captured-log.js";
import { runNode, tempDbPath } from "../helpers/spawn.js";
import { addRow, newRow } from "../helpers/versions.js";

/** The bundled list with a 4,000-character name, a javascript: link and a nameless row added (Cocktail stays listed twice). */
function listWithBadRows(): string {
  let text = addRow(bundledText(), "Gillis", newRow("N".repeat(4000)));
  text = addRow(text, "Gillis", "| LinkServe | 2024 | OSDI | | [Paper](javascript:alert(1)) | | | | hzq |");
  return addRow(text, "Gillis", "|  | 2024 | OSDI | | | | | | hzq |");
}

const EXPECTED = [
  { line: 44, message: "name is longer than 200 characters; skipped" },
  { line: 45, message: 'the paper link "javascript:alert(1)" is not an http(s) URL; dropped' },
  { line: 46, message: "row has no name; skipped" },
  { line: 54, message: "Cocktail is listed 2 times (lines 41, 54); merged into one paper" },
];

let dir: string;
let listPath: string;
let bot: RunningBot | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mss-warnings-"));
  listPath = join(dir, "list.md");
  writeFileSync(listPath, listWithBadRows());
});
afterEach(async () => {
  await bot?.stop(1000);
  bot = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe("nothing the parser leaves out is dropped silently", () => {
  it("logs each warning of a sync once at warn and counts them in /metrics", async () => {
    const parsed = parseConfig({ MSS_DB_PATH: tempDbPath(), PORT: "0", MSS_UPSTREAM_URL: listPath });
    if (!parsed.ok) throw new Error("test config invalid");
    const logs = capturedLog();
    bot = await startBot(parsed.config, logs.log, { http: true });
    const { services } = bot;
    while (!services.store.runs.last(services.sync.source)) await new Promise((r) => setTimeout(r, 20));

    const warned = () => logs.lines.filter((l) => l.msg === "list warning");
    expect(warned().map((l) => ({ level: l.level, line: l.line, warning: l.warning }))).toEqual(EXPECTED.map((w) => ({ level: 40, line: w.line, warning: w.message })));
    expect(warned().map((l) => l.effect)).toEqual(["skipped", "dropped", "skipped", "repaired"]);

    const { port } = bot.http?.address() as AddressInfo;
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('mss_list_warnings_total{effect="skipped"} 2');
    expect(metrics).toContain('mss_list_warnings_total{effect="dropped"} 1');
    expect(metrics).toContain('mss_list_warnings_total{effect="repaired"} 1');

    // Every sync reports what its read left out, even when the list did not change.
    expect(await services.sync.run()).toMatchObject({ result: "unchanged", warnings: EXPECTED });
    expect(warned()).toHaveLength(2 * EXPECTED.length);
  });

  it("carries the warnings in `mss-bot sync --json`", async () => {
    const synced = await runNode("bin/mss-bot.js", ["sync", "--json"], { env: { MSS_UPSTREAM_URL: listPath } });
    expect(synced.code).toBe(0);
    expect(JSON.parse(synced.stdout)).toMatchObject({ result: "baseline", warnings: EXPECTED });
  });
});
