import type { PaperRecord } from "../../src/papers/record.js";
import type { Services } from "../../src/services.js";

/**
 * Scholarly records for tests. AlpaServe's title, venue, year, arXiv id, DBLP
 * key and authors are its public facts; every abstract and TL;DR here is
 * synthetic text written for the tests, not the paper's.
 */
export const ALPASERVE_AUTHORS = [
  "Zhuohan Li",
  "Lianmin Zheng",
  "Yinmin Zhong",
  "Vincent Liu",
  "Ying Sheng",
  "Xin Jin",
  "Yanping Huang",
  "Zhifeng Chen",
  "Hao Zhang",
  "Joseph E. Gonzalez",
  "Ion Stoica",
];

/** Synthetic abstract: three sentences, the second long enough that short budgets stop after the first. */
export const SYNTHETIC_ABSTRACT =
  "Serving many large models on a shared cluster wastes accelerators when each model gets its own devices. " +
  "This test abstract describes, in words written for the test suite, how splitting models across devices lets bursts of requests for one model borrow capacity that another model leaves idle, and why that lowers latency under load. " +
  "The final sentence exists so that a whole abstract is longer than any short one.";

export function alpaServeRecord(over: Partial<PaperRecord> = {}): PaperRecord {
  return {
    title: "AlpaServe: Statistical Multiplexing with Model Parallelism for Deep Learning Serving",
    authors: ALPASERVE_AUTHORS,
    abstract: SYNTHETIC_ABSTRACT,
    venue: "OSDI",
    year: 2023,
    ids: { arxiv: "2302.11665", dblp: "conf/osdi/LiZZL00HHZGS23" },
    origins: {
      title: { source: "dblp", url: "https://dblp.org/rec/conf/osdi/LiZZL00HHZGS23" },
      authors: { source: "dblp", url: "https://dblp.org/rec/conf/osdi/LiZZL00HHZGS23" },
      abstract: { source: "arxiv", url: "https://arxiv.org/abs/2302.11665" },
    },
    fetchedAt: "2026-11-20T10:00:00.000Z",
    ...over,
  };
}

/** A synthetic record for any paper of a test list. */
export function syntheticRecord(title: string, over: Partial<PaperRecord> = {}): PaperRecord {
  return {
    title,
    authors: ["Ada Example", "Grace Sample"],
    abstract: `${title} is a synthetic paper of the test suite. It exists so that posts can show an abstract. Nothing in it is real.`,
    ids: { arxiv: "2401.00001" },
    origins: { title: { source: "arxiv", url: "https://arxiv.org/abs/2401.00001" }, abstract: { source: "arxiv", url: "https://arxiv.org/abs/2401.00001" } },
    fetchedAt: "2026-11-20T10:00:00.000Z",
    ...over,
  };
}

/** A 20,000-character abstract of many sentences (the schema's maximum). */
export function hugeAbstract(): string {
  const sentence = "Sentence number NNNN of a very long synthetic abstract keeps going with words. ";
  let text = "";
  for (let i = 0; text.length < 20_000; i++) text += sentence.replace("NNNN", String(i).padStart(4, "0"));
  return text.slice(0, 20_000).trim();
}

/** Gives the services' catalog these records, as the scholar service does after enrichment. */
export function withRecords(services: Services, records: Record<string, PaperRecord>): Services {
  services.catalog.replaceRecords(new Map(Object.entries(records)));
  return services;
}
