import { describe, expect, it } from "vitest";
import { manyLists, MANY_LISTS } from "../../bench/many-lists.js";
import { Catalog } from "../../src/search/catalog.js";
import { resolvePaper } from "../../src/search/resolve.js";

describe("the several-lists bench's lists", () => {
  const plan = { ...MANY_LISTS, lists: 4, perList: 300, collisions: 5 };
  const versions = manyLists(plan, 7);
  const catalog = Catalog.ofLists(versions);

  it("are as many lists of as many papers as planned, a tenth of each shared with other lists", () => {
    expect(versions.map((v) => v.list.papers.length)).toEqual([300, 300, 300, 300]);
    const onSeveral = catalog.list.papers.filter((p) => (p.lists?.length ?? 0) > 1);
    expect(onSeveral.length).toBeGreaterThan(0);
    for (const v of versions) expect(v.list.papers.filter((p) => onSeveral.some((s) => s.links.paper === p.links.paper)).length).toBeLessThanOrEqual(30);
  });

  it("give some names to different papers of different lists, each found under its list", () => {
    const collided = catalog.list.papers.filter((p) => p.id.includes("@"));
    expect(collided).toHaveLength(3 * plan.collisions);
    for (const paper of collided) {
      const found = resolvePaper(catalog.index, paper.name);
      expect(found.kind === "several" && found.hits.map((h) => h.paper.id)).toContain(paper.id);
    }
  });
});
