import { afterEach, describe, expect, it, vi } from "vitest";
import { startBot } from "../discord/bot-harness.js";
import { FakeDiscord } from "../fakes/discord/fake-discord.js";
import { commandInteraction, option } from "../fakes/discord/payloads.js";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { formBody, postSigned, slashCommand } from "../fakes/slack/signed-request.js";
import { startSlackBot } from "../fakes/slack/slack-bot.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText, testServices } from "../helpers/bundled.js";
import { TestClock } from "../helpers/clock.js";
import { versionTwo } from "../helpers/versions.js";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Services syncing the bundled list from a fake upstream (baseline stored), and a function that publishes version two. */
async function syncing() {
  const upstream = await new FakeUpstream().start();
  cleanups.push(() => upstream.stop());
  upstream.serve(bundledText());
  const clock = new TestClock();
  const services = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, now: clock.now });
  cleanups.push(() => services.store.close());
  await services.sync.run();
  return {
    services,
    addPapers: async () => {
      upstream.serve(versionTwo());
      await services.sync.run();
      await services.deliverer.deliverDue();
    },
  };
}

const READER = "600000000000000001";
const BLOCKER = "600000000000000002";

describe("watches through the real platform clients", () => {
  it("Discord: /watch by two members, a DM with the card to one, and a member who blocked the bot fails only their watch", async () => {
    const { services, addPapers } = await syncing();
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.stop());
    const bot = await startBot(fake, { services, settings: services.store.settings });
    cleanups.push(() => bot.stop());
    services.deliverer.register(bot.announcer);

    const watched = await fake.interact(commandInteraction("watch", [option("venue", "NSDI")], { userId: READER }));
    expect(JSON.stringify(watched.body.data)).toContain("Watching venue NSDI (watch 1)");
    await fake.interact(commandInteraction("watch", [option("venue", "NSDI")], { userId: BLOCKER }));
    // The second member blocked the bot: Discord refuses the DM (50007).
    fake.failNext((r) => r.path === "/users/@me/channels" && JSON.stringify(r.body).includes(BLOCKER), {
      status: 403,
      body: { message: "Cannot send messages to this user", code: 50007 },
    });

    await addPapers();
    const dm = fake.dmChannels.get(READER);
    expect(dm).toBeDefined();
    const dms = fake.posted.filter((p) => p.path === `/channels/${dm}/messages`);
    expect(dms).toHaveLength(1);
    expect(dms[0]?.body).toMatchObject({ content: "📣 Your watch venue NSDI matched a paper on MSS-Papers", allowed_mentions: { parse: [] } });
    expect(JSON.stringify(dms[0]?.body.embeds)).toContain("FlexServe");
    expect(services.store.watches.get(1)?.status).toBe("active");
    expect(services.store.watches.get(2)).toMatchObject({ status: "failed", statusReason: expect.stringContaining("50007") });

    const listed = await fake.interact(commandInteraction("watches", [], { userId: BLOCKER }));
    expect(JSON.stringify(listed.body.data)).toContain("venue NSDI: stopped, the direct message could not be delivered");
    // Once per paper and watch: another delivery run sends nothing more.
    await services.deliverer.deliverDue();
    expect(fake.posted.filter((p) => p.path === `/channels/${dm}/messages`)).toHaveLength(1);
  });

  it("Slack: /mss watch keyword, the DM opened with conversations.open, and /mss unwatch", async () => {
    const { services, addPapers } = await syncing();
    const fake = await new FakeSlack().start();
    cleanups.push(() => fake.close());
    const bot = await startSlackBot(fake, { services });
    cleanups.push(() => bot.adapter.stop());
    await vi.waitFor(() => expect(bot.adapter.status().ready).toBe(true), { timeout: 10_000 });
    services.deliverer.register(bot.adapter.announcer);
    const mss = async (text: string) => {
      const answer = await postSigned(bot.eventsUrl, formBody(slashCommand({ command: "/mss", text, responseUrl: fake.responseUrl(), userId: "U0ALICE", channelId: "C0PAPERS" })));
      expect(answer.status).toBe(200);
      return JSON.stringify(answer.json());
    };

    expect(await mss('watch keyword:"zipserve"')).toContain("Watching keyword");
    expect(await mss("watch venue:SoCC")).toContain("(watch 2)");
    expect(await mss("unwatch 2")).toContain("Stopped watching venue SoCC (watch 2).");
    await addPapers();
    expect(fake.callsOf("conversations.open").map((c) => c.args.users)).toEqual(["U0ALICE"]);
    expect(fake.posted).toHaveLength(1);
    expect(String(fake.posted[0]?.text)).toContain("Your watch keyword");
    expect(JSON.stringify(fake.posted[0]?.blocks)).toContain("ZipServe");
    expect(await mss("watches")).toContain("1 paper so far");
  });
});
