import type { Reply } from "../../replies/reply.js";
import { cardLabel, clashingCards } from "../../replies/plain-text.js";
import { cardOf } from "../card-of.js";
import { defineCommand } from "../command.js";

export const readingQueueListCommand = defineCommand({
  name: "reading queue list",
  description: "The group queue, oldest first: papers suggested or newly announced, not presented yet.",
  group: "reading",
  options: {},
  run(_args, { services: { reading, catalog, store } }): Reply {
    const input = reading.input();
    const byId = new Map(catalog.list.papers.map((p) => [p.id, p]));
    const suggested = new Map(store.reading.sessions.queue().map((q) => [q.paperId, q]));
    const cards = input.groupQueue.flatMap((id) => {
      const paper = byId.get(id);
      return paper && !input.taken.has(id) ? [cardOf(catalog, paper)] : [];
    });
    // Two papers of one name from different lists are told apart by their lists.
    const clashing = clashingCards(cards);
    const rows = cards.map((card) => {
      const by = suggested.get(card.id);
      const url = card.links.find((l) => l.kind === "paper")?.url;
      const row = { label: cardLabel(card, 120, clashing.has(card.id)), value: by ? `suggested by ${by.addedBy}` : "newly announced" };
      return url ? { ...row, url } : row;
    });
    if (rows.length === 0) return { kind: "notice", text: "The group queue is empty. reading queue add <paper> suggests one." };
    return { kind: "info", title: "Reading group: the group queue", text: `${rows.length} paper${rows.length === 1 ? "" : "s"}, oldest first`, sections: [{ title: "Queue", rows }] };
  },
});
