import { existsSync } from "node:fs";
import { ListIdSchema, type ListId } from "./papers/model.js";
import type { Upstream } from "./sync/upstream.js";

/** One followed list: its id (what `list:` names) and where it is read from. */
export interface FollowedList {
  id: ListId;
  upstream: Upstream;
}

const where = (u: Upstream) => (u.kind === "url" ? u.url : u.path);

/**
 * Reads MSS_LISTS ("mss=https://…/README.md,serving=./lists/serving.md"):
 * every entry an id and a source (an http(s) URL or a file path); ids are
 * unique, and so are sources. Every problem is returned at once.
 */
export function listsOf(value: string, sourceOf: (value: string) => Upstream | { message: string }): { lists: FollowedList[]; problems: string[] } {
  const lists: FollowedList[] = [];
  const problems: string[] = [];
  const entries = value.split(",").map((e) => e.trim());
  entries.forEach((entry, i) => {
    const at = `entry ${i + 1}`;
    if (entry === "") return problems.push(`${at} is empty: write id=source, separated by commas`);
    const eq = entry.indexOf("=");
    if (eq < 0) return problems.push(`${at} ("${entry}") must be id=source, e.g. llmsys=https://…/README.md`);
    const id = entry.slice(0, eq).trim();
    const source = entry.slice(eq + 1).trim();
    const parsedId = ListIdSchema.safeParse(id);
    if (!parsedId.success) problems.push(`${at}: "${id}" is not a list id: ${parsedId.error.issues[0]?.message ?? "invalid"}`);
    else if (lists.some((l) => l.id === id)) problems.push(`${at}: the id "${id}" is used twice; each list needs its own id`);
    if (source === "") return problems.push(`${at}: "${id}" has no source (an http(s) URL or a file path)`);
    const upstream = sourceOf(source);
    if ("message" in upstream) return problems.push(`${at}: the source of "${id}" ${upstream.message} (got "${source}")`);
    if (upstream.kind === "file" && !existsSync(upstream.path)) return problems.push(`${at}: the source of "${id}": no file at ${upstream.path}`);
    const twin = lists.find((l) => where(l.upstream) === where(upstream));
    if (twin) return problems.push(`${at}: "${id}" reads the same source as "${twin.id}"; follow each list once`);
    if (parsedId.success && !lists.some((l) => l.id === id)) lists.push({ id, upstream });
    return undefined;
  });
  return { lists, problems };
}
