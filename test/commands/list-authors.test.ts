import { describe, expect, it } from "vitest";
import type { Paper } from "../../src/papers/index.js";
import { matchesWatch } from "../../src/watches/watch-match.js";
import { run } from "../helpers/bundled.js";
import { twoListServices } from "../helpers/two-lists.js";

describe("authors and titles a list gives, for a paper with no scholarly record", () => {
  it("papers author: finds a paper by the authors its list gives", async () => {
    const reply = await run("papers", { author: "Mosharaf Chowdhury" }, twoListServices());
    expect(reply.kind === "papers" && reply.items.map((c) => c.name)).toEqual(["Perseus"]);
  });

  it("a watch matches the list's authors and the list's title", () => {
    const paper: Paper = {
      id: "perseus",
      name: "Perseus",
      title: "Perseus: Removing Energy Bloat from Large Model Training",
      authors: ["Jae-Won Chung", "Mosharaf Chowdhury"],
      aliases: [],
      year: 2024,
      venue: "SOSP",
      tags: [],
      links: {},
      reporters: [],
      lines: [1],
    };
    expect(matchesWatch(paper, undefined, { kind: "author", value: "Chowdhury" })).toBe(true);
    expect(matchesWatch(paper, undefined, { kind: "author", value: "Stoica" })).toBe(false);
    expect(matchesWatch(paper, undefined, { kind: "keyword", value: "energy bloat" })).toBe(true);
  });
});
