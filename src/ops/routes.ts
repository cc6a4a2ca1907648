import type { IncomingMessage, ServerResponse } from "node:http";
import type { OpsRoute } from "../ports.js";
import type { Metrics } from "./metrics.js";
import type { Readiness } from "./readiness.js";

export type { OpsRoute };

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
};

/** /healthz (alive), /readyz (ready, or 503 with the reasons), /metrics (Prometheus text). */
export function opsRoutes(readiness: () => Readiness, metrics: Metrics): OpsRoute[] {
  return [
    { path: "/healthz", method: "GET", handler: (_req, res) => json(res, 200, { status: "ok" }) },
    {
      path: "/readyz",
      method: "GET",
      handler: (_req, res) => {
        const r = readiness();
        json(res, r.ready ? 200 : 503, { status: r.ready ? "ready" : "not ready", checks: r.checks });
      },
    },
    {
      path: "/metrics",
      method: "GET",
      handler: (_req, res) => {
        metrics.text().then(
          (text) => res.writeHead(200, { "content-type": metrics.contentType }).end(text),
          (error: unknown) => res.writeHead(500, { "content-type": "text/plain" }).end(`metrics failed: ${String(error)}`),
        );
      },
    },
  ];
}

/** A request handler serving the routes; anything else is a 404. */
export function routeHandler(routes: OpsRoute[]): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const route = routes.find((r) => r.path === path);
    if (!route) return void res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    if (req.method !== route.method && req.method !== "HEAD") return void res.writeHead(405, { allow: route.method }).end();
    route.handler(req, res);
  };
}
