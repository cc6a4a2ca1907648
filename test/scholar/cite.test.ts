import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildBibtex, escapeBibtex, readBibtexFields } from "../../src/scholar/bibtex.js";
import { bundledRecordsPath, readRecordSnapshot } from "../../src/scholar/snapshot.js";
import type { Reply } from "../../src/replies/reply.js";
import type { Services } from "../../src/services.js";
import { run, testServices } from "../helpers/bundled.js";
import { listWith, startFakeScholar, type FakeScholar } from "./scholar-fixtures.js";

// bibtex-parse ships no types: its `entries` gives one object per entry, fields upper-cased.
const bibtexParse = createRequire(import.meta.url)("bibtex-parse") as { entries(text: string): Array<Record<string, unknown> & { key: string; type: string }> };

let fake: FakeScholar;
let dir: string;
let s: Services;
beforeEach(async () => {
  fake = await startFakeScholar();
  dir = mkdtempSync(join(tmpdir(), "mss-cite-"));
  s = testServices(listWith("SpotServe", "Sia", "AlpaServe", "Shepherd"), { now: fake.clock.date, dbPath: join(dir, "bot.db"), scholar: { sources: fake.sources() } });
  await s.scholar.run();
});
afterEach(async () => {
  s.store.close();
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

const fileOf = (reply: Reply) => (reply.kind === "info" ? reply.file : undefined);

describe("cite", () => {
  it("gives DBLP's BibTeX for a paper DBLP has, as a .bib attachment that parses", async () => {
    const reply = await run("cite", { paper: "AlpaServe" }, s);
    expect(reply).toMatchObject({ kind: "info", title: "Citation: AlpaServe", text: "From DBLP; attached as alpaserve.bib.", sections: [{ rows: [{ label: "AlpaServe", value: "from DBLP" }] }], file: { name: "alpaserve.bib", mime: "application/x-bibtex" } });
    const [entry, ...rest] = bibtexParse.entries(fileOf(reply)?.content ?? "");
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ key: "DBLP:conf/osdi/LiZZL00HHZGS23", type: "inproceedings", TITLE: "AlpaServe: Statistical Multiplexing with Model Parallelism for Deep Learning Serving", YEAR: "2023" });
  });

  it("builds the entry from the record when DBLP has none, and from the list when nothing is known", async () => {
    const sia = bibtexParse.entries(fileOf(await run("cite", { paper: "Sia" }, s))?.content ?? "");
    expect(sia).toEqual([
      expect.objectContaining({ key: "sia2023", type: "inproceedings", TITLE: "Sia: Heterogeneity-aware, goodput-optimized ML-cluster scheduling", BOOKTITLE: "Symposium on Operating Systems Principles", DOI: "10.1145/3600006.3613175" }),
    ]);
    expect(String(sia[0]?.AUTHOR)).toBe("Suhas Jayaram Subramanya and Daiyaan Arfeen and Shouxu Lin and Aurick Qiao and Zhihao Jia and Gregory R. Ganger");
    const shepherd = bibtexParse.entries(fileOf(await run("cite", { paper: "Shepherd" }, s))?.content ?? "");
    expect(shepherd).toEqual([expect.objectContaining({ key: "shepherd2023", TITLE: "Shepherd", BOOKTITLE: "NSDI", YEAR: "2023" })]);
  });

  it("gives the whole list's bibliography for cite all, one parsed entry per paper", async () => {
    const reply = await run("cite", { paper: "all" }, s);
    expect(reply).toMatchObject({
      kind: "info",
      title: "Bibliography: 4 papers",
      text: "Of 4: 2 from DBLP, 1 built from its record, 1 built from the list's row; attached as mss-papers.bib.",
      file: { name: "mss-papers.bib" },
    });
    const entries = bibtexParse.entries(fileOf(reply)?.content ?? "");
    expect(entries.map((e) => e.key)).toEqual(["DBLP:conf/asplos/MiaoSDXLCJ24", "sia2023", "DBLP:conf/osdi/LiZZL00HHZGS23", "shepherd2023"]);
  });

  it("writes plain-text references with format:text", async () => {
    const reply = await run("cite", { paper: "Sia", format: "text" }, s);
    expect(fileOf(reply)).toEqual({
      name: "sia.txt",
      mime: "text/plain",
      content: "Suhas Jayaram Subramanya, Daiyaan Arfeen, Shouxu Lin, Aurick Qiao, Zhihao Jia, Gregory R. Ganger. Sia: Heterogeneity-aware, goodput-optimized ML-cluster scheduling. Symposium on Operating Systems Principles 2023. doi:10.1145/3600006.3613175\n",
    });
  });

  it("escapes BibTeX specials in untrusted text, so the entry still parses to the same words", () => {
    const title = "50% of {GPU} & $cost_reduction# for ~all^ \\models";
    const bib = buildBibtex({ name: "Evil", year: 2024, venue: "OSDI", record: { title, authors: ["A_B {C}"], ids: {}, origins: {}, fetchedAt: "2026-11-28T00:00:00Z" } });
    const [entry, ...rest] = bibtexParse.entries(bib);
    expect(rest).toEqual([]);
    expect(entry?.key).toBe("evil2024");
    // The parser reads the escaped braces back as text: none of them opened a group or ended the field.
    expect(String(entry?.TITLE)).toMatch(/^50% of \{GPU\} .*cost_reduction.* for .*models$/);
    expect(String(entry?.AUTHOR)).toBe("A_B {C}");
    expect(escapeBibtex("a}b{")).toBe("a\\}b\\{");
    expect(bib).toContain("title     = {50\\% of \\{GPU\\} \\& \\$cost\\_reduction\\# for \\textasciitilde{}all\\textasciicircum{} \\textbackslash{}models}");
  });

  it("reads DBLP's entry fields, multi-line values included", () => {
    expect(readBibtexFields("@inproceedings{DBLP:x,\n  author = {A and\n    B},\n  title = {T: {U}},\n  year = {2023}\n}")).toEqual({ author: "A and B", title: "T: U", year: "2023" });
  });
});

