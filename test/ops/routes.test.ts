import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Metrics } from "../../src/ops/metrics.js";
import type { Readiness } from "../../src/ops/readiness.js";
import { opsRoutes, routeHandler } from "../../src/ops/routes.js";
import { openStore } from "../../src/store/store.js";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(readiness: () => Readiness): Promise<string> {
  server = createServer(routeHandler(opsRoutes(readiness, new Metrics(openStore(":memory:")))));
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("the ops routes", () => {
  it("answers /readyz with 503 and the failing checks when the bot is not ready", async () => {
    const base = await serve(() => ({ ready: false, checks: [{ name: "store", ok: true, detail: "open" }, { name: "discord", ok: false, detail: "gateway unreachable: connect ECONNREFUSED" }] }));
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "not ready", checks: [{ name: "store", ok: true, detail: "open" }, { name: "discord", ok: false, detail: "gateway unreachable: connect ECONNREFUSED" }] });
  });

  it("refuses other methods and unknown paths", async () => {
    const base = await serve(() => ({ ready: true, checks: [] }));
    expect((await fetch(`${base}/healthz`, { method: "POST" })).status).toBe(405);
    expect((await fetch(`${base}/slack/events`)).status).toBe(404);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});
