import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { FetchError, fetchUpstream, type FetchAttempt } from "../../src/sync/fetch-upstream.js";
import { closedPort } from "../helpers/closed-port.js";

/** A loopback server that resets every connection it accepts. */
async function resettingServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createServer((socket) => socket.resetAndDestroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return { port: address.port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("fetching the upstream: failures no retry can fix", () => {
  it("does not retry a host name that does not exist (ENOTFOUND), and says so", async () => {
    // No DNS query leaves the machine: the lookup fails the way getaddrinfo fails on an unknown host.
    const lookups: string[] = [];
    const lookup = async (hostname: string) => {
      lookups.push(hostname);
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    };
    const waits: number[] = [];
    const failed = await fetchUpstream({ kind: "url", url: "http://no-such-host.invalid/list.md" }, undefined, { retries: 3, lookup, sleep: async (ms) => void waits.push(ms) }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ transient: false, message: "no such host (DNS lookup failed: ENOTFOUND)" });
    expect([lookups, waits]).toEqual([["no-such-host.invalid"], []]);
  });

  it("still retries a reset connection, which may work a second later", async () => {
    const server = await resettingServer();
    try {
      const waits: number[] = [];
      const failed = await fetchUpstream({ kind: "url", url: `http://127.0.0.1:${server.port}/list.md` }, undefined, { retries: 2, backoffMs: 5, sleep: async (ms) => void waits.push(ms) }).catch((e: unknown) => e);
      expect(failed).toMatchObject({ transient: true });
      expect(waits).toEqual([5, 10]);
    } finally {
      await server.close();
    }
  });

  it("does not retry a refused connection, and says nothing listens there", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/list.md`;
    const waits: number[] = [];
    const attempts: FetchAttempt[] = [];
    const failed = await fetchUpstream({ kind: "url", url }, undefined, { retries: 3, sleep: async (ms) => void waits.push(ms), onAttempt: (a) => attempts.push(a) }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(FetchError);
    expect(failed).toMatchObject({ transient: false, message: expect.stringContaining("connection refused: nothing is listening there (ECONNREFUSED)") });
    expect(waits).toEqual([]);
    expect(attempts).toEqual([{ url, number: 1, of: 4, timeoutMs: 15_000 }]);
  });
});
