import { describe, expect, it } from "vitest";
import { renderInfo } from "../../../adapters/discord/render/render-info.js";
import { allText, limitProblems } from "../limits-check.js";

describe("information on Discord", () => {
  it("turns each section into a field of rows; linked rows become masked links", () => {
    const m = renderInfo({
      kind: "info",
      title: "Software suite",
      text: "3 projects from the list",
      sections: [
        { title: "Software", rows: [{ label: "BentoML", value: "https://github.com/bentoml/BentoML", url: "https://github.com/bentoml/BentoML" }] },
        { title: "By year", rows: [{ label: "2023", value: "18" }, { label: "2024", value: "" }] },
      ],
    });
    expect(m.embeds[0]).toMatchObject({ title: "Software suite", description: "3 projects from the list" });
    expect(m.embeds[0]?.fields).toEqual([
      { name: "Software", value: "[BentoML](https://github.com/bentoml/BentoML)", inline: false },
      { name: "By year", value: "**2023**: 18\n2024", inline: false },
    ]);
    expect(m.files).toEqual([]);
  });

  it("attaches a file", () => {
    const m = renderInfo({ kind: "info", title: "Calendar", sections: [], file: { name: "../reading group.ics", mime: "text/calendar", content: "BEGIN:VCALENDAR" } });
    expect(m.files).toHaveLength(1);
    expect(m.files[0]?.name).toBe("reading_group.ics");
    expect(m.files[0]?.data.toString("utf8")).toBe("BEGIN:VCALENDAR");
  });

  it("splits a long section over several fields and stays within every limit", () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ label: `reporter number ${i} ${"x".repeat(40)}`, value: String(i) }));
    const m = renderInfo({ kind: "info", title: "T".repeat(400), text: "D".repeat(300), sections: [{ title: "By reporter", rows }, { title: "More", rows }] });
    expect(limitProblems(m)).toEqual([]);
    expect(m.embeds[0]?.fields?.[1]?.name).toBe("By reporter (2)");
    expect(m.embeds[0]?.footer?.text).toMatch(/more sections? left out/);
  });

  it("escapes labels, values and titles", () => {
    const m = renderInfo({ kind: "info", title: "@everyone", sections: [{ title: "**s**", rows: [{ label: "<@1>", value: "_v_" }] }] });
    expect(allText(m)).not.toMatch(/@everyone|<@|(?<!\\)\*\*s|(?<!\\)_v/);
  });
});
