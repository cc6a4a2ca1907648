import type { PaperRecord, PaperRecords } from "../../src/papers/record.js";

// Titles and authors as published (the papers' pages at the URLs given), for search tests.
const record = (title: string, authors: string[], venue: string, year: number, url: string): PaperRecord => ({
  title,
  authors,
  venue,
  year,
  ids: {},
  origins: { title: { source: "dblp", url }, authors: { source: "dblp", url } },
  fetchedAt: "2026-11-01T00:00:00.000Z",
});

/** Records of three bundled papers: two share an author (Ion Stoica). */
export const SEARCH_RECORDS: PaperRecords = new Map([
  [
    "alpaserve",
    record(
      "AlpaServe: Statistical Multiplexing with Model Parallelism for Deep Learning Serving",
      ["Zhuohan Li", "Lianmin Zheng", "Yinmin Zhong", "Vincent Liu", "Ying Sheng", "Xin Jin", "Yanping Huang", "Zhifeng Chen", "Hao Zhang", "Joseph E. Gonzalez", "Ion Stoica"],
      "OSDI",
      2023,
      "https://www.usenix.org/conference/osdi23/presentation/li-zhouhan",
    ),
  ],
  [
    "shepherd",
    record("SHEPHERD: Serving DNNs in the Wild", ["Hong Zhang", "Yupeng Tang", "Anurag Khandelwal", "Ion Stoica"], "NSDI", 2023, "https://www.usenix.org/conference/nsdi23/presentation/zhang-hong"),
  ],
  [
    "spotserve",
    record(
      "SpotServe: Serving Generative Large Language Models on Preemptible Instances",
      ["Xupeng Miao", "Chunan Shi", "Jiangfei Duan", "Xiaoli Xi", "Dahua Lin", "Bin Cui", "Zhihao Jia"],
      "ASPLOS",
      2024,
      "https://doi.org/10.1145/3620665.3640411",
    ),
  ],
]);