describe("cite over the bundled records (no network)", () => {
  const bundled = () => testServices(undefined, { scholar: { snapshot: readRecordSnapshot(bundledRecordsPath()) } });
  const entries = (reply: Reply) => (reply.kind === "info" ? reply.sections?.[0]?.rows : undefined);

  it("names the page a stored BibTeX was read at, not DBLP: Punica's entry comes from its README", async () => {
    const reply = await run("cite", { paper: "Punica" }, bundled());
    const readme = "https://github.com/punica-ai/punica/blob/03be351d6fcb568c1749e29e8b9d7672ac55f1b1/README.md";
    expect(reply).toMatchObject({ kind: "info", text: "From the page github.com/punica-ai/punica/…/README.md; attached as punica.bib." });
    expect(entries(reply)).toEqual([{ label: "Punica", value: "from the page github.com/punica-ai/punica/…/README.md", url: readme }]);
    expect(JSON.stringify(reply)).not.toContain("DBLP");
    expect(bibtexParse.entries(fileOf(reply)?.content ?? "")).toEqual([expect.objectContaining({ key: "punica", TITLE: "Punica: Multi-Tenant LoRA Serving" })]);
  });

  it("labels each entry of the bibliography by where it came from, and counts them so", async () => {
    const reply = await run("cite", { paper: "all" }, bundled());
    expect(reply).toMatchObject({ text: "Of 25: 3 from the page each names, 17 built from their records, 5 built from the list's rows; attached as mss-papers.bib." });
    const byPaper = new Map((entries(reply) ?? []).map((r) => [r.label, r.value]));
    expect(byPaper.get("SpotServe")).toBe("from the page github.com/Hsword/SpotServe/…/README.md");
    expect(byPaper.get("DELTAZIP")).toBe("from the page github.com/eth-easl/deltazip/…/README.md");
    expect(byPaper.get("AlpaServe")).toBe("built from its record");
    // AdaInf's record holds only its DOI: the entry is the list's row plus that DOI.
    expect(byPaper.get("AdaInf")).toBe("built from the list's row");
    expect([...byPaper.values()].filter((v) => v === "from DBLP")).toEqual([]);
  });
});
