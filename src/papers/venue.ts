import { collapseSpaces } from "./text.js";

// Venues whose usual spelling is neither all capitals nor the upstream's casing.
const DISPLAY: Record<string, string> = {
  arxiv: "arXiv",
  eurosys: "EuroSys",
  mlsys: "MLSys",
  neurips: "NeurIPS",
  socc: "SoCC",
  middleware: "Middleware",
  sigmod: "SIGMOD",
  usenixatc: "ATC",
  "usenix atc": "ATC",
};

/** The venue as people write it: arxiv -> arXiv, osdi -> OSDI; anything else keeps the list's spelling. */
export function displayVenue(raw: string): string | null {
  const text = collapseSpaces(raw);
  if (text === "" || text === "-" || text === "—") return null;
  const known = DISPLAY[text.toLowerCase()];
  if (known) return known;
  if (/^[a-z]{2,8}$/.test(text)) return text.toUpperCase();
  return text;
}

/** The comparison key of a venue, for filters: "OSDI", "osdi" and " Osdi " are one venue. */
export function venueKey(venue: string): string {
  return collapseSpaces(venue).toLowerCase();
}
