import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Services } from "../../src/services.js";
import type { Lookup } from "../../src/sync/checked-get.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { RecordingAnnouncer } from "../fakes/recording-announcer.js";
import { bundledText, run, testServices } from "../helpers/bundled.js";
import { capturedLog } from "../helpers/captured-log.js";
import { versionTwo } from "../helpers/versions.js";

let upstream: FakeUpstream;
/** Another server on loopback, inside "the operator's network": it must never be asked. */
let inside: FakeUpstream;
beforeEach(async () => {
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
  inside = await new FakeUpstream().start();
  inside.serve(versionTwo());
});
afterEach(async () => {
  await upstream.stop();
  await inside.stop();
});

/** Names the tests resolve without DNS; every other name goes to the system resolver (localhost only, offline). */
const NAMES: Record<string, string[]> = { "list.lab.test": ["127.0.0.1"], "mixed.example.test": ["93.184.216.34", "10.0.0.7"] };
const lookupsSeen: string[] = [];
const testLookup: Lookup = async (hostname) => {
  lookupsSeen.push(hostname);
  const known = NAMES[hostname];
  if (known) return known.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  const { lookup } = await import("node:dns/promises");
  return lookup(hostname, { all: true });
};

/** A bot with its baseline from `url` and a subscribed channel; the upstream then has version two. */
async function baselined(url = upstream.url) {
  const logs = capturedLog();
  const s: Services = testServices(bundledText(), { upstream: { kind: "url", url }, log: logs.log, fetch: { retries: 0, timeoutMs: 3000, lookup: testLookup } });
  const discord = new RecordingAnnouncer("discord");
  s.deliverer.register(discord);
  await run("subscribe", {}, s, { platform: "discord", isAdmin: true, channel: "c" });
  expect(await s.sync.run()).toMatchObject({ result: "baseline" });
  const baselineHash = s.store.snapshots.get(s.sync.source)?.hash;
  upstream.serve(versionTwo());
  return { s, discord, logs, baselineHash };
}

async function expectRefused(b: Awaited<ReturnType<typeof baselined>>, detail: RegExp) {
  expect(await b.s.sync.run()).toMatchObject({ result: "failed", detail: expect.stringMatching(detail) });
  expect(b.logs.lines.filter((l) => l.msg === "sync failed")).toEqual([expect.objectContaining({ level: 40, detail: expect.stringMatching(detail) })]);
  expect(b.s.store.snapshots.get(b.s.sync.source)?.hash).toBe(b.baselineHash);
  expect(b.s.catalog.list.papers).toHaveLength(25);
  await b.s.deliverer.deliverDue();
  expect(b.discord.calls).toEqual([]);
  expect(inside.requests).toEqual([]);
}

describe("the upstream cannot lead the bot into the operator's network", () => {
  it("refuses a redirect to 127.0.0.1 on another port, and keeps the last good list", async () => {
    const b = await baselined();
    upstream.redirectNext(inside.url);
    await expectRefused(b, /^refused to fetch http:\/\/127\.0\.0\.1:\d+\/MSS-Papers\/README\.md: 127\.0\.0\.1 is a loopback address; kept the last good list$/);
  });

  it.each([
    ["[::1]", "http://[::1]:8080/list.md", /::1 is a loopback address/],
    ["an IPv4-mapped IPv6 loopback", "http://[::ffff:127.0.0.1]:8080/list.md", /::ffff:7f00:1 is a loopback address/],
    ["a private address", "http://10.20.30.40/list.md", /10\.20\.30\.40 is a private address/],
    ["a link-local metadata address", "http://169.254.169.254/latest/meta-data/", /169\.254\.169\.254 is a link-local address/],
    ["a CGNAT address", "https://100.64.1.2/list.md", /100\.64\.1\.2 is a carrier-grade NAT/],
    ["an IPv6 unique local address", "http://[fd00::5]/list.md", /fd00::5 is a private \(unique local\) address/],
  ])("refuses a redirect to %s before connecting", async (_, location, detail) => {
    const b = await baselined();
    upstream.redirectNext(location);
    await expectRefused(b, detail);
  });

  it("checks every address a name resolves to: localhost, and a name with one private address among public ones", async () => {
    const b = await baselined();
    upstream.redirectNext(`http://localhost:${new URL(inside.url).port}/list.md`, "http://mixed.example.test/list.md");
    await expectRefused(b, /localhost resolves to (127\.0\.0\.1|::1), which is a loopback address/);
    b.logs.lines.length = 0;
    await expectRefused(b, /mixed\.example\.test resolves to 10\.0\.0\.7, which is a private address/);
  });

  it("follows redirects only to http and https", async () => {
    const b = await baselined();
    upstream.redirectNext("file:///etc/passwd");
    await expectRefused(b, /refused to fetch file:\/\/\/etc\/passwd: only http and https are followed/);
  });

  it("follows five redirects within the configured origin and refuses a sixth", async () => {
    const b = await baselined();
    upstream.redirectNext("/hop/5");
    await expectRefused(b, /refused to follow more than 5 redirects \(the last to \/hop\/0\)/);
    expect(upstream.requests.slice(-6).map((r) => r.status)).toEqual([302, 302, 302, 302, 302, 302]);

    upstream.redirectNext("/hop/4");
    expect(await b.s.sync.run()).toMatchObject({ result: "changed", detail: "3 added, 1 changed, 0 removed" });
    await b.s.deliverer.deliverDue();
    expect(b.discord.posted).toHaveLength(4);
  });

  it("serves an operator's list from a private host named in MSS_UPSTREAM_URL, connecting to the address it checked, but not another port of it", async () => {
    lookupsSeen.length = 0;
    const b = await baselined(upstream.url.replace("127.0.0.1", "list.lab.test"));
    // The system resolver does not know list.lab.test: the connection went to the address resolved once.
    expect(lookupsSeen).toEqual(["list.lab.test"]);
    upstream.redirectNext(`http://list.lab.test:${new URL(inside.url).port}/MSS-Papers/README.md`);
    await expectRefused(b, /list\.lab\.test resolves to 127\.0\.0\.1, which is a loopback address/);
    expect(await b.s.sync.run()).toMatchObject({ result: "changed" });
  });
});
