import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/store.js";
import { FakeDiscord, IDS } from "../fakes/discord/fake-discord.js";
import { commandInteraction } from "../fakes/discord/payloads.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { waitFor } from "../discord/bot-harness.js";
import { bundledText } from "../helpers/bundled.js";
import { startNode, tempDbPath, type RunningChild } from "../helpers/spawn.js";
import { withManyAdded } from "../helpers/versions.js";

let fake: FakeDiscord | undefined;
let upstream: FakeUpstream | undefined;
let bot: RunningChild | undefined;
afterEach(async () => {
  bot?.signal("SIGKILL");
  await fake?.stop();
  await upstream?.stop();
});

const channelPosts = () => (fake?.requests ?? []).filter((r) => r.method === "POST" && r.path === `/channels/${IDS.channelId}/messages`);

describe("stopping the bot loses and duplicates nothing", () => {
  it("SIGTERM in the middle of a delivery batch exits 0, and after a restart every announcement went out exactly once", async () => {
    fake = await FakeDiscord.start();
    fake.messageDelayMs = 250;
    upstream = await new FakeUpstream().start();
    upstream.serve(bundledText());
    const db = tempDbPath();
    const seed = openStore(db);
    seed.subscriptions.subscribe("discord", IDS.channelId, {}, "test", new Date().toISOString());
    seed.close();
    const env = { DISCORD_TOKEN: IDS.token, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: IDS.guildId, MSS_UPSTREAM_URL: upstream.url, MSS_DB_PATH: db, MSS_MAX_ANNOUNCE: "50", PORT: "0" };

    bot = startNode("bin/start.js", [], { env });
    await bot.waitFor(/"result":"baseline/);
    await bot.waitFor(/discord: connected/);
    upstream.serve(withManyAdded(20));
    await fake.interact(commandInteraction("sync", [], { admin: true }));
    await waitFor(() => channelPosts().length >= 3, "the first deliveries");
    bot.signal("SIGTERM");
    expect(await bot.exited).toBe(0);
    const beforeRestart = channelPosts().length;
    expect(beforeRestart).toBeLessThan(20);

    bot = startNode("bin/start.js", [], { env });
    await waitFor(() => (fake?.posted.length ?? 0) >= 20, "all 20 announcements", 60_000);
    bot.signal("SIGTERM");
    expect(await bot.exited).toBe(0);

    const titles = (fake.posted.map((r) => r.body.embeds?.[0]?.title) as string[]).sort();
    expect(titles).toEqual(Array.from({ length: 20 }, (_, i) => `New: Bulk${i + 1}Serve`).sort());
    expect(channelPosts()).toHaveLength(20);
    const store = openStore(db);
    expect(store.outbox.counts()).toEqual({ pending: 0, sending: 0, sent: 20, failed: 0 });
    store.close();
  }, 120_000);
});
