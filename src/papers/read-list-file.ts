import { readFile } from "node:fs/promises";
import type { PaperList } from "./model.js";
import { parseList } from "./parse-list.js";
import { createHash } from "node:crypto";

export interface LoadedList {
  list: PaperList;
  text: string;
  hash: string;
}

export const hashText = (text: string): string => createHash("sha256").update(text).digest("hex");

/** Reads and parses a list file; throws the read error or a ListParseError saying what is wrong. */
export async function readListFile(path: string): Promise<LoadedList> {
  const text = await readFile(path, "utf8");
  return { list: parseList(text), text, hash: hashText(text) };
}
