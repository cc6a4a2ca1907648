import { afterEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/replies/reply.js";
import { closeWorlds, readingWorld } from "../helpers/reading.js";
import { twoLists } from "../helpers/two-lists.js";

afterEach(closeWorlds);

const rowsOf = (reply: Reply) => (reply.kind === "info" ? reply.sections.flatMap((s) => s.rows.map((r) => r.label)) : reply);

describe("the reading group, following two lists", () => {
  it("queues and assigns a paper only the second list holds", async () => {
    const world = readingWorld(undefined, { loadedLists: twoLists() });
    expect(await world.admin("reading queue add", { paper: "Perseus" })).toMatchObject({ kind: "notice", text: "Perseus is in the group queue (position 1)." });
    expect(rowsOf(await world.admin("reading queue list"))).toEqual(["Perseus — Removing Energy Bloat from Large Model Training (SOSP 2024)"]);
    expect(await world.admin("reading assign", { paper: "energy bloat", week: "2026-W50" })).toMatchObject({ kind: "notice" });
    expect((await world.schedule(2))[1]).toBe("2026-W50 hzq Perseus (SOSP 2024)");
  });

  it("names both papers of one name with their lists, takes either by its id, and tells them apart in the queue", async () => {
    const world = readingWorld(undefined, { loadedLists: twoLists() });
    expect(await world.admin("reading queue add", { paper: "Atom" })).toMatchObject({
      kind: "error",
      text: 'Several papers match "Atom": Atom (mss), Atom (llmsys).',
      hint: "Give the full name, or the id: atom@mss, atom@llmsys.",
    });
    expect(await world.admin("reading queue add", { paper: "atom@llmsys" })).toMatchObject({ kind: "notice", text: "Atom is in the group queue (position 1)." });
    expect(await world.admin("reading queue add", { paper: "atom@mss" })).toMatchObject({ kind: "notice", text: "Atom is in the group queue (position 2)." });
    expect(rowsOf(await world.admin("reading queue list"))).toEqual(["Atom (llmsys) — Tokens Scheduled by Their Weight (EuroSys 2024)", "Atom (mss) (arXiv 2023)"]);
  });
});
