import type { Piece } from "./pieces.js";

/**
 * What a link in a list points at, as a reader would tell from its address:
 * - paper: a paper's page or PDF (arXiv, ACM DL, USENIX, OpenReview, proceedings, IEEE, ACL Anthology, any .pdf, …)
 * - code: a source repository (GitHub, GitLab, …)
 * - list: another awesome list
 * - badge: a shields.io-style badge or a link around images only
 * - local: a page anchor or a path inside the list's own repository (tables of contents, notes)
 * - unsafe: a link that is not http(s) (javascript:, data:, …)
 * - other: anything else (blogs, docs, courses, leaderboards, conference pages)
 */
export type LinkKind = "paper" | "code" | "list" | "badge" | "local" | "unsafe" | "other";

const PAPER_HOSTS = [
  "arxiv.org",
  "dl.acm.org",
  "doi.org",
  "dx.doi.org",
  "openreview.net",
  "papers.nips.cc",
  "papers.neurips.cc",
  "aclanthology.org",
  "aclweb.org",
  "ieeexplore.ieee.org",
  "openaccess.thecvf.com",
  "link.springer.com",
  "sciencedirect.com",
  "biorxiv.org",
  "medrxiv.org",
  "semanticscholar.org",
  "ojs.aaai.org",
  "ijcai.org",
  "vldb.org",
  "jmlr.org",
  "pmlr.press",
  "researchgate.net",
  "nature.com",
  "science.org",
  "computer.org",
  "eprint.iacr.org",
];
// Paths of a host that also holds other pages: only these are papers.
const PAPER_PATHS: Array<[host: string, path: RegExp]> = [
  ["usenix.org", /^\/(conference\/[^/]+\/(technical-sessions\/)?presentation\/|system\/files\/)/],
  ["huggingface.co", /^\/papers\//],
  ["neurips.cc", /^\/(virtual|paper_files|paper)\//],
  ["icml.cc", /^\/virtual\//],
  ["iclr.cc", /^\/virtual\//],
  ["mlsys.org", /^\/virtual\//],
  ["proceedings.mlsys.org", /^\//],
  ["sigops.org", /\.pdf$/],
];
const CODE_HOSTS = ["github.com", "gitlab.com", "bitbucket.org", "gitee.com", "codeberg.org"];
const BADGE_HOSTS = ["img.shields.io", "shields.io", "badgen.net", "badge.fury.io", "cdn.rawgit.com", "awesome.re"];

const isHost = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** Classifies a link's address; `piece` lets a link around images only count as a badge. */
export function linkKind(url: string, piece?: Extract<Piece, { kind: "link" }>): LinkKind {
  const trimmed = url.trim();
  if (trimmed === "" || trimmed.startsWith("#")) return "local";
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    // No scheme: a path inside the list's repository ("../notes/reef.md", "pruning.md").
    return "local";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "unsafe";
  const host = parsed.hostname.toLowerCase().replace(/^www\./, "");
  const path = decodeURIComponentSafe(parsed.pathname);
  if (BADGE_HOSTS.some((d) => isHost(host, d))) return "badge";
  if (piece && piece.text.trim() === "" && piece.images.length > 0) return "badge";
  if (CODE_HOSTS.some((d) => isHost(host, d))) {
    if (/\.pdf$/i.test(path)) return "paper";
    const [owner, repo] = path.split("/").filter((s) => s !== "");
    if (!owner || !repo) return "other";
    return /awesome/i.test(repo) ? "list" : "code";
  }
  if (host.startsWith("proceedings.") || PAPER_HOSTS.some((d) => isHost(host, d))) return "paper";
  if (PAPER_PATHS.some(([d, p]) => isHost(host, d) && p.test(path))) return "paper";
  if (/\.pdf$/i.test(path) || /\/pdf\//i.test(path)) return "paper";
  return "other";
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// Link texts that name the kind of link, not the paper: "[pdf]", "[Paper]", "[arXiv]", "[Code]".
const GENERIC = new Set(
  ["pdf", "paper", "papers", "arxiv", "link", "links", "abs", "abstract", "doi", "acm", "ieee", "usenix", "openreview", "html", "url", "here", "site", "page",
    "project", "projectpage", "homepage", "code", "github", "repo", "slides", "slide", "video", "talk", "poster", "website", "blog", "docs", "doc", "notes",
    "personalnotes", "bibtex", "benchmark", "artifact", "demo", "论文", "代码", "链接", "主页"],
);

/** A link text that says what kind of link it is rather than which paper ("pdf", "Paper", "Code", an arXiv number). */
export function isGenericLinkText(text: string): boolean {
  const folded = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  // "[1]", "[†]", "[x]" mark a link; two characters with a letter and a digit may be a name ("S4", "P2").
  if (folded.length <= 1 || /^\d+$/.test(folded) || (folded.length === 2 && !(/\p{L}/u.test(folded) && /\p{N}/u.test(folded)))) return true;
  if (GENERIC.has(folded)) return true;
  return /^(arxiv)?\d{4}\d{4,5}(v\d+)?$/.test(folded);
}
