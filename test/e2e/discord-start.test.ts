import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { FakeDiscord, IDS } from "../fakes/discord/fake-discord.js";
import { commandInteraction, option } from "../fakes/discord/payloads.js";
import { ROOT, tempDbPath } from "../helpers/spawn.js";

let fake: FakeDiscord | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill("SIGKILL");
  child = undefined;
  await fake?.stop();
  fake = undefined;
});

function start(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null>; stderr: () => string } {
  const proc = spawn(process.execPath, ["bin/start.js"], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", MSS_DB_PATH: tempDbPath(), PORT: "0", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  proc.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  proc.stdout?.resume();
  const exited = new Promise<number | null>((resolve) => proc.on("close", (code) => resolve(code)));
  return { child: proc, exited, stderr: () => stderr };
}

describe("npm start with DISCORD_TOKEN", () => {
  it("serves slash commands through Discord instead of the console, and stops on SIGTERM", async () => {
    fake = await FakeDiscord.start();
    const bot = start({ DISCORD_TOKEN: IDS.token, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: IDS.guildId, LOG_LEVEL: "info" });
    child = bot.child;
    await fake.waitForRequest((r) => r.method === "PUT", 0, 30_000);
    const callback = await fake.interact(commandInteraction("paper", [option("query", "alpaserv")]));
    expect(callback.body.data.embeds[0].title).toBe("AlpaServe — Statistical Multiplexing with Model Parallelism for Deep Learning Serving");
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.stderr()).toContain("discord: connected as mss-bot");
    expect(bot.stderr()).not.toContain(IDS.token);
  }, 60_000);

  it("keeps running and retrying when Discord rejects the token", async () => {
    fake = await FakeDiscord.start();
    fake.rejectToken = true;
    const bot = start({ DISCORD_TOKEN: IDS.token, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: "info" });
    child = bot.child;
    await fake.waitForRequest((r) => r.path === "/gateway/bot", 0, 30_000);
    fake.rejectToken = false;
    await fake.waitForRequest((r) => r.method === "PUT", 0, 30_000);
    expect(bot.stderr()).toContain("Discord rejected DISCORD_TOKEN (401 Unauthorized)");
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
  }, 60_000);
});
