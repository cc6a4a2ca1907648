import type { Paper } from "../src/papers/index.js";
import type { PaperRecord, PaperRecords } from "../src/papers/record.js";
import { Prng } from "./prng.js";

// Synthetic scholarly records for the bench's synthetic lists: multi-word
// titles in the style of systems papers ("SpotServe: Efficient Serving of
// Large Models on Preemptible Instances"), several authors (some with accents),
// the venue and year. Invented for load and accuracy only; never shipped.

const ADJECTIVES = [
  "Efficient", "Scalable", "Fast", "Elastic", "Adaptive", "Cost-Effective", "Fault-Tolerant", "Predictable", "Fair",
  "Distributed", "Decentralized", "Heterogeneous", "Serverless", "Speculative", "Disaggregated", "Memory-Efficient",
  "Low-Latency", "High-Throughput", "Energy-Aware", "Preemptible", "Interference-Aware", "SLO-Aware", "Dynamic",
  "Statistical", "Transparent", "Lightweight", "Locality-Aware", "Workload-Aware", "Robust", "Practical",
];
const NOUNS = [
  "Serving", "Inference", "Scheduling", "Batching", "Multiplexing", "Caching", "Offloading", "Partitioning",
  "Placement", "Autoscaling", "Pipelining", "Quantization", "Compression", "Prefetching", "Migration", "Routing",
  "Provisioning", "Checkpointing", "Sharding", "Replication", "Preemption", "Colocation", "Profiling", "Compilation",
  "Parallelism", "Admission", "Eviction", "Speculation", "Decoding", "Prefilling", "Swapping", "Balancing",
];
const OBJECTS = [
  "Large Language Models", "Deep Learning Models", "Mixture-of-Experts Models", "Diffusion Models", "Recommendation Models",
  "Transformer Models", "Neural Networks", "LLM Agents", "Vision Transformers", "Graph Neural Networks", "DNN Workloads",
  "Multi-Tenant Models", "Foundation Models", "Retrieval-Augmented Generation", "Embedding Tables", "KV Caches",
  "Attention Kernels", "Low-Rank Adapters", "Speech Models", "Video Analytics",
];
const SETTINGS = [
  "on GPU Clusters", "on Preemptible Instances", "at the Edge", "in the Cloud", "on Commodity Hardware", "across Datacenters",
  "on Multi-GPU Servers", "with Tiered Memory", "on Spot Instances", "over RDMA Networks", "with CPU Offloading",
  "on Mobile Devices", "under Bursty Workloads", "with Model Parallelism", "on Serverless Platforms", "with Near-Data Processing",
  "on Accelerators", "with Persistent Memory", "for Interactive Workloads", "at Scale",
];
// Rarer technical words, one in some titles, so some title words pick out a handful of papers.
const RARE = [
  "Chunked", "Paged", "Tensorized", "Lookahead", "Bitwidth", "Warmstart", "Coalesced", "Staleness", "Sparsity", "Microbatch",
  "Overcommit", "Hotspot", "Tail", "Burst", "Goodput", "Jitter", "Backpressure", "Coldstart", "Fragmentation", "Roofline",
  "Skew", "Drift", "Straggler", "Headroom", "Reuse", "Dedup", "Zero-Copy", "Lock-Free", "Epoch", "Watermark",
  "Gossip", "Lease", "Quorum", "Tiering", "Spillover", "Hedging", "Throttling", "Affinity", "Locality", "Amortization",
];
const FIRST = [
  "Wei", "Li", "Ming", "Jia", "Yuki", "Hiro", "Priya", "Arjun", "Omar", "Leila", "Sofia", "Mateo", "Inés", "José", "Zoë",
  "Søren", "Łukasz", "Ayşe", "Chloé", "Björn", "Anaïs", "Renée", "Noor", "Kwame", "Amara", "Ravi", "Ananya", "Jonas", "Lena",
  "Marco", "Elena", "Tomás", "Nikolai", "Olga", "Kenji", "Mina", "Seo-yeon", "Min-jun", "Thanh", "Linh",
];
const LAST = [
  "Zhang", "Wang", "Chen", "Liu", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Ma", "Tanaka", "Sato", "Suzuki",
  "Sharma", "Patel", "Gupta", "Iyer", "Haddad", "Rahman", "García", "Martínez", "López", "Müller", "Schäfer", "Jäger",
  "Dubois", "Lefèvre", "Rossi", "Bianchi", "Kowalski", "Nowak", "Novák", "Dvořák", "Çelik", "Yılmaz", "Nguyễn", "Trần",
  "Kim", "Park", "Lee", "Choi", "Okafor", "Mensah", "Andersen", "Johansson", "Ivanova", "Petrov", "Silva", "Santos",
  "Costa", "Oliveira", "Fischer", "Weber", "Becker", "Hoffmann", "Ahmed", "Hassan", "Kaur",
];

function title(rng: Prng, paper: Paper): string {
  const what = `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
  const of = rng.chance(0.7) ? ` of ${rng.pick(OBJECTS)}` : ` for ${rng.pick(OBJECTS)}`;
  const where = rng.chance(0.6) ? ` ${rng.pick(SETTINGS)}` : "";
  const rare = rng.chance(0.5) ? ` with ${rng.pick(RARE)} ${rng.pick(NOUNS)}` : "";
  const body = `${what}${of}${where}${rare}`;
  // Most systems papers lead with the system's name, as "AlpaServe: Statistical Multiplexing ...".
  return rng.chance(0.6) ? `${paper.aliases.at(-1) ?? paper.name}: ${body}` : body;
}

/** Records for about nine papers in ten of a synthetic list (the rest stay unresolved), deterministic for a seed. */
export function syntheticRecords(papers: readonly Paper[], seed: number): PaperRecords {
  const rng = new Prng(seed ^ 0x7ec0);
  const records = new Map<string, PaperRecord>();
  for (const paper of papers) {
    if (!rng.chance(0.9)) continue;
    const authors = Array.from({ length: rng.int(2, 8) }, () => `${rng.pick(FIRST)} ${rng.pick(LAST)}`);
    const record: PaperRecord = {
      title: title(rng, paper),
      authors: [...new Set(authors)],
      ids: {},
      origins: {},
      fetchedAt: "2026-11-01T00:00:00.000Z",
    };
    if (paper.venue) record.venue = paper.venue === "arxiv" ? "CoRR" : paper.venue;
    if (paper.year) record.year = paper.year;
    records.set(paper.id, record);
  }
  return records;
}
