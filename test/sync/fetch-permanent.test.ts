import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { FetchError, fetchUpstream, type FetchAttempt } from "../../src/sync/fetch-upstream.js";

/** A loopback port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}

describe("fetching the upstream: failures no retry can fix", () => {
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
