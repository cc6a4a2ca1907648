import type { ScholarConfig } from "./scholar-config.js";
import { ArxivSource } from "./arxiv-source.js";
import { DblpSource } from "./dblp-source.js";
import type { SourceClock } from "./http-source.js";
import { S2Source } from "./s2-source.js";
import type { ScholarSources } from "./sources.js";

/** The real sources at the configured base URLs, or null when MSS_ENRICH=false (no outside request at all). */
export function createSources(config: ScholarConfig, o: { clock?: SourceClock; timeoutMs?: number } = {}): ScholarSources | null {
  if (!config.enrich) return null;
  return {
    arxiv: new ArxivSource(config.arxivUrl, o),
    dblp: new DblpSource(config.dblpUrl, o),
    s2: new S2Source(config.s2Url, { ...o, ...(config.s2ApiKey ? { apiKey: config.s2ApiKey } : {}) }),
  };
}
