import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { formBody, postSigned, SIGNING_SECRET, slashCommand } from "../fakes/slack/signed-request.js";
import { ROOT, tempDbPath } from "../helpers/spawn.js";
import { headerText } from "../slack/slack-payload.js";

let fake: FakeSlack;
let child: ChildProcess | undefined;

beforeEach(async () => {
  fake = await new FakeSlack().start();
});

afterEach(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  child = undefined;
  await fake.close();
});

describe("npm start with Slack variables", () => {
  it("serves Slack over HTTP on PORT instead of the console, and stops cleanly on SIGTERM", async () => {
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      SLACK_BOT_TOKEN: "xoxb-e2e",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      LOG_LEVEL: "info",
      MSS_DB_PATH: tempDbPath(),
    };
    const running = spawn(process.execPath, ["bin/start.js"], { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
    child = running;
    let stdout = "";
    let stderr = "";
    running.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
    running.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => running.on("close", resolve));

    await vi.waitFor(() => expect(stderr).toMatch(/"port":\d+.*HTTP receiver listening/), { timeout: 20_000 });
    await vi.waitFor(() => expect(stderr).toContain("bot token accepted"), { timeout: 20_000 });
    const port = /"port":(\d+)/.exec(stderr)?.[1];
    const answer = await postSigned(`http://127.0.0.1:${port}/slack/events`, formBody(slashCommand({ command: "/paper", text: "AlpaServe", responseUrl: fake.responseUrl() })));
    expect(answer.status).toBe(200);
    expect(headerText(answer.json())).toBe("AlpaServe — Statistical Multiplexing with Model Parallelism for Deep Learning Serving");
    expect(fake.callsOf("auth.test")[0]?.authorization).toBe("Bearer xoxb-e2e");
    expect(stdout).not.toContain("mss-bot console");
    expect(stderr).not.toContain(SIGNING_SECRET);

    // The health endpoints share PORT with the Slack receiver.
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    await vi.waitFor(async () => expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200), { timeout: 20_000 });
    expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain('mss_commands_total{command="paper",platform="slack",outcome="paper"} 1');

    running.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
