import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import { FakeDiscord, IDS } from "../fakes/discord/fake-discord.js";
import { commandInteraction, option } from "../fakes/discord/payloads.js";
import { startBot } from "./bot-harness.js";
import { servicesWithExtras } from "./test-commands.js";

const EPHEMERAL = 64;
const runs: string[] = [];
let fake: FakeDiscord;
let bot: DiscordAdapter;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  bot = await startBot(fake, { services: servicesWithExtras(runs) });
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

describe("admin commands", () => {
  it("are registered hidden behind Manage Server", () => {
    const put = fake.requests.find((r) => r.method === "PUT");
    expect(put?.body.find((c: { name: string }) => c.name === "purge").default_member_permissions).toBe("32");
  });

  it("refuse a member without Manage Server privately, and do not run", async () => {
    const callback = await fake.interact(commandInteraction("purge", [option("days", 3)], { admin: false }));
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.embeds[0]).toMatchObject({ title: "Not allowed", description: "/purge is for admins only.\nAsk someone who can manage this server to run it." });
    expect(runs).not.toContain("purge 3");
  });

  it("run for a member with Manage Server", async () => {
    const callback = await fake.interact(commandInteraction("purge", [option("days", 3)], { admin: true }));
    expect(callback.body.data.flags ?? 0).toBe(0);
    expect(callback.body.data.embeds[0].description).toBe("Purged 3 days.");
    expect(runs).toContain("purge 3");
  });

  it("are checked per subcommand: /reading swap refuses a member, /reading schedule serves them", async () => {
    const swap = await fake.interact(commandInteraction("reading swap", [option("who", "XiaoKai")]));
    expect(swap.body.data.flags).toBe(EPHEMERAL);
    const schedule = await fake.interact(commandInteraction("reading schedule", [option("weeks", 8)]));
    expect(schedule.body.data.embeds[0].description).toBe("8 weeks ahead.");
  });
});

describe("slow commands", () => {
  it("are deferred, then the deferred reply is edited with the result", async () => {
    const after = fake.requests.length;
    const interaction = commandInteraction("resync");
    const callback = await fake.interact(interaction);
    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
    const edit = await fake.waitForRequest((r) => r.method === "PATCH" && r.path === `/webhooks/${IDS.appId}/${interaction.token}/messages/@original`, after);
    expect(edit.body.embeds[0].description).toBe("The list is up to date.");
    expect(runs).toContain("resync");
  });

  it("that fail replace the public placeholder with a private error", async () => {
    const after = fake.requests.length;
    const interaction = commandInteraction("breaksync");
    expect((await fake.interact(interaction)).body.type).toBe(5);
    await fake.waitForRequest((r) => r.method === "DELETE" && r.path === `/webhooks/${IDS.appId}/${interaction.token}/messages/@original`, after);
    const followUp = await fake.waitForRequest((r) => r.method === "POST" && r.path === `/webhooks/${IDS.appId}/${interaction.token}`, after);
    expect(followUp.body.flags).toBe(EPHEMERAL);
    expect(followUp.body.embeds[0].description).toBe("The upstream list cannot be reached.");
  });
});
