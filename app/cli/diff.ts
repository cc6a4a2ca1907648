import { readFile } from "node:fs/promises";
import { diffLists, ListParseError, parseList, type FieldChange, type PaperList } from "../../src/papers/index.js";
import { badInput, cannotRead, EXIT, printJson, type CliCommand } from "./io.js";

/** One version of the list; a missing file or a text that is not a list is bad input (exit 2). */
async function readVersion(path: string): Promise<PaperList> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw cannotRead(path, error);
  }
  try {
    return parseList(text);
  } catch (error) {
    if (error instanceof ListParseError) throw badInput(`${path}: ${error.message}`);
    throw error;
  }
}

const show = (v: FieldChange["before"]) => (v === null ? "—" : Array.isArray(v) ? v.join(", ") || "—" : String(v));

export const diffCommand: CliCommand = {
  name: "diff",
  usage: "mss-bot diff <old.md> <new.md> [--json]",
  summary: "Papers added, removed and changed between two versions of the list",
  async run(args, io) {
    if (args.length !== 2) throw badInput(`diff takes two files, old and new (${args.length} given)`, `usage: ${this.usage}`);
    const before = await readVersion(args[0] as string);
    const after = await readVersion(args[1] as string);
    const diff = diffLists(before, after);
    if (io.json) {
      printJson(io, {
        added: diff.added,
        removed: diff.removed,
        changed: diff.changed.map((c) => ({ id: c.after.id, name: c.after.name, previousId: c.before.id === c.after.id ? undefined : c.before.id, fields: c.fields })),
      });
      return EXIT.ok;
    }
    const lines: string[] = [];
    for (const p of diff.added) lines.push(`+ ${p.name} (${[p.venue, p.year].filter(Boolean).join(" ")})`);
    for (const p of diff.removed) lines.push(`- ${p.name}`);
    for (const c of diff.changed) {
      lines.push(`~ ${c.after.name}`);
      for (const f of c.fields) lines.push(`    ${f.field}: ${show(f.before)} → ${show(f.after)}`);
    }
    const summary = `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`;
    io.out(`${[...lines, summary].join("\n")}\n`);
    return EXIT.ok;
  },
};
