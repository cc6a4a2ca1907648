import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/**
 * Milliseconds from spawning `node …args` until `ready` appears on its stdout
 * (until it exits, when `ready` is null). Stdin stays open until then, as at a
 * terminal; no platform token is passed, so `bin/start.js` serves the console.
 */
export function timeToReady(args: string[], ready: string | null, extraEnv: Record<string, string> = {}, timeoutMs = 30_000): Promise<number> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...extraEnv };
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let readyAt: number | undefined;
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (readyAt === undefined && ready !== null && out.includes(ready)) {
        readyAt = performance.now() - start;
        child.stdin.end();
      }
    });
    child.on("exit", () => {
      if (ready === null) readyAt = performance.now() - start;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (readyAt !== undefined) resolve(readyAt);
      else reject(new Error(`exited (${code}) before printing ${JSON.stringify(ready)}: ${out.slice(0, 200)}`));
    });
    if (ready === null) child.stdin.end();
  });
}
