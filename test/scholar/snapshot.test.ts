import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ID_KEYS, RECORD_FIELDS, type PaperRecord, type PaperRecords } from "../../src/papers/record.js";
import {
  bundledRecordsPath,
  formatRecordSnapshot,
  readRecordSnapshot,
  RecordSnapshotError,
  writeRecordSnapshot,
} from "../../src/scholar/snapshot.js";
import { bundledList } from "../helpers/bundled.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempFile = (name: string): string => {
  const dir = mkdtempSync(join(tmpdir(), "mss-records-"));
  dirs.push(dir);
  return join(dir, name);
};

const alpaserve: PaperRecord = {
  title: "AlpaServe: Statistical Multiplexing with Model Parallelism for Deep Learning Serving",
  authors: ["Zhuohan Li", "Lianmin Zheng"],
  year: 2023,
  ids: { doi: "10.1000/example" },
  idOrigins: { doi: { source: "dblp", url: "https://dblp.org/rec/conf/osdi/LiZZL00HHZGS23" } },
  origins: {
    title: { source: "snapshot", url: "https://www.usenix.org/conference/osdi23/presentation/li-zhouhan" },
    authors: { source: "snapshot", url: "https://www.usenix.org/conference/osdi23/presentation/li-zhouhan" },
    year: { source: "dblp", url: "https://dblp.org/rec/conf/osdi/LiZZL00HHZGS23" },
  },
  fetchedAt: "2026-11-29T18:00:00.000Z",
};
const atom: PaperRecord = { ids: { arxiv: "2310.19102" }, origins: {}, fetchedAt: "2026-11-29T18:00:00.000Z" };

