import type { ListId } from "../papers/index.js";
import { errorReply, type Reply } from "../replies/reply.js";
import type { Catalog } from "../search/catalog.js";
import { text } from "./options.js";

/** The `list:` option: one followed list's id (MSS_LISTS), offered as choices where the platform has them. */
export const listOption = (description: string, clearWord?: string) =>
  text({ description, max: 24, dynamicChoices: "lists", ...(clearWord !== undefined ? { clearWord } : {}) });

/** The followed list a `list:` value names (case ignored), or the error that lists the ids followed. */
export function followedList(catalog: Catalog, value: string): { id: ListId } | { error: Reply } {
  const id = catalog.listIds.find((l) => l === value.trim().toLowerCase());
  if (id !== undefined) return { id };
  return { error: errorReply("invalid", `list: no followed list is called "${value}".`, `Lists: ${catalog.listIds.join(", ")} (see \`lists\`).`) };
}
