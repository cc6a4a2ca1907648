import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import { readingJob } from "../../src/reading/reading-job.js";
import type { Services } from "../../src/services.js";
import { startBot, waitFor } from "../discord/bot-harness.js";
import { FakeDiscord, IDS, type Recorded } from "../fakes/discord/fake-discord.js";
import { buttonInteraction, commandInteraction, messageFrom, option } from "../fakes/discord/payloads.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText, testServices } from "../helpers/bundled.js";
import { TestClock } from "../helpers/clock.js";
import { alpaServeRecord, hugeAbstract, SYNTHETIC_ABSTRACT, syntheticRecord, withRecords } from "../helpers/records.js";
import { versionTwo } from "../helpers/versions.js";

const EPHEMERAL = 64;
const TITLED = "AlpaServe — Statistical Multiplexing with Model Parallelism for Deep Learning Serving";
const AUTHORS = "Zhuohan Li, Lianmin Zheng, Yinmin Zhong et al. (11 authors)";
let fake: FakeDiscord;
let upstream: FakeUpstream;
let bot: DiscordAdapter;
let services: Services;
let clock: TestClock;

beforeEach(async () => {
  fake = await FakeDiscord.start();
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
  clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
  services = withRecords(testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, now: clock.now }), { alpaserve: alpaServeRecord() });
  bot = await startBot(fake, { services, settings: services.store.settings });
  services.deliverer.register(bot.announcer);
});
afterEach(async () => {
  await services.deliverer.stop();
  await bot.stop();
  await fake.stop();
  await upstream.stop();
});

const channelPosts = () => fake.requests.filter((r) => r.method === "POST" && r.path === `/channels/${IDS.channelId}/messages`);
const abstractButtonOf = (data: { components?: Array<{ components: Array<{ label?: string; custom_id?: string }> }> }) =>
  (data.components ?? []).flatMap((r) => r.components).find((c) => c.label?.startsWith("Abstract"));
const descriptions = (records: Recorded[]) => records.flatMap((r) => (r.body.data ?? r.body).embeds.map((e: { description?: string }) => e.description ?? "")).join(" ");

