import { readFile } from "node:fs/promises";
import { diffLists, ListParseError, parseList, type FieldChange, type PaperList } from "../../src/papers/index.js";
import { EXIT, printJson, type CliCommand, type CliIo } from "./io.js";

async function readVersion(path: string, io: CliIo): Promise<PaperList | undefined> {
  try {
    return parseList(await readFile(path, "utf8"));
  } catch (error) {
    const why = error instanceof ListParseError ? error.message : (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    io.err(`error: ${path}: ${why}\n`);
    return undefined;
  }
}

const show = (v: FieldChange["before"]) => (v === null ? "—" : Array.isArray(v) ? v.join(", ") || "—" : String(v));

export const diffCommand: CliCommand = {
  name: "diff",
  usage: "mss-bot diff <old.md> <new.md> [--json]",
  summary: "Papers added, removed and changed between two versions of the list",
  async run(args, io) {
    if (args.length !== 2) {
      io.err(`usage: ${this.usage}\n`);
      return EXIT.badInput;
    }
    const [before, after] = await Promise.all(args.map((path) => readVersion(path, io)));
    if (!before || !after) return EXIT.badInput;
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
