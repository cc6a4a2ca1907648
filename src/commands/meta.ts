import { describePin, parsePin } from "../papers/identify.js";
import { ID_KEYS, RECORD_FIELDS, type IdKey } from "../papers/record.js";
import { errorReply, type InfoRow, type Reply } from "../replies/reply.js";
import { textTime } from "../replies/time-text.js";
import { resolvePaper } from "../search/resolve.js";
import { defineCommand } from "./command.js";
import { severalPapers } from "./several-papers.js";
import { text } from "./options.js";

const ID_LABELS: Record<IdKey, string> = { arxiv: "arXiv id", doi: "DOI", dblp: "DBLP key", s2: "S2 id" };

export const metaCommand = defineCommand({
  name: "meta",
  description: "Show, pin or clear a paper's scholarly record: arxiv:ID, doi:DOI, dblp:KEY, none, or auto.",
  group: "papers",
  admin: true,
  options: {
    paper: text({ description: "Paper name", max: 100, autocomplete: "papers" }),
    record: text({ description: "arxiv:ID, doi:DOI, dblp:KEY, none (no record) or auto (drop the pin)", max: 220 }).optional(),
  },
  positional: ["paper", "record"],
  examples: ["meta AlpaServe", "meta AlpaServe arxiv:2302.11665", "meta Sia doi:10.1145/3600006.3613175", "meta Atom none", "meta Atom auto"],
  run({ paper: query, record }, { services, user }): Reply {
    const { catalog, scholar, store } = services;
    const found = resolvePaper(catalog.index, query);
    if (found.kind === "none") return errorReply("not-found", `No paper matches "${query}".`);
    if (found.kind === "several") return severalPapers("meta", query, found.hits.map((h) => h.paper));
    const paper = found.paper;
    const later = scholar.enabled ? "it is fetched in the background; see meta " + paper.name : "MSS_ENRICH=false, so nothing is fetched until it is switched on";
    if (record === undefined) {
      // A "cleared" row (older versions wrote one for a pin to none) was never fetched and holds nothing.
      const row = store.scholar.get(paper.id);
      const stored = row?.status === "cleared" ? undefined : row;
      const pin = store.scholar.pinOf(paper.id);
      const queued = store.scholar.queuedOne(paper.id);
      const shown = catalog.records.get(paper.id);
      const status =
        pin?.kind === "none"
          ? "cleared: pinned to none, so no record is shown"
          : stored
            ? `${stored.status}${stored.via ? ` (via ${stored.via})` : ""}${stored.reason ? `: ${stored.reason}` : ""}`
            : shown
              ? "not resolved yet (the bundled record is shown)"
              : "not resolved yet";
      const rows: InfoRow[] = [
        { label: "Status", value: status },
        { label: "Pin", value: pin ? describePin(pin) : "none (resolved from the paper link)" },
      ];
      if (stored) rows.push({ label: "Fetched", value: textTime(stored.fetchedAt) });
      if (queued) rows.push({ label: "Queued", value: `${queued.reason}, next try ${textTime(queued.nextAttemptAt)}${queued.lastError ? ` (last error: ${queued.lastError})` : ""}` });
      const fieldOrigins: InfoRow[] = shown ? RECORD_FIELDS.flatMap((f) => (shown.origins[f] ? [{ label: f, value: shown.origins[f].source, url: shown.origins[f].url }] : [])) : [];
      const idOrigins: InfoRow[] = shown ? ID_KEYS.flatMap((k) => (shown.ids[k] && shown.idOrigins?.[k] ? [{ label: ID_LABELS[k], value: shown.idOrigins[k].source, url: shown.idOrigins[k].url }] : [])) : [];
      const origins = [...fieldOrigins, ...idOrigins];
      const ids = shown ? Object.entries(shown.ids).map(([k, v]) => `${k}:${v}`).join(", ") : "";
      if (ids) rows.push({ label: "Ids", value: ids });
      return { kind: "info", title: `Record: ${paper.name}`, sections: [{ title: "Scholarly record", rows }, ...(origins.length > 0 ? [{ title: "Where each field came from", rows: origins }] : [])] };
    }
    if (/^auto$/i.test(record.trim())) {
      const had = scholar.unpin(paper.id);
      const stored = store.scholar.get(paper.id);
      const back = stored?.status === "resolved" && stored.record ? "it shows its stored record" : catalog.records.has(paper.id) ? "it shows its bundled record" : "it has no record yet";
      return { kind: "notice", text: `${paper.name} ${had ? "is no longer pinned" : "was not pinned"}; ${back} and is queued to be resolved from its link; ${later}.` };
    }
    const pin = parsePin(record);
    if ("error" in pin) return errorReply("invalid", `record: ${pin.error}.`, "e.g. meta AlpaServe arxiv:2302.11665");
    scholar.pin(paper.id, pin, user.name);
    if (pin.kind === "none") return { kind: "notice", text: `${paper.name} now shows no scholarly record (pinned to none; kept across syncs).` };
    return { kind: "notice", text: `${paper.name} is pinned to ${describePin(pin)} (kept across syncs); ${later}.` };
  },
});
