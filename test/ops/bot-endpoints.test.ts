import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startBot, type RunningBot } from "../../app/bot.js";
import { parseConfig, type Config } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { dispatch } from "../../src/commands/dispatch.js";
import { tempDbPath } from "../helpers/spawn.js";

let bot: RunningBot | undefined;
afterEach(async () => {
  await bot?.stop(1000);
  bot = undefined;
});

function config(): Config {
  const parsed = parseConfig({ MSS_DB_PATH: tempDbPath(), PORT: "0", MSS_ENRICH: "false" });
  if (!parsed.ok) throw new Error("test config invalid");
  return parsed.config;
}

const get = async (path: string) => {
  const { port } = bot?.http?.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
};

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
};

describe("the health, readiness and metrics endpoints", () => {
  it("answers /healthz while the process is alive", async () => {
    bot = await startBot(config(), silentLogger(), { http: true });
    expect(await get("/healthz")).toMatchObject({ status: 200, text: '{"status":"ok"}' });
    expect((await get("/nope")).status).toBe(404);
  });

  it("serves the live reading-group calendar on the same server", async () => {
    bot = await startBot(config(), silentLogger(), { http: true });
    const calendar = await get("/reading.ics");
    expect(calendar).toMatchObject({ status: 200, type: "text/calendar; charset=utf-8" });
    expect(calendar.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(calendar.text.match(/BEGIN:VEVENT/g)).toHaveLength(12);
  });

  it("answers /readyz with every check once the first sync is done", async () => {
    bot = await startBot(config(), silentLogger(), { http: true });
    const services = bot.services;
    await until(() => services.store.runs.last(services.sync.source) !== undefined);
    const ready = await get("/readyz");
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toMatchObject({ status: "ready", checks: [{ name: "store", ok: true }, { name: "sync", ok: true, detail: expect.stringContaining("last sync baseline") }] });
  });

  it("counts commands by name, platform and outcome, and shows the outbox, in Prometheus text", async () => {
    bot = await startBot(config(), silentLogger(), { http: true });
    const { services } = bot;
    const ctx = { platform: "slack" as const, channel: null, user: { id: "u", name: "u", isAdmin: false }, services };
    await dispatch(services.commands, "paper", { query: "AlpaServe" }, ctx);
    await dispatch(services.commands, "paper", { query: "AlpaServe" }, ctx);
    await dispatch(services.commands, "paper", { query: "" }, ctx);
    const metrics = await get("/metrics");
    expect(metrics.type).toContain("text/plain");
    expect(metrics.text).toContain('mss_commands_total{command="paper",platform="slack",outcome="paper"} 2');
    expect(metrics.text).toContain('mss_commands_total{command="paper",platform="slack",outcome="error:invalid"} 1');
    expect(metrics.text).toContain('mss_command_duration_seconds_count{command="paper",platform="slack"} 3');
    expect(metrics.text).toContain('mss_outbox_rows{status="pending"} 0');
    await until(() => services.store.runs.last(services.sync.source) !== undefined);
    expect((await get("/metrics")).text).toContain('mss_sync_runs_total{result="baseline"} 1');
    expect((await get("/metrics")).text).toContain('mss_list_sync_runs_total{list="mss",result="baseline"} 1');
  });
});
