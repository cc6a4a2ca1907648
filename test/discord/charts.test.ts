import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import { pngHeader } from "../charts/png-header.js";
import { FakeDiscord, type Recorded } from "../fakes/discord/fake-discord.js";
import { commandInteraction, option } from "../fakes/discord/payloads.js";
import { testServices } from "../helpers/bundled.js";
import { seedReadingHistory } from "../helpers/reading-history.js";
import { startBot } from "./bot-harness.js";

let fake: FakeDiscord;

/** A slow command's answer: the deferral (type 5), then the edit of @original that carries the message. */
async function deferredAnswer(interaction: { id: string; token: string }): Promise<Recorded> {
  const after = fake.requests.length;
  const callback = await fake.interact(interaction);
  expect(callback.body).toMatchObject({ type: 5 });
  return fake.waitForRequest((r) => r.method === "PATCH" && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(r.path), after);
}
let bot: DiscordAdapter;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const services = testServices();
  seedReadingHistory(services);
  bot = await startBot(fake, { services });
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

describe("charts through the real discord.js client", () => {
  it("answers /stats with a multipart edit of the deferred reply: the PNG as an attachment the embed shows, described with its numbers", async () => {
    const callback = await deferredAnswer(commandInteraction("stats"));
    expect(String(callback.headers["content-type"])).toMatch(/^multipart\/form-data; boundary=/);
    const data = callback.body;
    expect(data.embeds[0]).toMatchObject({ title: "MSS-Papers in numbers", image: { url: "attachment://stats.png" } });
    // Discord matches attachments[n] to the multipart part files[n]; the part carries the file name.
    expect(data.attachments).toEqual([{ id: "0", description: expect.stringContaining("Papers per venue: arXiv: 7; OSDI: 5;") }]);
    expect(data.attachments[0].description).toContain("Papers per year, by first category: 2019: 1 (● Resource Scheduling 1);");
    expect(data.attachments[0].description.length).toBeLessThanOrEqual(1024);
    expect(callback.files).toHaveLength(1);
    const [file] = callback.files;
    expect(file?.name).toBe("stats.png");
    expect(file?.type).toBe("image/png");
    const { width, height } = pngHeader(file?.data ?? new Uint8Array());
    expect(width).toBeGreaterThan(600);
    expect(height).toBeGreaterThan(600);
    expect(file?.data.length).toBeLessThan(10 * 1024 * 1024);
    expect(data.allowed_mentions).toEqual({ parse: [], users: [] });
  });

  it("answers /stats by:reporter with that one chart and section", async () => {
    const callback = await deferredAnswer(commandInteraction("stats", [option("by", "reporter")]));
    const data = callback.body;
    expect(data.embeds[0].fields.map((f: { name: string }) => f.name)).toEqual(["By reporter"]);
    expect(data.attachments[0].description).toBe("Bar chart. MSS-Papers by reporter: 25 papers. Papers per reporter: XiaoKai: 20; hzq: 6.");
    expect(pngHeader(callback.files[0]?.data ?? new Uint8Array()).width).toBeGreaterThan(0);
  });

  it("answers /reading stats with the group's chart and a summary", async () => {
    const callback = await deferredAnswer(commandInteraction("reading stats"));
    const data = callback.body;
    expect(data.embeds[0]).toMatchObject({
      title: "Reading group in numbers",
      description: expect.stringContaining("6 sessions held since 2026-08-03 (1 week skipped); 6 papers read; most sessions: XiaoKai (4);"),
      image: { url: "attachment://reading-stats.png" },
    });
    expect(data.attachments[0]).toMatchObject({ id: "0", description: expect.stringContaining("Sessions per presenter: XiaoKai: 4; hzq: 2.") });
    expect(data.attachments[0].description).toContain("RSVPs per session, last 12 weeks: 2026-09-07: 8 (going 6, not going 2);");
    expect(callback.files[0]?.name).toBe("reading-stats.png");
    pngHeader(callback.files[0]?.data ?? new Uint8Array());
  });
});
