import { ArxivSource } from "../../src/scholar/arxiv-source.js";
import { DblpSource } from "../../src/scholar/dblp-source.js";
import type { SourceClock } from "../../src/scholar/http-source.js";
import { S2Source } from "../../src/scholar/s2-source.js";
import type { ScholarSources } from "../../src/scholar/sources.js";
import { FakeArxiv } from "../fakes/scholar/fake-arxiv.js";
import { FakeDblp } from "../fakes/scholar/fake-dblp.js";
import { FakeS2 } from "../fakes/scholar/fake-s2.js";
import { bundledText } from "../helpers/bundled.js";

/** A clock whose sleeps pass at once: rate limits are measured in its time, the tests do not wait. */
export class FakeClock implements SourceClock {
  constructor(public t = Date.parse("2026-11-28T12:00:00Z")) {}
  now = (): number => this.t;
  date = (): Date => new Date(this.t);
  sleep = (ms: number): Promise<void> => {
    this.t += ms;
    return Promise.resolve();
  };
}

/** The bundled list cut to some of its rows (header and legend kept). */
export function listWith(...names: string[]): string {
  const lines = bundledText().split("\n");
  const firstRow = lines.findIndex((l) => /^\|\s*-{3,}/.test(l)) + 1;
  const rows = lines.slice(firstRow).filter((l) => names.some((n) => l.startsWith(`| ${n} `)));
  return [...lines.slice(0, firstRow), ...rows, ""].join("\n");
}

// Fixture records in the sources' real formats. Titles and authors follow the
// papers' public records; abstracts and TL;DRs are marked as fixtures.
export const SPOTSERVE_ARXIV = {
  id: "2311.15566",
  title: "SpotServe: Serving Generative Large Language Models on Preemptible Instances",
  summary: "Fixture abstract of SpotServe. It is a second sentence.",
  authors: ["Xupeng Miao", "Chunan Shi", "Jiangfei Duan", "Xiaoli Xi", "Dahua Lin", "Bin Cui", "Zhihao Jia"],
  published: "2023-11-27T09:31:27Z",
  doi: "10.1145/3620665.3640411",
};

export const SPOTSERVE_S2 = {
  paperId: "5f8c1d2a0b3e4f5a6b7c8d9e0f1a2b3c4d5e6f70",
  title: SPOTSERVE_ARXIV.title,
  abstract: "Fixture S2 abstract of SpotServe.",
  tldr: "Fixture TL;DR of SpotServe.",
  venue: "International Conference on Architectural Support for Programming Languages and Operating Systems",
  year: 2024,
  authors: SPOTSERVE_ARXIV.authors,
  externalIds: { ArXiv: "2311.15566", DOI: "10.1145/3620665.3640411", DBLP: "conf/asplos/MiaoSDXLCJ24", CorpusId: 265457182 },
};

export const SPOTSERVE_BIB = `@inproceedings{DBLP:conf/asplos/MiaoSDXLCJ24,
  author       = {Xupeng Miao and
                  Chunan Shi and
                  Jiangfei Duan and
                  Xiaoli Xi and
                  Dahua Lin and
                  Bin Cui and
                  Zhihao Jia},
  title        = {SpotServe: Serving Generative Large Language Models on Preemptible
                  Instances},
  booktitle    = {Proceedings of the 29th {ACM} International Conference on Architectural
                  Support for Programming Languages and Operating Systems, Volume 2,
                  {ASPLOS} 2024},
  pages        = {1112--1127},
  publisher    = {{ACM}},
  year         = {2024},
  doi          = {10.1145/3620665.3640411},
  biburl       = {https://dblp.org/rec/conf/asplos/MiaoSDXLCJ24.bib},
  bibsource    = {dblp computer science bibliography, https://dblp.org}
}
`;

export const SIA_S2 = {
  paperId: "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567",
  title: "Sia: Heterogeneity-aware, goodput-optimized ML-cluster scheduling",
  abstract: "Fixture S2 abstract of Sia.",
  tldr: null,
  venue: "Symposium on Operating Systems Principles",
  year: 2023,
  authors: ["Suhas Jayaram Subramanya", "Daiyaan Arfeen", "Shouxu Lin", "Aurick Qiao", "Zhihao Jia", "Gregory R. Ganger"],
  externalIds: { DOI: "10.1145/3600006.3613175", CorpusId: 263620371 },
};

