/** Where the list comes from: the bundled file, a local file, or a URL (MSS_UPSTREAM, read in src/config.ts). */
export type Upstream = { kind: "bundled"; path: string } | { kind: "file"; path: string } | { kind: "url"; url: string };