describe("the bundled record snapshot", () => {
  // Read in each test, so a malformed file fails the tests rather than the whole file.
  const bundled = (): PaperRecords => readRecordSnapshot(bundledRecordsPath());
  const papers = new Map(bundledList().papers.map((p) => [p.id, p]));

  it("parses with zero errors and is not empty", () => {
    expect(bundled().size).toBeGreaterThan(0);
  });

  it("holds records only for papers of the bundled list, keyed by their ids", () => {
    const strangers = [...bundled().keys()].filter((id) => !papers.has(id));
    expect(strangers).toEqual([]);
  });

  it("gives every field it holds an origin with an http(s) URL, and no origin without its field", () => {
    const problems: string[] = [];
    for (const [id, record] of bundled()) {
      for (const field of RECORD_FIELDS) {
        const origin = record.origins[field];
        if (record[field] !== undefined && !/^https?:\/\/[^/\s]+\//.test(origin?.url ?? "")) problems.push(`${id}.${field} has no source URL`);
        if (record[field] === undefined && origin) problems.push(`${id}.${field} has an origin but no value`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("names where each identifier was read, at an address that holds that identifier", () => {
    const problems: string[] = [];
    let ids = 0;
    for (const [id, record] of bundled()) {
      for (const key of ID_KEYS) {
        const value = record.ids[key];
        const origin = record.idOrigins?.[key];
        if (value === undefined) continue;
        ids++;
        if (!origin) problems.push(`${id}.ids.${key} has no origin`);
        else if (!decodeURIComponent(origin.url).toLowerCase().includes(value.toLowerCase())) problems.push(`${id}.ids.${key}: ${origin.url} does not hold ${value}`);
      }
    }
    expect(problems).toEqual([]);
    // 10 arXiv ids and 4 DOIs, as the README counts them.
    expect(ids).toBe(14);
  });

  it("reads an arXiv id at the arXiv page the record came from, else at the list's own link", () => {
    const records = bundled();
    expect(records.get("faaswap")?.idOrigins).toEqual({ arxiv: { source: "arxiv", url: "https://arxiv.org/abs/2306.03622v1" } });
    expect(records.get("atom")?.idOrigins).toEqual({ arxiv: { source: "arxiv", url: "https://arxiv.org/pdf/2310.19102.pdf" } });
    expect(records.get("spotserve")?.idOrigins?.doi).toEqual({ source: "snapshot", url: "https://api.openalex.org/works/doi:10.1145%2F3620665.3640411" });
    expect(records.get("adainf")?.idOrigins).toEqual({ doi: { source: "snapshot", url: papers.get("adainf")?.links.paper } });
  });

  it("keeps the arXiv ids and DOIs the list's own links give", () => {
    for (const [id, record] of bundled()) {
      const link = papers.get(id)?.links.paper ?? "";
      const arxiv = /arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/.exec(link)?.[1];
      const doi = /(?:doi\.org|dl\.acm\.org\/doi(?:\/pdf)?)\/(10\.\d{4,9}\/[^\s?#]+)/.exec(link)?.[1];
      if (arxiv && record.ids.arxiv) expect(record.ids.arxiv, id).toBe(arxiv);
      if (doi && record.ids.doi) expect(record.ids.doi, id).toBe(doi.toLowerCase());
    }
  });

  it("names each source by the site its URL is on", () => {
    const hosts = { arxiv: /(^|\.)arxiv\.org$/, dblp: /(^|\.)dblp\.org$/, s2: /(^|\.)semanticscholar\.org$/ } as const;
    const mislabelled: string[] = [];
    for (const [id, record] of bundled()) {
      for (const [field, origin] of [...Object.entries(record.origins), ...Object.entries(record.idOrigins ?? {}).map(([k, o]) => [`ids.${k}`, o] as const)]) {
        const host = new URL(origin.url).hostname;
        const expected = origin.source === "snapshot" ? null : hosts[origin.source];
        if (expected ? !expected.test(host) : Object.values(hosts).some((h) => h.test(host))) mislabelled.push(`${id}.${field}: ${origin.source} at ${host}`);
      }
    }
    expect(mislabelled).toEqual([]);
  });

  it("holds only whole abstracts and clean titles and names", () => {
    const problems: string[] = [];
    for (const [id, record] of bundled()) {
      if (record.abstract && (!/[.)]$/.test(record.abstract) || /…|\.\.\.$/.test(record.abstract))) problems.push(`${id}: abstract looks cut off`);
      if (record.title && (record.title !== record.title.trim() || /[.…]$/.test(record.title))) problems.push(`${id}: title "${record.title}"`);
      for (const name of record.authors ?? []) if (name !== name.trim() || /[,;†‡*\d]/.test(name)) problems.push(`${id}: author "${name}"`);
    }
    expect(problems).toEqual([]);
  });

  it("knows AlpaServe's full title and authors offline, read at its USENIX page", () => {
    const alpa = bundled().get("alpaserve");
    expect(alpa?.title).toBe("AlpaServe: Statistical Multiplexing with Model Parallelism for Deep Learning Serving");
    expect(alpa?.authors?.slice(0, 3)).toEqual(["Zhuohan Li", "Lianmin Zheng", "Yinmin Zhong"]);
    expect(alpa?.origins.title?.url).toBe("https://www.usenix.org/conference/osdi23/presentation/li-zhouhan");
  });

  it("is written in the snapshot's own stable format", () => {
    expect(readFileSync(bundledRecordsPath(), "utf8")).toBe(formatRecordSnapshot(bundled()));
  });
});

describe("reading and writing a record snapshot", () => {
  it("reads back exactly what was written", () => {
    const path = tempFile("records.json");
    const records = new Map([["atom", atom], ["alpaserve", alpaserve]]);
    writeRecordSnapshot(path, records);
    expect(readRecordSnapshot(path)).toEqual(records);
  });

  it("writes papers in id order and fields in model order, as 2-space JSON ending in a newline", () => {
    const path = tempFile("records.json");
    const shuffled: PaperRecord = {
      fetchedAt: alpaserve.fetchedAt,
      idOrigins: alpaserve.idOrigins!,
      origins: { year: alpaserve.origins.year!, title: alpaserve.origins.title! },
      ids: alpaserve.ids,
      year: 2023,
      title: alpaserve.title!,
    };
    writeRecordSnapshot(path, new Map([["atom", atom], ["alpaserve", shuffled]]));
    const text = readFileSync(path, "utf8");
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n  "version": 1,\n  "records": {\n    "alpaserve": {\n      "title": ');
    expect(Object.keys(JSON.parse(text).records)).toEqual(["alpaserve", "atom"]);
    expect(Object.keys(JSON.parse(text).records.alpaserve)).toEqual(["title", "year", "ids", "idOrigins", "origins", "fetchedAt"]);
    expect(Object.keys(JSON.parse(text).records.alpaserve.origins)).toEqual(["title", "year"]);
  });

  it("rewrites a file it read byte for byte", () => {
    const path = tempFile("records.json");
    writeRecordSnapshot(path, new Map([["alpaserve", alpaserve]]));
    const first = readFileSync(path, "utf8");
    writeRecordSnapshot(path, readRecordSnapshot(path));
    expect(readFileSync(path, "utf8")).toBe(first);
  });

  it("reads a missing file as no records", () => {
    expect(readRecordSnapshot(join(tempFile("x"), "..", "missing.json")).size).toBe(0);
  });

  it.each([
    ["not JSON", "{ records: "],
    ["an unknown version", JSON.stringify({ version: 2, records: {} })],
    ["a record with a non-http origin", JSON.stringify({ version: 1, records: { atom: { ...atom, title: "Atom", origins: { title: { source: "arxiv", url: "ftp://arxiv.org/abs/2310.19102" } } } } })],
    ["a record with an unknown source", JSON.stringify({ version: 1, records: { atom: { ...atom, origins: { title: { source: "memory", url: "https://example.org/" } } } } })],
    ["a year that is a string", JSON.stringify({ version: 1, records: { atom: { ...atom, year: "2023" } } })],
    ["an identifier origin without its identifier", JSON.stringify({ version: 1, records: { atom: { ...atom, idOrigins: { doi: { source: "snapshot", url: "https://dl.acm.org/doi/10.1/x" } } } } })],
    ["an identifier origin with an unknown source", JSON.stringify({ version: 1, records: { atom: { ...atom, idOrigins: { arxiv: { source: "memory", url: "https://arxiv.org/abs/2310.19102" } } } } })],
    ["a key that is a name, not a paper id", JSON.stringify({ version: 1, records: { AlpaServe: atom } })],
  ])("refuses %s, naming the file", (_, text) => {
    const path = tempFile("broken.json");
    writeFileSync(path, text);
    expect(() => readRecordSnapshot(path)).toThrow(RecordSnapshotError);
    expect(() => readRecordSnapshot(path)).toThrow(path);
  });

  it("refuses to write an invalid record, naming the file, and leaves the old file alone", () => {
    const path = tempFile("records.json");
    writeRecordSnapshot(path, new Map([["atom", atom]]));
    const bad = { ...atom, year: 1200 } as PaperRecord;
    expect(() => writeRecordSnapshot(path, new Map([["atom", bad]]))).toThrow(path);
    expect(readRecordSnapshot(path)).toEqual(new Map([["atom", atom]]));
  });
});
