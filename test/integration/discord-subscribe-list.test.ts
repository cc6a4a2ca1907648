import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Services } from "../../src/services.js";
import { type FakeDiscord, IDS } from "../fakes/discord/fake-discord.js";
import { commandInteraction, option } from "../fakes/discord/payloads.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { startDiscordStack, type DiscordStack } from "../helpers/platform-stacks.js";
import { testServices } from "../helpers/bundled.js";
import { buildList, row } from "../helpers/list-builder.js";

let fake: FakeDiscord;
let mss: FakeUpstream;
let llmsys: FakeUpstream;
let services: Services;
let stack: DiscordStack;

beforeEach(async () => {
  mss = await new FakeUpstream().start();
  llmsys = await new FakeUpstream().start();
  mss.serve(buildList([row("AlpaServe")]));
  llmsys.serve(buildList([row("Orca")]));
  services = testServices("", {
    lists: [
      { id: "mss", upstream: { kind: "url", url: mss.url } },
      { id: "llmsys", upstream: { kind: "url", url: llmsys.url } },
    ],
  });
  stack = await startDiscordStack(services);
  ({ fake } = stack);
});
afterEach(async () => {
  await stack.stop();
  await mss.stop();
  await llmsys.stop();
});

const channelPosts = () => fake.requests.filter((r) => r.method === "POST" && r.path === `/channels/${IDS.channelId}/messages`);

describe("/subscribe list: through Discord", () => {
  it("follows one list: only its additions reach the channel, each naming the list; an unknown id is refused naming the followed ones", async () => {
    const unknown = await fake.interact(commandInteraction("subscribe", [option("list", "serving")], { admin: true }));
    expect(JSON.stringify(unknown.body.data)).toContain('list: no followed list is called \\"serving\\".');
    expect(JSON.stringify(unknown.body.data)).toContain("Lists: mss, llmsys");

    const answer = await fake.interact(commandInteraction("subscribe", [option("list", "llmsys")], { admin: true }));
    expect(JSON.stringify(answer.body.data)).toContain("Announcements on for this channel: list llmsys.");
    const shown = await fake.interact(commandInteraction("subscriptions", []));
    expect(JSON.stringify(shown.body.data)).toContain("only llmsys");

    await services.sync.runAll();
    mss.serve(buildList([row("AlpaServe"), row("FlexServe")]));
    llmsys.serve(buildList([row("Orca"), row("Perseus")]));
    await services.sync.runAll();
    for (let i = 0; i < 3; i++) await services.deliverer.deliverDue();

    const posts = channelPosts();
    expect(posts).toHaveLength(1);
    expect(String(posts[0]?.body.content)).toBe("📣 New paper on llmsys");
    expect(JSON.stringify(posts[0]?.body.embeds)).toContain("Perseus");
    expect(JSON.stringify(posts[0]?.body.embeds)).not.toContain("FlexServe");
  });
});
