// Forked by discord-memory.ts: the bot as `npm start` runs it with Discord on
// (startBot: services, metrics, sync job, the real discord.js adapter), pointed
// at the parent's fake Discord. Answers "measure" with RSS and heap after a full
// collection and a short idle (V8 gives freed pages back to the system
// concurrently, so RSS read right after gc() still counts them), and "stop" by
// stopping the bot.
import { startBot } from "../app/bot.js";
import { parseConfig } from "../src/config.js";
import { silentLogger } from "../src/log.js";

const parsed = parseConfig(process.env);
if (!parsed.ok) throw new Error(`bench config: ${JSON.stringify(parsed.problems)}`);
const bot = await startBot(parsed.config, silentLogger(), { http: true });
const discord = bot.adapters.find((a) => a.platform === "discord");
while (!discord?.status().ready) await new Promise((resolve) => setTimeout(resolve, 20));

const SETTLE_MS = 3000;
const send = (message: unknown) => process.send?.(message);
process.on("message", (message) => {
  if (message === "measure") {
    // Twice: a first collection can leave finalizers' garbage for the second.
    globalThis.gc?.();
    globalThis.gc?.();
    void new Promise((resolve) => setTimeout(resolve, SETTLE_MS)).then(() => {
      const { rss, heapUsed } = process.memoryUsage();
      send({ rss, heapUsed });
    });
  } else if (message === "stop") {
    void bot.stop(1000).then(() => process.exit(0));
  }
});
send("ready");
