import { stripControlChars } from "../../src/papers/index.js";
import { cardLabel, cardTitle, clashingCards } from "../../src/replies/plain-text.js";
import { SOURCE_NAMES, titledName } from "../../src/replies/record-view.js";
import type { CommandLink, InfoRow, PaperCard, Reply, ReplyAction } from "../../src/replies/reply.js";
import { recordLines, wrap, type AbstractShown } from "./render-record.js";

// Upstream text could carry terminal escape sequences; nothing reaches the terminal unstripped.
const safe = (text: string): string => stripControlChars(text).replace(/\n/g, " ");

/** How a clickable command is typed on the console: "/papers venue:OSDI page:2". */
export function typedCommand(link: CommandLink): string {
  const args = Object.entries(link.args).map(([k, v]) => {
    const value = String(v);
    return /[\s"]/.test(value) ? `${k}:'${value.replace(/'/g, "")}'` : `${k}:${value}`;
  });
  return ["/" + link.command, ...args].join(" ");
}

/** A reply's buttons on the console: numbered (type the number) with the command they run. */
function actionLines(actions: readonly ReplyAction[] | undefined): string[] {
  if (!actions || actions.length === 0) return [];
  return [...actions.map((a, i) => safe(`  ${i + 1}. ${a.label}: ${typedCommand(a.link)}`)), "Type the number, or the command."];
}

/** A card as lines: its title line, then labelled rows; the record's rows and abstract (whole or short) when known. */
function cardLines(card: PaperCard, abstract: AbstractShown = "short"): string[] {
  const record = recordLines(card, abstract);
  const rows: Array<[string, string]> = [...record.rows];
  if (card.categories.length > 0) rows.push(["Categories", card.categories.map((c) => `${c.symbol} ${c.label}`).join(", ")]);
  if (card.reporters.length > 0) rows.push([card.reporters.length > 1 ? "Reporters" : "Reporter", card.reporters.join(", ")]);
  if (card.lists && card.lists.length > 0) rows.push([card.lists.length > 1 ? "Lists" : "List", card.lists.join(", ")]);
  for (const link of card.links) rows.push([link.label, link.url]);
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return [safe(cardTitle(card)), ...rows.map(([label, value]) => `  ${`${label}:`.padEnd(width + 1)} ${safe(value)}`), ...record.after];
}

function listLine(card: PaperCard, n: number, lists = false): string {
  const symbols = card.categories.map((c) => c.symbol).join("");
  const by = card.reporters.length > 0 ? ` — ${card.reporters.join(", ")}` : "";
  return safe(`${String(n).padStart(3)}. ${cardLabel(card, 120, lists)}${symbols ? ` ${symbols}` : ""}${by}`);
}

/** "title     DBLP, https://dblp.org/rec/…": a row's link follows its value, as chat makes the value a link. */
function infoRowText(row: InfoRow, width: number): string {
  const value = [row.value, row.url && row.url !== row.value ? row.url : ""].filter(Boolean).join(", ");
  return value ? `${row.label.padEnd(width)}  ${value}` : row.label;
}

/** Renders a reply as terminal text (console chat and the CLI). */
export function renderText(reply: Reply): string {
  switch (reply.kind) {
    case "paper":
      return [...(reply.note ? [safe(reply.note)] : []), ...cardLines(reply.card, "whole")].join("\n");
    case "abstract": {
      const source = reply.origin ? `  Source: ${SOURCE_NAMES[reply.origin.source]}, ${reply.origin.url}` : undefined;
      return [safe(titledName(reply.card)), ...recordLines(reply.card, "none").rows.filter(([l]) => l === "Authors").map(([l, v]) => safe(`  ${l}: ${v}`)), `  ${reply.label}:`, ...wrap(reply.text, "    "), ...(source ? [safe(source)] : [])].join("\n");
    }
    case "choices": {
      const clashing = clashingCards(reply.options);
      return [safe(reply.text), ...reply.options.map((c, i) => listLine(c, i + 1, clashing.has(c.id))), "Type the number, or /paper <name>."].join("\n");
    }
    case "papers": {
      const first = (reply.page - 1) * 10;
      const lines = [safe(`${reply.title} — ${reply.total} paper${reply.total === 1 ? "" : "s"}, page ${reply.page} of ${reply.pageCount}`)];
      lines.push(...reply.items.map((c, i) => listLine(c, first + i + 1)));
      const nav = [reply.prev && `previous: ${typedCommand(reply.prev)}`, reply.next && `next: ${typedCommand(reply.next)}`].filter(Boolean);
      if (nav.length > 0) lines.push(safe(nav.join("   ")));
      return lines.join("\n");
    }
    case "info": {
      const lines = [safe(reply.text ? `${reply.title} — ${reply.text}` : reply.title)];
      for (const section of reply.sections) {
        lines.push("", safe(section.title));
        const width = Math.min(40, Math.max(0, ...section.rows.map((r) => r.label.length)));
        for (const row of section.rows) lines.push(safe(`  ${infoRowText(row, width)}`));
      }
      // What chat attaches as a file (cite's BibTeX), the terminal shows whole.
      if (reply.file) lines.push("", safe(`${reply.file.name}:`), ...reply.file.content.trimEnd().split("\n").map(safe));
      return lines.join("\n");
    }
    case "notice":
      return [safe(reply.text), ...actionLines(reply.actions)].join("\n");
    case "error":
      return [safe(`Error: ${reply.text}`), ...(reply.hint ? [safe(reply.hint)] : [])].join("\n");
    case "announcement":
      return [
        safe(`📣 ${reply.headline}`),
        ...reply.items.flatMap((item) => [
          ...cardLines(item.card).map((l, i) => (i === 0 ? `${item.change === "added" ? "New" : "Changed"}: ${l}` : l)),
          ...item.changes.map((c) => safe(`  • ${c}`)),
        ]),
      ].join("\n");
    case "digest":
      return [safe(`📣 ${reply.headline}`), ...reply.items.map((c, i) => listLine(c, i + 1)), ...(reply.more > 0 ? [`  … and ${reply.more} more`] : [])].join("\n");
    case "session":
      return [
        safe(`📖 ${reply.headline}`),
        safe(`  Date: ${reply.date}`),
        safe(`  Presenter: ${reply.presenter?.name ?? "nobody yet"}`),
        ...(reply.card ? cardLines(reply.card).map((l) => `  ${l}`) : []),
        ...(reply.note ? [safe(`  ${reply.note}`)] : []),
        ...actionLines(reply.actions),
      ].join("\n");
  }
}
