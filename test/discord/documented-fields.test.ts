import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import { FakeDiscord, IDS } from "../fakes/discord/fake-discord.js";
import { buttonInteraction, commandInteraction, messageFrom, option } from "../fakes/discord/payloads.js";
import { startBot } from "./bot-harness.js";
import { card } from "./cards.js";
import { servicesWithExtras } from "./test-commands.js";

let fake: FakeDiscord;
let bot: DiscordAdapter;
let seen = 0;
/** The bodies with undocumented fields since the last call. */
const undocumentedSince = () => fake.undocumented.slice(seen, (seen = fake.undocumented.length));

beforeAll(async () => {
  fake = await FakeDiscord.start();
  bot = await startBot(fake, { services: servicesWithExtras([]) });
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

describe("Discord bodies carry only the fields Discord's API spec defines for their route", () => {
  it("a command's reply and a button's update: no nonce, no enforce_nonce, no tts on an update", async () => {
    const reply = await fake.interact(commandInteraction("paper", [option("query", "AlpaServe")]));
    expect(reply.body.type).toBe(4);
    expect(reply.body.data).not.toHaveProperty("enforce_nonce");
    expect(reply.body.data.embeds[0].title).toBe("AlpaServe");
    const list = await fake.interact(commandInteraction("papers"));
    const next = (list.body.data.components ?? []).flatMap((r: any) => r.components).find((c: any) => c.label === "Next ▶");
    const update = await fake.interact(buttonInteraction(next.custom_id, messageFrom(list)));
    expect(update.body.type).toBe(7);
    expect(update.body.data.embeds[0].footer.text).toBe("25 papers · page 2 of 3");
    expect(undocumentedSince()).toEqual([]);
  });

  it("a deferred command's edit and a follow-up", async () => {
    const slow = commandInteraction("resync");
    const after = fake.requests.length;
    await fake.interact(slow);
    const edit = await fake.waitForRequest((r) => r.method === "PATCH" && r.path === `/webhooks/${IDS.appId}/${slow.token}/messages/@original`, after);
    expect(edit.body.embeds[0].description).toBe("The list is up to date.");
    const failing = commandInteraction("breaksync");
    await fake.interact(failing);
    const followUp = await fake.waitForRequest((r) => r.method === "POST" && r.path === `/webhooks/${IDS.appId}/${failing.token}`, after);
    expect(followUp.body.embeds[0].description).toBe("The upstream list cannot be reached.");
    expect(undocumentedSince()).toEqual([]);
  });

  it("a channel post keeps its nonce and enforce_nonce, which Create Message defines", async () => {
    const reply = { kind: "announcement" as const, headline: "New in MSS-Papers", items: [{ change: "added" as const, card: card({ id: "p1", name: "Paper 1" }), changes: [] }] };
    const result = await bot.announcer.announce(IDS.channelId, reply, "outbox:documented:discord", { number: 1, queuedAt: new Date().toISOString() });
    expect(result.ok).toBe(true);
    const post = fake.posted.at(-1);
    expect(post?.body.nonce).toMatch(/^[0-9a-f]{25}$/);
    expect(post?.body.enforce_nonce).toBe(true);
    expect(undocumentedSince()).toEqual([]);
  });
});
