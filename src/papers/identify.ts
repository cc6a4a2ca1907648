import type { ScholarIds } from "./record.js";

/**
 * What a paper link says outright: an arXiv link gives the arXiv id, a doi.org
 * or dl.acm.org/doi/ link gives the DOI. Any other link says nothing.
 */

const ARXIV_LINK = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7}))(?:v\d+)?(?:\.pdf)?\/?(?:[?#].*)?$/i;
const DOI_LINK = /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\d{4,9}\/[^\s?#]+)/i;
const ACM_LINK = /^https?:\/\/dl\.acm\.org\/doi\/(?:(?:abs|pdf|full|fullHtml|epdf|book)\/)?(10\.\d{4,9}\/[^\s?#]+)/i;

export const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/i;
export const DOI = /^10\.\d{4,9}\/\S+$/;

export function idsFromLink(url: string | undefined): Pick<ScholarIds, "arxiv" | "doi"> | undefined {
  if (!url) return undefined;
  const arxiv = ARXIV_LINK.exec(url)?.[1];
  if (arxiv) return { arxiv };
  const doi = (DOI_LINK.exec(url) ?? ACM_LINK.exec(url))?.[1];
  if (doi) return { doi: decodeURIComponent(doi).replace(/\.pdf$/i, "").replace(/\/+$/, "").toLowerCase() };
  return undefined;
}

/** An admin's pin: the record to use, or none at all. */
export type Pin = { kind: "arxiv"; value: string } | { kind: "doi"; value: string } | { kind: "dblp"; value: string } | { kind: "none" };

/** Reads "arxiv:2302.11665", "doi:10.1145/…", "dblp:conf/osdi/…" or "none"; a reason when it is none of those. */
export function parsePin(text: string): Pin | { error: string } {
  const t = text.trim();
  if (/^none$/i.test(t)) return { kind: "none" };
  const m = /^(arxiv|doi|dblp):\s*(\S+)$/i.exec(t);
  if (!m) return { error: "must be arxiv:ID, doi:DOI, dblp:KEY or none" };
  const kind = (m[1] as string).toLowerCase();
  const value = m[2] as string;
  if (kind === "arxiv") {
    const id = value.replace(/v\d+$/, "");
    return ARXIV_ID.test(id) ? { kind: "arxiv", value: id } : { error: `"${value}" is not an arXiv id like 2302.11665` };
  }
  if (kind === "doi") {
    const doi = value.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, "").toLowerCase();
    return DOI.test(doi) && doi.length <= 200 ? { kind: "doi", value: doi } : { error: `"${value}" is not a DOI like 10.1145/3600006.3613165` };
  }
  return /^[a-z]+(?:\/[\w-][\w.-]*)+$/i.test(value) && !value.split("/").includes("..") && value.length <= 200 ? { kind: "dblp", value } : { error: `"${value}" is not a DBLP key like conf/osdi/LiZZL00HHZGS23` };
}

export const describePin = (pin: Pin): string => (pin.kind === "none" ? "none" : `${pin.kind}:${pin.value}`);
