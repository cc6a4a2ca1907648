import { describe, expect, it } from "vitest";
import { suggestChoices } from "../../../adapters/discord/interactions/suggest.js";
import { buildList, row } from "../../helpers/list-builder.js";
import { testServices } from "../../helpers/bundled.js";

const { catalog } = testServices();

describe("autocomplete choices", () => {
  it("offers AlpaServe for `alpa`, valued by its paper id", () => {
    const choices = suggestChoices("papers", "alpa", catalog);
    expect(choices).toContainEqual({ name: "AlpaServe (OSDI 2023)", value: "alpaserve" });
  });

  it("offers the first 25 papers before anything is typed", () => {
    expect(suggestChoices("papers", "", catalog)).toHaveLength(25);
  });

  it("offers reporters that start with, then contain, the typed text", () => {
    expect(suggestChoices("reporters", "xiao", catalog).map((c) => c.value)).toContain("XiaoKai");
    expect(suggestChoices("reporters", "zzz", catalog)).toEqual([]);
  });

  it("offers categories by symbol or word", () => {
    expect(suggestChoices("tags", "sched", catalog)).toEqual([{ name: "● Resource Scheduling", value: "resource-scheduling" }]);
  });

  it("cuts names to 100 characters and never shows a mention", () => {
    const md = buildList([row(`@everyone ${"Very long name ".repeat(12)}`), row("Another paper")]);
    const choices = suggestChoices("papers", "", testServices(md).catalog);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
      expect(c.name).not.toContain("@everyone");
    }
  });
});