describe("what the bot knows of a paper, through the real discord.js client", () => {
  it("/paper shows the full title and authors, and its Abstract button answers the whole abstract privately, also after a restart", async () => {
    const card = await fake.interact(commandInteraction("paper", [option("query", "AlpaServe")]));
    const [embed] = card.body.data.embeds;
    expect(embed.title).toBe(TITLED);
    expect(embed.description).toContain(AUTHORS);
    expect(embed.description).toContain("**Abstract:** Serving many large models");
    const button = abstractButtonOf(card.body.data);
    expect(button?.custom_id).toBe("a:abstract?paper=alpaserve");

    const answer = await fake.interact(buttonInteraction(button?.custom_id ?? "", messageFrom(card)));
    expect(answer.body.type).toBe(4); // a new reply: the card stays as it was
    expect(answer.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(answer.body.data.embeds[0].title).toBe(TITLED);
    expect(answer.body.data.embeds[0].description).toContain(SYNTHETIC_ABSTRACT);
    expect(JSON.stringify(answer.body.data.embeds)).toContain("[arXiv](https://arxiv.org/abs/2302.11665)");
    expect(answer.body.data.allowed_mentions).toEqual({ parse: [], users: [] });

    await bot.stop();
    bot = await startBot(fake, { services, settings: services.store.settings });
    const again = await fake.interact(buttonInteraction(button?.custom_id ?? "", messageFrom(card)));
    expect(again.body.data.embeds[0].description).toContain(SYNTHETIC_ABSTRACT);
  });

  it("answers a 20,000-character abstract whole, in follow-up messages Discord accepts", async () => {
    const text = hugeAbstract();
    withRecords(services, { alpaserve: alpaServeRecord({ abstract: text }) });
    const before = fake.requests.length;
    const first = await fake.interact(commandInteraction("abstract", [option("paper", "AlpaServe")]));
    const followUps = () => fake.requests.slice(before).filter((r) => r.method === "POST" && r.path.startsWith(`/webhooks/`));
    const whole = text.replace(/\s+/g, " ");
    await waitFor(() => `${descriptions([first])} ${descriptions(followUps())}`.replace(/\s+/g, " ").includes(whole), "the whole abstract");
    for (const part of [first.body.data, ...followUps().map((r) => r.body)]) {
      const size = part.embeds.reduce((n: number, e: { title?: string; description?: string }) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0), 0);
      expect(size).toBeLessThanOrEqual(6000);
      expect(part.embeds.length).toBeLessThanOrEqual(10);
    }
  });

  it("announces a new paper with its title, authors and short abstract, and its Abstract button leaves the post alone", async () => {
    await fake.interact(commandInteraction("subscribe", [], { admin: true }));
    await services.sync.run();
    withRecords(services, { alpaserve: alpaServeRecord(), flexserve: syntheticRecord("FlexServe: A Synthetic Test Paper", { authors: ["Ada Example", "Grace Sample", "Alan Placeholder", "Edsger Stand-In"] }) });
    upstream.serve(versionTwo());
    await services.sync.run();
    await services.deliverer.deliverDue();
    await waitFor(() => channelPosts().some((p) => JSON.stringify(p.body).includes("FlexServe")), "the FlexServe announcement");
    const post = channelPosts().find((p) => JSON.stringify(p.body).includes("FlexServe"));
    const embed = post?.body.embeds[0];
    expect(embed.title).toBe("New: FlexServe — A Synthetic Test Paper");
    expect(embed.description).toContain("Ada Example, Grace Sample, Alan Placeholder et al. (4 authors)");
    expect(embed.description).toContain("**Abstract:** FlexServe: A Synthetic Test Paper is a synthetic paper of the test suite.");
    expect(post?.body.allowed_mentions).toEqual({ parse: [] });

    const button = abstractButtonOf(post?.body);
    expect(button?.custom_id).toBe("a:abstract?paper=flexserve");
    const patchesBefore = fake.requests.filter((r) => r.method === "PATCH").length;
    const answer = await fake.interact(buttonInteraction(button?.custom_id ?? "", { ...messageFrom({ ...post, body: { data: post?.body } } as Recorded), type: 0 }));
    expect(answer.body.type).toBe(4);
    expect(answer.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(answer.body.data.embeds[0].description).toContain("Nothing in it is real.");
    expect(fake.requests.filter((r) => r.method === "PATCH").length).toBe(patchesBefore);
  });

  it("posts the weekly reading session with the paper's title, authors and short abstract", async () => {
    withRecords(services, { spotserve: syntheticRecord("SpotServe: A Synthetic Record for the Reading Post") });
    await fake.interact(commandInteraction("reading channel", [], { admin: true }));
    const job = readingJob(services, "0 9 * * 1");
    await job.run();
    clock.advance(Date.parse("2026-11-30T09:00:00Z") - clock.now().getTime());
    await job.run();
    await services.deliverer.deliverDue();
    await waitFor(() => channelPosts().length >= 1, "the weekly post");
    const fields: Array<{ name: string; value: string }> = channelPosts()[0]?.body.embeds[0].fields;
    expect(fields.find((f) => f.name === "Paper")?.value).toContain("SpotServe — A Synthetic Record for the Reading Post");
    expect(fields.find((f) => f.name === "Authors")?.value).toBe("Ada Example, Grace Sample");
    expect(fields.find((f) => f.name === "About")?.value).toContain("**Abstract:** SpotServe: A Synthetic Record for the Reading Post is a synthetic paper");
    expect(abstractButtonOf(channelPosts()[0]?.body)?.custom_id).toBe("a:abstract?paper=spotserve");
  });
});
