import { displayVenue } from "../venue.js";

/** A venue and year read from a tag such as "SOSP' 24", "[OSDI'24]", "Arxiv 2023" or a badge "Conference-ICML'23". */
export interface VenueTag {
  venue: string;
  year: number;
}

const KNOWN = new Set(
  ("osdi sosp nsdi atc usenixatc eurosys asplos isca micro hpca sc ppopp mlsys neurips nips icml iclr aaai ijcai acl emnlp naacl coling eacl cvpr iccv eccv " +
    "kdd sigmod vldb pvldb icde www sigcomm socc middleware fast hotos hotnets hotcloud infocom icdcs tpds tocs tc jmlr tmlr arxiv corr dac iccad date ipdps " +
    "hpdc cluster icpp ics pldi popl oopsla cgo ispass interspeech icassp uai aistats colm sigir wsdm cikm recsys mobicom mobisys sensys ase icse fse ccs ndss " +
    "iiswc hotstorage systor apsys ccgrid euro-par europar iwqos tmc ton jsac tkde tnnls tpami ijcv findings coling lrec icde sigmetrics performance " +
    "middleware ic2e cloud hotchips isscc vlsi fpga fccm")
    .split(" "),
);

// A venue-like word: a known venue, an acronym (SOSP, OSDI) or a mixed-case name (MLSys, EuroSys, SoCC, PPoPP).
function isVenueWord(word: string): boolean {
  if (KNOWN.has(word.toLowerCase())) return true;
  if (/^[A-Z][A-Z0-9]{1,7}$/.test(word)) return true;
  return /^[A-Z][a-z]*[A-Z][A-Za-z]*$/.test(word) && word.length <= 10 && !/s$/.test(word);
}

const TWO_DIGIT = /(?<![\p{L}\p{N}])([A-Za-z][A-Za-z-]{1,15})\s?['’‘´`]\s?(\d{2})(?!\d)/gu;
const FOUR_DIGIT = /(?<![\p{L}\p{N}])([A-Za-z][A-Za-z-]{1,15})(?:\s?['’]\s?|\s|-)((?:19[5-9]|20\d)\d)(?!\d)/gu;

// "arXiv 2111.14247", "arXiv:2502.02770": a preprint, dated by its number (year and month).
const ARXIV_NUMBER = /(?<![\p{L}\p{N}])arxiv[:\s]\s*(\d{2})(0[1-9]|1[0-2])\.\d{4,5}/iu;

/** The first venue tag in the text, or undefined. */
export function readVenueTag(text: string): VenueTag | undefined {
  const found: Array<{ at: number; tag: VenueTag }> = [];
  const preprint = ARXIV_NUMBER.exec(text.slice(0, 2_000));
  if (preprint) found.push({ at: preprint.index, tag: { venue: "arXiv", year: 2000 + Number(preprint[1]) } });
  for (const m of text.slice(0, 2_000).matchAll(TWO_DIGIT)) {
    if (isVenueWord(m[1] as string)) found.push({ at: m.index, tag: { venue: displayVenue(m[1] as string) ?? (m[1] as string), year: 2000 + Number(m[2]) } });
  }
  for (const m of text.slice(0, 2_000).matchAll(FOUR_DIGIT)) {
    if (isVenueWord(m[1] as string)) found.push({ at: m.index, tag: { venue: displayVenue(m[1] as string) ?? (m[1] as string), year: Number(m[2]) } });
  }
  return found.sort((a, b) => a.at - b.at)[0]?.tag;
}

/** A venue written in a shields.io badge's address: ".../badge/Conference-ICML'23-blue" or its alt text. */
export function readBadge(alt: string, src: string): VenueTag | undefined {
  const marker = src.indexOf("/badge/");
  if (marker >= 0) {
    let label = src.slice(marker + 7).split(/[?#]/)[0] ?? "";
    try {
      label = decodeURIComponent(label);
    } catch {
      // keep the raw label
    }
    // shields.io writes "-" between label, message and colour, and "--" for a dash, "_" for a space.
    const parts = label.replace(/--/g, "\u0000").split("-").map((p) => p.replace(/\u0000/g, "-").replace(/_/g, " "));
    for (const part of parts) {
      const tag = readVenueTag(part);
      if (tag) return tag;
    }
  }
  return readVenueTag(alt);
}

const MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december";
const DATES = [
  new RegExp(`(?<!\\d)((?:19[5-9]|20\\d)\\d)[./-](?:0?[1-9]|1[0-2])(?:[./-](?:0?[1-9]|[12]\\d|3[01]))?(?!\\d)`),
  new RegExp(`\\b(?:${MONTHS})\\.?,?\\s+(?:\\d{1,2},?\\s+)?((?:19[5-9]|20\\d)\\d)(?!\\d)`, "i"),
  // A bare year (1950-2039) standing alone: "2048 tokens" or "2024K" is not one.
  /(?<![\p{L}\p{N}.])(19[5-9]\d|20[0-3]\d)(?![\p{L}\p{N}])/u,
];

/** A year from a date as lists write them: "2024.05", "2023/10", "2025.02.05", "Jun 2024", "(Wu et al., 2021)". */
export function readYear(text: string): number | null {
  const head = text.slice(0, 2_000);
  for (const pattern of DATES) {
    const m = pattern.exec(head);
    if (m) return Number(m[1]);
  }
  return null;
}

/** What a heading, `<summary>` or bold group line says about the papers under it: "2024", "**[2025.02.05]**", "NeurIPS 2025". */
export function readGroup(text: string): { year: number | null; venue: string | null } | undefined {
  const plain = text.replace(/[*_`[\]()\\]/g, " ").trim();
  if (plain.length === 0 || plain.length > 40) return undefined;
  const date = /^(\d{4})(?:[./-]\d{1,2}){0,2}$/.exec(plain.replace(/\s+/g, ""));
  if (date && readYear(date[0]) !== null) return { year: Number(date[1]), venue: null };
  const tag = readVenueTag(plain);
  if (tag && plain.split(/\s+/).length <= 3) return { year: tag.year, venue: tag.venue };
  return undefined;
}
