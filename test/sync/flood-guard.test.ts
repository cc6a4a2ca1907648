import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { RecordingAnnouncer } from "../fakes/recording-announcer.js";
import { bundledText, run, testServices } from "../helpers/bundled.js";
import { capturedLog } from "../helpers/captured-log.js";
import { withManyAdded } from "../helpers/versions.js";

let upstream: FakeUpstream;
beforeEach(async () => {
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
});
afterEach(() => upstream.stop());

/** Rewrites every table line with its columns reordered and realigned: the same list, formatted differently. */
function reformatted(text: string): string {
  const order = [8, 0, 2, 1, 3, 4, 5, 6, 7];
  return text
    .split("\n")
    .map((line) => {
      if (!line.startsWith("|")) return line;
      const cells = line.split("|").slice(1, -1).map((c) => c.trim());
      return `|${order.map((i, n) => ` ${(cells[i] ?? "").padEnd(n % 2 === 0 ? 14 : 3)} `).join("|")}|`;
    })
    .join("\n");
}

async function setUp() {
  const logs = capturedLog();
  const s = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, log: logs.log, maxAnnounce: 10 });
  const discord = new RecordingAnnouncer("discord");
  s.deliverer.register(discord);
  await run("subscribe", {}, s, { platform: "discord", isAdmin: true, channel: "all" });
  await run("subscribe", { venue: "NSDI" }, s, { platform: "discord", isAdmin: true, channel: "nsdi" });
  await s.sync.run();
  return { s, discord, logs };
}

describe("the flood guard", () => {
  it("turns 50 additions into one digest, and records why each was held", async () => {
    const { s, discord } = await setUp();
    upstream.serve(withManyAdded(50));
    expect(await s.sync.run()).toMatchObject({ result: "changed", deliveries: 0, digests: 1 });
    await s.deliverer.deliverDue();
    expect(discord.namesIn("all")).toEqual(["digest:50"]);
    expect(discord.posted[0]?.reply).toMatchObject({ kind: "digest", headline: "50 new papers on MSS-Papers", more: 40 });
    expect(discord.namesIn("nsdi")).toEqual([]);
    const why = await run("why", { paper: "Bulk7Serve" }, s, { platform: "discord", channel: "all" });
    expect(JSON.stringify(why)).toContain("held by the flood guard: 50 changes at once (more than 10) went out as one digest");
    const filtered = await run("why", { paper: "Bulk7Serve" }, s, { platform: "discord", channel: "nsdi" });
    expect(JSON.stringify(filtered)).toContain("filtered out: the channel subscribed to venue NSDI");
  });

  it("announces a reformatted table (columns reordered and realigned) as nothing", async () => {
    const { s, discord } = await setUp();
    const text = reformatted(bundledText());
    expect(text).not.toBe(bundledText());
    upstream.serve(text);
    expect(await s.sync.run()).toMatchObject({ result: "changed", detail: "0 added, 0 changed, 0 removed", deliveries: 0, digests: 0 });
    await s.deliverer.deliverDue();
    expect(discord.calls).toEqual([]);
  });

  it("warns when over 30% of the list disappears at once, and announces nothing for it", async () => {
    const { s, discord, logs } = await setUp();
    const text = bundledText();
    upstream.serve(text.slice(0, text.indexOf("| Atom")));
    expect(await s.sync.run()).toMatchObject({ result: "changed", detail: "0 added, 0 changed, 17 removed" });
    expect(logs.lines.find((l) => l.msg === "the upstream removed over 30% of the list at once")).toMatchObject({ level: 40, removed: 17, of: 25 });
    await s.deliverer.deliverDue();
    expect(discord.calls).toEqual([]);
  });
});
