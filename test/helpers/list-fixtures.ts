import { readFileSync } from "node:fs";
import { parseList, type Paper, type PaperList } from "../../src/papers/index.js";

/** A real list copied under test/fixtures/lists (each folder's SOURCE.md names its repository and commit). */
export function listFixture(path: string): string {
  return readFileSync(new URL(`../fixtures/lists/${path}`, import.meta.url), "utf8");
}

export function parseFixture(path: string): PaperList {
  return parseList(listFixture(path));
}

/** The paper of that name, failing loudly when there is none. */
export function paperNamed(list: PaperList, name: string): Paper {
  const paper = list.papers.find((p) => p.name === name);
  if (!paper) throw new Error(`no paper named ${name}; names: ${list.papers.map((p) => p.name).join(" | ").slice(0, 2000)}`);
  return paper;
}
