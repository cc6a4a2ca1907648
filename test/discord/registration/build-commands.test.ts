import { ApplicationCommandOptionType as T } from "discord.js";
import { describe, expect, it } from "vitest";
import { buildCommands } from "../../../adapters/discord/registration/build-commands.js";
import { commandsHash } from "../../../adapters/discord/registration/register-commands.js";
import { ALL_COMMANDS } from "../../../src/commands/all.js";
import { defineCommand } from "../../../src/commands/command.js";
import { listOption } from "../../../src/commands/list-option.js";
import { choice, text } from "../../../src/commands/options.js";
import { bundledList } from "../../helpers/bundled.js";
import { CORE_WITHOUT_READING, extraCommands } from "../test-commands.js";

const legend = bundledList().legend;
const json = buildCommands([...CORE_WITHOUT_READING, ...extraCommands()], legend);
const byName = (name: string) => json.find((c) => c.name === name);

describe("the Discord registration generated from the core registry", () => {
  it("has one chat-input command per root, named and described within Discord's limits", () => {
    expect(json.map((c) => c.name)).toEqual([...CORE_WITHOUT_READING.map((c) => c.name), "purge", "reading", "resync", "breaksync"]);
    for (const c of json) {
      expect(c.type).toBe(1);
      expect(c.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
    }
  });

  it("makes /paper's query a required string with autocomplete and the schema's lengths", () => {
    expect(byName("paper")?.options).toEqual([
      { type: T.String, name: "query", description: "Paper name, or part of it", required: true, min_length: 1, max_length: 100, autocomplete: true },
    ]);
  });

  it("derives /papers' options: types, bounds, tag choices from the legend, reporter autocomplete", () => {
    const options = byName("papers")?.options ?? [];
    expect(options.map((o) => [o.name, o.type, o.required])).toEqual([
      ["venue", T.String, false],
      ["year", T.String, false],
      ["tag", T.String, false],
      ["reporter", T.String, false],
      ["code", T.Boolean, false],
      ["author", T.String, false],
      ["list", T.String, false],
      ["page", T.Integer, false],
    ]);
    expect(options.find((o) => o.name === "page")).toMatchObject({ min_value: 1, max_value: 10000 });
    expect(options.find((o) => o.name === "year")).toMatchObject({ min_length: 4, max_length: 12 });
    expect(options.find((o) => o.name === "tag")).toMatchObject({
      choices: [
        { name: "★ Different Storage Media", value: "storage-media" },
        { name: "▲ Different GPU Devices", value: "gpu-devices" },
        { name: "● Resource Scheduling", value: "resource-scheduling" },
      ],
    });
    expect(options.find((o) => o.name === "tag")).not.toHaveProperty("autocomplete");
    expect(options.find((o) => o.name === "reporter")).toMatchObject({ autocomplete: true, max_length: 60 });
    expect(options.find((o) => o.name === "author")).toMatchObject({ max_length: 100 });
  });

  it("hides admin commands behind Manage Server; other commands have no permission set", () => {
    expect(byName("purge")?.default_member_permissions).toBe("32");
    expect(byName("paper")).not.toHaveProperty("default_member_permissions");
  });

  it("turns names with a space into subcommands; a group with a public subcommand stays visible", () => {
    const reading = byName("reading");
    expect(reading?.options?.map((o) => [o.type, o.name])).toEqual([
      [T.Subcommand, "schedule"],
      [T.Subcommand, "swap"],
    ]);
    expect(reading?.options?.[0]).toMatchObject({ description: "The next weeks of the reading group.", options: [{ name: "weeks", type: T.Integer, required: false, min_value: 1, max_value: 12 }] });
    expect(reading).not.toHaveProperty("default_member_permissions");
  });

  it("puts required options before optional ones, as Discord requires", () => {
    const command = defineCommand({
      name: "pick",
      description: "d",
      group: "general",
      options: { mode: choice(["fast", "slow"], { description: "Mode" }).optional(), query: text({ description: "Q" }) },
      run: () => ({ kind: "notice", text: "" }),
    });
    const [pick] = buildCommands([command], legend);
    expect(pick?.options?.map((o) => o.name)).toEqual(["query", "mode"]);
    expect(pick?.options?.[1]).toMatchObject({ choices: [{ name: "fast", value: "fast" }, { name: "slow", value: "slow" }] });
  });

  it("switches tag choices to autocomplete when the legend has more than 25 categories", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `t${i}`, symbol: `${i}`, label: `Tag ${i}`, known: true }));
    const tag = buildCommands(ALL_COMMANDS, many).find((c) => c.name === "papers")?.options?.find((o) => o.name === "tag");
    expect(tag).toMatchObject({ autocomplete: true });
    expect(tag).not.toHaveProperty("choices");
  });

  it("offers the followed lists as list: choices, with the clearing word when the option has one", () => {
    const follow = defineCommand({
      name: "follow",
      description: "d",
      group: "general",
      options: { list: listOption("Which list", "any").optional(), only: listOption("Only this list").optional() },
      run: () => ({ kind: "notice", text: "" }),
    });
    const [options] = buildCommands([follow], legend, ["mss", "llmsys"]).map((c) => c.options);
    expect(options?.[0]).toMatchObject({ name: "list", choices: [{ name: "mss", value: "mss" }, { name: "llmsys", value: "llmsys" }, { name: "any (every list)", value: "any" }] });
    expect(options?.[1]).toMatchObject({ name: "only", choices: [{ name: "mss", value: "mss" }, { name: "llmsys", value: "llmsys" }] });
    // Past Discord's 25 choices, the option stays typed text (within the id's length).
    const many = Array.from({ length: 25 }, (_, i) => `list${i}`);
    const [typed] = buildCommands([follow], legend, many).map((c) => c.options?.[0]);
    expect(typed).not.toHaveProperty("choices");
    expect(typed).toMatchObject({ max_length: 24 });
  });

  it("changes the registration's hash when the followed lists change", () => {
    expect(commandsHash(buildCommands(ALL_COMMANDS, legend, ["mss"]))).not.toBe(commandsHash(buildCommands(ALL_COMMANDS, legend, ["mss", "llmsys"])));
  });

  it("refuses names Discord would reject, and a name that is both a command and a group", () => {
    const bad = defineCommand({ name: "Bad Name", description: "d", group: "general", options: {}, run: () => ({ kind: "notice", text: "" }) });
    expect(() => buildCommands([bad], legend)).toThrow(/not a valid Discord name/);
    const both = [
      defineCommand({ name: "reading", description: "d", group: "reading", options: {}, run: () => ({ kind: "notice", text: "" }) }),
      defineCommand({ name: "reading next", description: "d", group: "reading", options: {}, run: () => ({ kind: "notice", text: "" }) }),
    ];
    expect(() => buildCommands(both, legend)).toThrow(/both a command and a group/);
  });

  it("hashes the same definitions to the same value and changed ones to another", () => {
    expect(commandsHash(buildCommands(ALL_COMMANDS, legend))).toBe(commandsHash(buildCommands(ALL_COMMANDS, bundledList().legend)));
    expect(commandsHash(buildCommands(ALL_COMMANDS, legend))).not.toBe(commandsHash(buildCommands(ALL_COMMANDS, legend.slice(1))));
  });
});
