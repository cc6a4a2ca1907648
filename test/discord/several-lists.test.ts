import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import { FakeDiscord, type Recorded } from "../fakes/discord/fake-discord.js";
import { commandInteraction, messageFrom, option, selectInteraction } from "../fakes/discord/payloads.js";
import { twoListServices } from "../helpers/two-lists.js";
import { startBot } from "./bot-harness.js";

let fake: FakeDiscord;
let bot: DiscordAdapter;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  bot = await startBot(fake, { services: twoListServices() });
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

type Option = { name: string; choices?: Array<{ name: string; value: string }>; options?: Option[] };
const registered = (): Option[] => fake.requests.find((r: Recorded) => r.method === "PUT")?.body ?? [];
const optionOf = (command: string, name: string) => registered().find((c) => c.name === command)?.options?.find((o) => o.name === name);

describe("following two lists, through the real discord.js client", () => {
  it("registers list: with the followed lists' ids as choices", () => {
    expect(optionOf("papers", "list")?.choices).toEqual([
      { name: "mss", value: "mss" },
      { name: "llmsys", value: "llmsys" },
    ]);
    expect(optionOf("stats", "list")?.choices?.map((c) => c.value)).toEqual(["mss", "llmsys"]);
  });

  it("names both lists on a card of a paper both hold", async () => {
    const { body } = await fake.interact(commandInteraction("paper", [option("query", "SpotServe")]));
    expect(body.data.embeds[0].fields).toContainEqual({ name: "Lists", value: "mss, llmsys", inline: true });
  });

  it("shows the title and authors a list gives, when there is no record", async () => {
    const { body } = await fake.interact(commandInteraction("paper", [option("query", "Perseus")]));
    expect(body.data.embeds[0]).toMatchObject({
      title: "Perseus — Removing Energy Bloat from Large Model Training",
      description: "Jae-Won Chung, Yile Gu, Insu Jang et al. (6 authors)",
    });
    expect(body.data.embeds[0].fields).toContainEqual({ name: "List", value: "llmsys", inline: true });
  });

  it("offers both papers called Atom, each labelled with its list, and shows the one picked", async () => {
    const list = await fake.interact(commandInteraction("paper", [option("query", "Atom")]));
    const { body } = list;
    const menu = body.data.components[0].components[0];
    expect(menu.options.map((o: { label: string; value: string }) => [o.label, o.value])).toEqual([
      ["Atom (mss) (arXiv 2023)", "atom@mss"],
      ["Atom (llmsys) — Tokens Scheduled by Their Weight (EuroSys 2024)", "atom@llmsys"],
    ]);
    expect(body.data.embeds[0].description).toContain("Atom (llmsys) — Tokens Scheduled by Their Weight");
    const picked = await fake.interact(selectInteraction(menu.custom_id, ["atom@llmsys"], messageFrom(list)));
    expect(picked.body.data.embeds[0]).toMatchObject({ title: "Atom — Tokens Scheduled by Their Weight", fields: expect.arrayContaining([{ name: "Venue", value: "EuroSys", inline: true }]) });
  });

  it("answers /papers list:llmsys with that list's papers", async () => {
    const { body } = await fake.interact(commandInteraction("papers", [option("list", "llmsys")]));
    expect(body.data.embeds[0].title).toContain("list llmsys");
    expect(body.data.embeds[0].description).toContain("Perseus");
    expect(body.data.embeds[0].description).not.toContain("AlpaServe");
  });
});
