import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import { FakeDiscord, type Recorded } from "../fakes/discord/fake-discord.js";
import { autocompleteInteraction, buttonInteraction, commandInteraction, messageFrom, option, selectInteraction } from "../fakes/discord/payloads.js";
import { buildList, row } from "../helpers/list-builder.js";
import { testServices } from "../helpers/bundled.js";
import { startBot } from "./bot-harness.js";

const EPHEMERAL = 64;
let fake: FakeDiscord;
let bot: DiscordAdapter;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  bot = await startBot(fake);
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

/** The button of a recorded reply by label. */
function button(reply: Recorded, label: string): { custom_id: string; disabled?: boolean } {
  const found = (reply.body.data.components ?? []).flatMap((r: any) => r.components).find((c: any) => c.label === label);
  if (!found) throw new Error(`no "${label}" button in ${JSON.stringify(reply.body.data.components)}`);
  return found;
}

describe("slash commands through the real discord.js client", () => {
  it("answers /paper AlpaServe with AlpaServe's embed and link buttons, mentioning nobody", async () => {
    const callback = await fake.interact(commandInteraction("paper", [option("query", "AlpaServe")]));
    expect(callback.body.type).toBe(4);
    const { data } = callback.body;
    expect(data.embeds).toHaveLength(1);
    expect(data.embeds[0]).toMatchObject({
      title: "AlpaServe",
      url: "https://www.usenix.org/system/files/osdi23-li-zhuohan.pdf",
      fields: [
        { name: "Venue", value: "OSDI" },
        { name: "Year", value: "2023" },
        { name: "Reporter", value: "XiaoKai" },
      ],
    });
    expect(data.components[0].components).toEqual([
      { type: 2, style: 5, label: "Code", url: "https://github.com/alpa-projects/mms" },
      { type: 2, style: 5, label: "Blog notes", url: "https://blog.csdn.net/qq_51802743/article/details/135838483" },
    ]);
    expect(data.allowed_mentions).toEqual({ parse: [], users: [] });
    expect(data.flags ?? 0).toBe(0);
  });

  it("answers autocomplete for `alpa` with AlpaServe among at most 25 choices", async () => {
    const callback = await fake.interact(autocompleteInteraction("paper", "query", "alpa"));
    expect(callback.body.type).toBe(8);
    expect(callback.body.data.choices.length).toBeLessThanOrEqual(25);
    expect(callback.body.data.choices).toContainEqual({ name: "AlpaServe (OSDI 2023)", value: "alpaserve" });
  });

  it("completes reporters for /papers reporter", async () => {
    const callback = await fake.interact(autocompleteInteraction("papers", "reporter", "xiao"));
    expect(callback.body.data.choices.map((c: { value: string }) => c.value)).toContain("XiaoKai");
  });

  it("pages /papers with its Next button, replacing the message with page 2", async () => {
    const first = await fake.interact(commandInteraction("papers"));
    expect(first.body.data.embeds[0].footer.text).toBe("25 papers · page 1 of 3");
    const next = button(first, "Next ▶");
    expect(next.custom_id).toBe("l:papers?page=2");
    const second = await fake.interact(buttonInteraction(next.custom_id, messageFrom(first)));
    expect(second.body.type).toBe(7);
    expect(second.body.data.embeds[0].footer.text).toBe("25 papers · page 2 of 3");
    expect(second.body.data.embeds[0].description.split("\n")[0]).toMatch(/^11\. /);
    expect(button(second, "◀ Prev").custom_id).toBe("l:papers?page=1");
  });

  it("keeps filters in the buttons' state", async () => {
    const first = await fake.interact(commandInteraction("papers", [option("year", "2023"), option("page", 1)]));
    expect(first.body.data.embeds[0].title).toBe("Papers: year 2023");
    expect(button(first, "◀ Prev").disabled).toBe(true);
    const next = button(first, "Next ▶").custom_id;
    expect(next).toBe("l:papers?year=2023&page=2");
    const second = await fake.interact(buttonInteraction(next, messageFrom(first)));
    expect(second.body.data.embeds[0]).toMatchObject({ title: "Papers: year 2023", footer: { text: "18 papers · page 2 of 2" } });
  });

  it("offers a pick-list as a select menu; picking runs /paper with the picked id", async () => {
    const list = await fake.interact(commandInteraction("paper", [option("query", "serve")]));
    const menu = list.body.data.components[0].components[0];
    expect(menu).toMatchObject({ type: 3, custom_id: "p:paper:query" });
    expect(menu.options.map((o: { value: string }) => o.value)).toEqual(["spotserve", "alpaserve"]);
    const picked = await fake.interact(selectInteraction(menu.custom_id, ["alpaserve"], messageFrom(list)));
    expect(picked.body.type).toBe(7);
    expect(picked.body.data.embeds[0].title).toBe("AlpaServe");
    expect(picked.body.data.components[0].components[0]).toMatchObject({ style: 5, label: "Code" });
  });

  it("answers bad input with an ephemeral, readable error", async () => {
    const callback = await fake.interact(commandInteraction("papers", [option("year", "1066")]));
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.embeds[0].description).toContain("year: must be a year like 2023");
  });

  it("answers an unknown or expired button privately and clearly", async () => {
    const message = messageFrom(await fake.interact(commandInteraction("stats")));
    for (const customId of ["something-from-an-old-version", "l:dance?x=1", "p:paper:query"]) {
      const callback = await fake.interact(buttonInteraction(customId, message));
      expect(callback.body.data.flags).toBe(EPHEMERAL);
      expect(callback.body.data.embeds[0].description).toContain("has expired or is no longer understood");
    }
  });

  it("validates a forged button's arguments like typed ones", async () => {
    const message = messageFrom(await fake.interact(commandInteraction("papers")));
    const callback = await fake.interact(buttonInteraction("l:papers?page=999", message));
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.embeds[0].description).toBe("Page 999 is past the last page (3).");
  });

  it("answers /help with the commands as fields", async () => {
    const callback = await fake.interact(commandInteraction("help"));
    expect(callback.body.data.embeds[0].title).toBe("mss-bot commands");
    expect(callback.body.data.embeds[0].fields.map((f: { name: string }) => f.name)).toEqual(["Papers", "Announcements", "Reading group", "Reading group (2)", "Reading group (3)", "General"]);
  });
});

