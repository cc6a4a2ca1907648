import { ComponentType } from "discord.js";
import { describe, expect, it } from "vitest";
import { parseCustomId } from "../../../adapters/discord/render/custom-id.js";
import { renderChoices } from "../../../adapters/discord/render/render-choices.js";
import { card } from "../cards.js";
import { limitProblems } from "../limits-check.js";

describe("a pick-list on Discord", () => {
  it("lists the candidates and offers them in a select menu whose values are paper ids", () => {
    const m = renderChoices({ kind: "choices", text: '2 papers match "serve". Pick one:', options: [card({ id: "spotserve", name: "SpotServe" }), card()] });
    expect(m.embeds[0]?.title).toBe('2 papers match "serve". Pick one:');
    expect(m.embeds[0]?.description).toContain("1. [SpotServe](");
    const menu = m.components[0]?.components[0];
    expect(menu?.type).toBe(ComponentType.StringSelect);
    if (menu?.type !== ComponentType.StringSelect) return;
    expect(parseCustomId(menu.custom_id)).toEqual({ kind: "pick", command: "paper", option: "query" });
    expect(menu.options.map((o) => [o.label, o.value])).toEqual([
      ["SpotServe (OSDI 2023)", "spotserve"],
      ["AlpaServe (OSDI 2023)", "alpaserve"],
    ]);
  });

  it("offers at most 25 options, unique, with labels cut to 100, and says how many more there are", () => {
    const options = Array.from({ length: 30 }, (_, i) => card({ id: `p${i}`, name: `${"Long name ".repeat(20)}${i}` }));
    const m = renderChoices({ kind: "choices", text: "Many", options: [...options, card({ id: "p0" })] });
    expect(limitProblems(m)).toEqual([]);
    const menu = m.components[0]?.components[0];
    if (menu?.type !== ComponentType.StringSelect) throw new Error("no menu");
    expect(menu.options).toHaveLength(25);
    expect(menu.options.every((o) => o.label.length <= 100)).toBe(true);
  });

  it("shows labels literally: no mention survives in a label", () => {
    const m = renderChoices({ kind: "choices", text: "x", options: [card({ name: "@everyone <@1>" })] });
    const menu = m.components[0]?.components[0];
    if (menu?.type !== ComponentType.StringSelect) throw new Error("no menu");
    expect(menu.options[0]?.label).not.toMatch(/@everyone|<@/);
  });
});
