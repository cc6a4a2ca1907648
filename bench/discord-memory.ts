import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { FakeDiscord, IDS } from "../test/fakes/discord/fake-discord.js";
import { autocompleteInteraction, commandInteraction, option } from "../test/fakes/discord/payloads.js";
import { Prng } from "./prng.js";
import { startFlags } from "./start-flags.js";

export interface DiscordMemory {
  idle: { rssMb: number; heapMb: number };
  loaded: { rssMb: number; heapMb: number };
  commands: number;
}

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const mb = (bytes: number) => bytes / (1024 * 1024);

/** The child bundled to plain JavaScript (packages left as imports), as the compiled bot runs. */
async function buildChild(): Promise<string> {
  const outdir = join(ROOT, "node_modules", ".cache", "mss-bot-bench-discord");
  rmSync(outdir, { recursive: true, force: true });
  // The chart workers beside the child, where render-chart.ts and render-png.ts look for them (stats draws a chart).
  const chartWorker = fileURLToPath(new URL("../src/charts/chart-worker.ts", import.meta.url));
  const pngWorker = fileURLToPath(new URL("../src/charts/png-worker.ts", import.meta.url));
  await build({ entryPoints: { "discord-memory-child": fileURLToPath(new URL("./discord-memory-child.ts", import.meta.url)), "chart-worker": chartWorker, "png-worker": pngWorker }, outdir, bundle: true, format: "esm", platform: "node", packages: "external", logLevel: "silent" });
  return join(outdir, "discord-memory-child.js");
}

const QUERIES = ["AlpaServe", "alpasrve", "spot serve", "Clipper", "orca", "vllm", "serve", "Cocktail", "INFaaS", "zzzz no such paper"];

/** One of the commands a busy server sends: lookups, browsing, typing in the paper option; from many members. */
function nextInteraction(random: Prng, i: number) {
  const who = { userId: String(610000000000000000n + BigInt(random.int(0, 9999))) };
  const query = QUERIES[i % QUERIES.length] ?? "AlpaServe";
  const pick = random.next();
  if (pick < 0.45) return commandInteraction("paper", [option("query", query)], who);
  if (pick < 0.65) return commandInteraction("papers", [option("page", 1 + (i % 3))], who);
  if (pick < 0.7) return commandInteraction("stats", [], who);
  return autocompleteInteraction("paper", "query", query.slice(0, 1 + (i % query.length)), who);
}

function measure(child: ChildProcess): Promise<{ rssMb: number; heapMb: number }> {
  return new Promise((resolve) => {
    child.once("message", (m) => {
      const { rss, heapUsed } = m as { rss: number; heapUsed: number };
      resolve({ rssMb: mb(rss), heapMb: mb(heapUsed) });
    });
    child.send("measure");
  });
}

/**
 * RSS and heap of a fresh bot process connected to a fake Discord: idle after
 * login, then after `commands` interactions answered (each awaited, `parallel`
 * in flight). The fake runs in this process, so only the bot is measured. The
 * bot runs with the Node flags of `npm start` unless given others ([] for
 * Node's defaults), and with `extraEnv` (the Docker image's malloc settings: see imageMallocEnv).
 */
export async function measureDiscordMemory(
  commands = 10_000,
  parallel = 16,
  progress: (msg: string) => void = () => {},
  nodeFlags = startFlags(),
  extraEnv: Record<string, string> = {},
): Promise<DiscordMemory> {
  const fake = await FakeDiscord.start();
  const work = mkdtempSync(join(tmpdir(), "mss-bench-discord-"));
  const child = fork(await buildChild(), [], {
    cwd: ROOT,
    execArgv: ["--expose-gc", ...nodeFlags],
    env: { PATH: process.env.PATH ?? "", DISCORD_TOKEN: IDS.token, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: IDS.guildId, MSS_DB_PATH: join(work, "bench.db"), PORT: "0", LOG_LEVEL: "silent", ...extraEnv },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  try {
    const [ready] = (await once(child, "message")) as [unknown];
    if (ready !== "ready") throw new Error(`discord memory child said ${JSON.stringify(ready)}`);
    const idle = await measure(child);
    const random = new Prng(20241129);
    const answered = new Map<string, () => void>();
    fake.on("request", (r: { path: string }) => answered.get(r.path)?.());
    let sent = 0;
    const worker = async () => {
      while (sent < commands) {
        const i = sent++;
        const interaction = nextInteraction(random, i);
        const path = `/interactions/${interaction.id}/${interaction.token}/callback`;
        const done = new Promise<void>((resolve) => answered.set(path, resolve));
        fake.gateway.dispatch("INTERACTION_CREATE", interaction);
        await done;
        answered.delete(path);
        // The fake records what it received; the driver's memory is not measured, but need not grow either.
        if (fake.requests.length > 1000) fake.requests.length = 0;
        if (i % 2000 === 0 && i > 0) progress(`discord: ${i} commands`);
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    const loaded = await measure(child);
    return { idle, loaded, commands };
  } finally {
    child.send("stop");
    await Promise.race([once(child, "exit"), new Promise((resolve) => setTimeout(resolve, 5000))]);
    child.kill("SIGKILL");
    await fake.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The glibc malloc settings the Docker image runs with (Dockerfile ENV): why, see there. */
export function imageMallocEnv(): Record<string, string> {
  const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");
  return Object.fromEntries([...dockerfile.matchAll(/\b(MALLOC_[A-Z_]+_)=(\d+)/g)].map((m) => [m[1] as string, m[2] as string]));
}