export const ALPASERVE_DBLP = {
  key: "conf/osdi/LiZZL00HHZGS23",
  title: "AlpaServe: Statistical Multiplexing with Model Parallelism for Deep Learning Serving.",
  authors: [
    { name: "Zhuohan Li", pid: "171/9356" },
    { name: "Lianmin Zheng", pid: "211/7027" },
    { name: "Yinmin Zhong", pid: "330/4137" },
    { name: "Vincent Liu 0001", pid: "28/1200-1" },
    { name: "Ying Sheng 0001", pid: "262/6232-1" },
    { name: "Xin Jin 0008", pid: "74/1583-8" },
    { name: "Yanping Huang", pid: "00/10104" },
    { name: "Zhifeng Chen", pid: "61/5154" },
    { name: "Hao Zhang 0048", pid: "55/2270-48" },
    { name: "Joseph E. Gonzalez", pid: "61/8262" },
    { name: "Ion Stoica", pid: "s/IonStoica" },
  ],
  venue: "OSDI",
  year: "2023",
  bibtex: `@inproceedings{DBLP:conf/osdi/LiZZL00HHZGS23,
  author       = {Zhuohan Li and Lianmin Zheng and Yinmin Zhong and Vincent Liu and Ying Sheng and Xin Jin and Yanping Huang and Zhifeng Chen and Hao Zhang and Joseph E. Gonzalez and Ion Stoica},
  title        = {AlpaServe: Statistical Multiplexing with Model Parallelism for Deep Learning Serving},
  booktitle    = {17th {USENIX} Symposium on Operating Systems Design and Implementation, {OSDI} 2023},
  pages        = {663--679},
  publisher    = {{USENIX} Association},
  year         = {2023},
}
`,
};

/** AlpaServe's preprint: the same first word, another venue; it must not win. */
export const ALPASERVE_CORR = { key: "journals/corr/abs-2302-11665", title: ALPASERVE_DBLP.title, authors: ALPASERVE_DBLP.authors, venue: "CoRR", year: "2023" };

/** The only DBLP hit for Shepherd: another paper with the same first word, one author, another year and venue. */
export const OTHER_SHEPHERD = { key: "conf/icml/Fixture19", title: "Shepherd: A Fixture Paper on Something Else.", authors: [{ name: "Ann Example 0002", pid: "00/0000-2" }], venue: "ICML", year: "2019" };

export interface FakeScholar {
  arxiv: FakeArxiv;
  dblp: FakeDblp;
  s2: FakeS2;
  clock: FakeClock;
  sources(o?: { timeoutMs?: number; apiKey?: string }): ScholarSources;
  stop(): Promise<void>;
}

/** The three fakes on 127.0.0.1 with the fixture papers, and sources pointed at them. */
export async function startFakeScholar(clock = new FakeClock()): Promise<FakeScholar> {
  const arxiv = await new FakeArxiv(clock).add(SPOTSERVE_ARXIV).start();
  const dblp = await new FakeDblp(clock)
    .add(ALPASERVE_DBLP, "AlpaServe OSDI")
    .add(ALPASERVE_CORR, "AlpaServe OSDI")
    .add(OTHER_SHEPHERD, "Shepherd NSDI", "Shepherd")
    .add({ key: SPOTSERVE_S2.externalIds.DBLP, title: `${SPOTSERVE_ARXIV.title}.`, authors: [], venue: "ASPLOS (2)", year: "2024", bibtex: SPOTSERVE_BIB })
    .start();
  const s2 = await new FakeS2(clock).add(SPOTSERVE_S2, "ARXIV:2311.15566", "DOI:10.1145/3620665.3640411").add(SIA_S2, "DOI:10.1145/3600006.3613175").start();
  return {
    arxiv,
    dblp,
    s2,
    clock,
    sources: (o = {}) => ({
      arxiv: new ArxivSource(arxiv.url, { clock, timeoutMs: o.timeoutMs ?? 2000 }),
      dblp: new DblpSource(dblp.url, { clock, timeoutMs: o.timeoutMs ?? 2000 }),
      s2: new S2Source(s2.url, { clock, timeoutMs: o.timeoutMs ?? 2000, ...(o.apiKey ? { apiKey: o.apiKey } : {}) }),
    }),
    stop: async () => {
      await Promise.all([arxiv.stop(), dblp.stop(), s2.stop()]);
    },
  };
}
