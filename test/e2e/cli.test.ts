import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledText } from "../helpers/bundled.js";
import { runNode } from "../helpers/spawn.js";
import { tempDir } from "../helpers/temp-dir.js";

const cli = (...args: string[]) => runNode("bin/mss-bot.js", args);

describe("the mss-bot command line", () => {
  it("prints AlpaServe's card as one JSON document for `paper alpaserv --json`", async () => {
    const { code, stdout, stderr } = await cli("paper", "alpaserv", "--json");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(JSON.parse(stdout)).toMatchObject({ kind: "paper", card: { id: "alpaserve", name: "AlpaServe", venue: "OSDI", year: 2023 } });
  });

  it("exits 1 with the reason on stderr when nothing matches", async () => {
    const { code, stdout, stderr } = await cli("paper", "xyzzy");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain('No paper matches "xyzzy"');
  });

  it("exits 2 on bad input, unknown commands and unknown options", async () => {
    expect((await cli("papers", "--year", "1066")).code).toBe(2);
    expect((await cli("dance")).code).toBe(2);
    const unknown = await cli("papers", "--colour", "red", "--json");
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ kind: "error", reason: "invalid" });
    expect(unknown.stderr).toContain('unknown option "colour"');
  });

  it("filters with flags and prints text without --json", async () => {
    const { code, stdout } = await cli("papers", "--venue", "OSDI", "--reporter", "hzq");
    expect(code).toBe(0);
    expect(stdout).toContain("Papers: venue OSDI, reporter hzq — 4 papers, page 1 of 1");
  });

  it("diffs two versions of the list: exactly the papers added, removed and changed", async () => {
    const dir = tempDir("mss-diff-");
    const old = join(dir, "old.md");
    const next = join(dir, "new.md");
    writeFileSync(old, bundledText());
    const edited = bundledText()
      .replace("| Atom          | 2023 | arxiv      |", "| Atom          | 2024 | OSDI       |")
      .replace(/^\| Punica .*\n/m, "")
      .replace("| ExoFlow ", "| NewServe | 2025 | SOSP | | [Paper](https://example.org/newserve.pdf) | | | | hzq |\n| ExoFlow ");
    writeFileSync(next, edited);
    const { code, stdout } = await cli("diff", old, next, "--json");
    expect(code).toBe(0);
    const diff = JSON.parse(stdout);
    expect(diff.added.map((p: { name: string }) => p.name)).toEqual(["NewServe"]);
    expect(diff.removed.map((p: { name: string }) => p.name)).toEqual(["Punica"]);
    expect(diff.changed).toEqual([
      { id: "atom", name: "Atom", fields: [{ field: "year", before: 2023, after: 2024 }, { field: "venue", before: "arXiv", after: "OSDI" }] },
    ]);
    const text = await cli("diff", old, next);
    expect(text.stdout).toContain("1 added, 1 removed, 1 changed");
  });

  it("refuses to diff a file that is not a paper list, exit 2", async () => {
    const dir = tempDir("mss-diff-");
    const html = join(dir, "error.html");
    writeFileSync(html, "<!doctype html><title>502</title>");
    const { code, stderr } = await cli("diff", html, html);
    expect(code).toBe(2);
    expect(stderr).toContain("HTML page");
  });

  it("prints usage with every command for --help", async () => {
    const { code, stdout } = await cli("--help");
    expect(code).toBe(0);
    expect(stdout).toContain("mss-bot paper <query>");
    expect(stdout).toContain("mss-bot diff <old.md> <new.md>");
  });
});
