import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import { FakeDiscord } from "../fakes/discord/fake-discord.js";
import { autocompleteInteraction, commandInteraction, option } from "../fakes/discord/payloads.js";
import { testServices } from "../helpers/bundled.js";
import { SEARCH_RECORDS } from "../helpers/search-records.js";
import { startBot } from "./bot-harness.js";

let fake: FakeDiscord;
let bot: DiscordAdapter;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const services = testServices();
  services.catalog.replaceRecords(SEARCH_RECORDS);
  bot = await startBot(fake, { services });
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

type Choice = { name: string; value: string };

describe("search with scholarly records, through the real discord.js client", () => {
  it("labels autocomplete choices with the name and the title, within Discord's 100 characters", async () => {
    const callback = await fake.interact(autocompleteInteraction("paper", "query", "alpa"));
    expect(callback.body.type).toBe(8);
    const choices: Choice[] = callback.body.data.choices;
    expect(choices[0]).toEqual({ name: "AlpaServe — Statistical Multiplexing with Model Parallelism…", value: "alpaserve" });
    expect(choices.every((c) => c.name.length >= 1 && c.name.length <= 100)).toBe(true);
  });

  it("completes a title word with the paper, and a paper without a record by its name and venue", async () => {
    const byTitle = await fake.interact(autocompleteInteraction("paper", "query", "multiplex"));
    expect(byTitle.body.data.choices).toEqual([{ name: "AlpaServe — Statistical Multiplexing with Model Parallelism…", value: "alpaserve" }]);
    const plain = await fake.interact(autocompleteInteraction("paper", "query", "sia"));
    expect(plain.body.data.choices[0]).toEqual({ name: "Sia (SOSP 2023)", value: "sia" });
  });

  it("answers /paper multiplexing and /paper Shepherd NSDI with the one paper meant", async () => {
    const byTitle = await fake.interact(commandInteraction("paper", [option("query", "multiplexing")]));
    expect(byTitle.body.data.embeds[0].title).toBe("AlpaServe — Statistical Multiplexing with Model Parallelism for Deep Learning Serving");
    const named = await fake.interact(commandInteraction("paper", [option("query", "Shepherd NSDI")]));
    expect(named.body.data.embeds[0].title).toBe("Shepherd — Serving DNNs in the Wild");
  });

  it("filters /papers by author", async () => {
    const callback = await fake.interact(commandInteraction("papers", [option("author", "ion stoica")]));
    const embed = callback.body.data.embeds[0];
    expect(embed.footer.text).toBe("2 papers · page 1 of 1");
    expect(embed.description).toMatch(/AlpaServe[\s\S]*Shepherd/);
    expect(embed.description).not.toMatch(/SpotServe/);
  });
});
