/** Which outside sources the scholar may ask, and where (MSS_ENRICH, MSS_*_API_URL; read in src/config.ts). */
export interface ScholarConfig {
  enrich: boolean;
  arxivUrl: string;
  dblpUrl: string;
  s2Url: string;
  s2ApiKey?: string;
}
