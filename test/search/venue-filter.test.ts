import { describe, expect, it } from "vitest";
import { parseList } from "../../src/papers/index.js";
import { filterPapers, venueName } from "../../src/search/filter.js";
import { buildList, row } from "../helpers/list-builder.js";

describe("the venue filter", () => {
  it("matches the venue's name, whatever year the cell carries", () => {
    const list = parseList(
      buildList([row("A", { venue: "OSDI" }), row("B", { venue: "OSDI'24" }), row("C", { venue: "OSDI 2024" }), row("D", { venue: "NSDI '23" }), row("E", { venue: "OSDIX" })]),
    );
    expect(filterPapers(list.papers, list.legend, { venue: "OSDI" }).map((p) => p.name)).toEqual(["A", "B", "C"]);
    expect(filterPapers(list.papers, list.legend, { venue: "osdi’24" }).map((p) => p.name)).toEqual(["A", "B", "C"]);
    expect(filterPapers(list.papers, list.legend, { venue: "NSDI" }).map((p) => p.name)).toEqual(["D"]);
  });

  it("strips only a trailing year, not a name with digits inside", () => {
    expect(["OSDI'24", "OSDI 2024", "osdi-24", "EuroSys 2023", "MLSys", "USENIX ATC"].map(venueName)).toEqual(["osdi", "osdi", "osdi", "eurosys", "mlsys", "usenix atc"]);
  });
});