describe("upstream text through the real client", () => {
  let evilFake: FakeDiscord;
  let evilBot: DiscordAdapter;
  beforeAll(async () => {
    evilFake = await FakeDiscord.start();
    // Markdown-escaped in the source, so the parsed name really holds the markup characters.
    const md = buildList([row("Evil @everyone <@123> \\~\\~strike\\~\\~ \\`code\\` \\_it\\_ \\*x\\* [\\[click\\]](https://e.example) # h", { reporter: "@here", venue: "<@&456>" })]);
    evilBot = await startBot(evilFake, { services: testServices(md) });
  });
  afterAll(async () => {
    await evilBot?.stop();
    await evilFake?.stop();
  });

  it("arrives escaped, with no mention possible and none allowed", async () => {
    const callback = await evilFake.interact(commandInteraction("paper", [option("query", "evil")]));
    const { data } = callback.body;
    const text = JSON.stringify(data.embeds);
    expect(data.embeds[0].title).toBe("Evil @\u200beveryone <\u200b@123> \\~\\~strike\\~\\~ \\`code\\` \\_it\\_ \\*x\\* \\[click\\] # h");
    expect(data.embeds[0].fields).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Venue", value: "<\u200b@&456>" }), expect.objectContaining({ name: "Reporter", value: "@\u200bhere" })]));
    expect(text).not.toMatch(/@everyone|@here|<@/);
    expect(data.allowed_mentions).toEqual({ parse: [], users: [] });
  });
});

describe("every body of this file's interactions", () => {
  it("carries only the fields Discord's API spec defines for its route (no enforce_nonce on answers)", () => {
    expect(fake.requests.filter((r) => r.path.startsWith("/interactions/")).length).toBeGreaterThan(10);
    expect(fake.undocumented).toEqual([]);
  });
});
