import { spawn } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CountingPlatform } from "../fakes/counting-platform.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText } from "../helpers/bundled.js";
import { ROOT, runNode, tempDbPath } from "../helpers/spawn.js";
import { versionTwo } from "../helpers/versions.js";

let upstream: FakeUpstream;
let platform: CountingPlatform;
let db: string;
beforeEach(async () => {
  upstream = await new FakeUpstream().start();
  platform = await new CountingPlatform().start();
  db = tempDbPath();
});
afterEach(async () => {
  await upstream.stop();
  await platform.stop();
});

const CHILD = "test/fixtures/outbox-child.ts";
// A 1 ms lease: a row left in flight by a killed run is due again as soon as the next run starts.
const childEnv = (mode: string, leaseMs = 1) => ({ DB: db, UPSTREAM: upstream.url, PLATFORM: platform.url, MODE: mode, LEASE_MS: String(leaseMs) });
const runChild = (mode: string) => runNode("--import", ["tsx", CHILD], { env: childEnv(mode) });

/** Starts the child and SIGKILLs it once `ready` resolves; returns when it is dead. */
async function killWhen(mode: string, ready: (out: () => string) => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", ...childEnv(mode) } });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise((resolve) => child.on("exit", resolve));
  await ready(() => out);
  child.kill("SIGKILL");
  await exited;
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
};

describe("exactly once across crashes", () => {
  it("delivers every announcement exactly once after SIGKILL after enqueue and again mid-delivery", async () => {
    upstream.serve(bundledText());
    expect((await runChild("deliver")).stdout).toContain("synced baseline 0");

    upstream.serve(versionTwo());
    await killWhen("stop-after-enqueue", (out) => until(() => out().includes("enqueued")));
    expect(platform.requests).toHaveLength(0);

    // Restarted, killed while the platform holds the third message unanswered.
    platform.hangOnRequest = 3;
    await killWhen("deliver", () => platform.waitForRequests(3));

    const last = await runChild("deliver");
    expect(last.code).toBe(0);
    expect(last.stdout).toContain("synced not-modified 0");

    const keys = platform.messages.map((m) => m.key);
    expect(new Set(keys).size).toBe(8);
    expect(platform.messages.map((m) => m.channel).sort()).toEqual(["c1", "c1", "c1", "c1", "c2", "c2", "c2", "c2"]);
    // A kill leaves at most one row per channel in flight (channels are delivered concurrently): only those are sent again, under their keys.
    expect(platform.requests.length).toBeGreaterThanOrEqual(9);
    expect(platform.requests.length).toBeLessThanOrEqual(10);
    expect(platform.requests.filter((r) => r.key === platform.requests[2]?.key)).toHaveLength(2);
  }, 90_000);
});
