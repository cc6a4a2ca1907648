import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { removeTempDir, tempDir } from "./temp-dir.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh SQLite path in a temp folder, so child processes never touch the repository's data/; the folder goes when the test file ends. */
export const tempDbPath = (): string => join(tempDir("mss-db-"), "mss-bot.db");

/** The environment of a child: no platform tokens, and a store of its own unless the test gives one (removed with `cleanup`). */
function childEnv(extra: Record<string, string> | undefined): { env: Record<string, string>; cleanup: () => void } {
  const base = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", MSS_ENRICH: "false" };
  if (extra?.MSS_DB_PATH) return { env: { ...base, ...extra }, cleanup: () => undefined };
  const db = tempDbPath();
  return { env: { ...base, MSS_DB_PATH: db, ...extra }, cleanup: () => removeTempDir(dirname(db)) };
}

/**
 * Runs `node <script> …args` from the repository root, feeding `input` on
 * stdin; the environment is cleared of platform tokens and the store is a temp file.
 */
export function runNode(script: string, args: string[], opts: { input?: string; env?: Record<string, string>; timeoutMs?: number; user?: { uid: number; gid: number } } = {}): Promise<Finished> {
  const { env, cleanup } = childEnv(opts.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"], ...opts.user });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 50_000);
    child.on("error", (error) => {
      cleanup();
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      cleanup();
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.input ?? "");
  });
}

export interface RunningChild {
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves once the output matches. */
  waitFor(pattern: RegExp): Promise<void>;
  signal(name: NodeJS.Signals): void;
  exited: Promise<number | null>;
}

/** Starts a long-running `node <script>` (the bot) to be driven by signals. */
export function startNode(script: string, args: string[], opts: { env?: Record<string, string> } = {}): RunningChild {
  const { env, cleanup } = childEnv(opts.env);
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  const waiters: Array<{ pattern: RegExp; resolve: () => void }> = [];
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const w of waiters.filter((w) => w.pattern.test(out))) w.resolve();
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const exited = new Promise<number | null>((resolve) =>
    child.on("close", (code) => {
      cleanup();
      resolve(code);
    }),
  );
  return {
    output: () => out,
    waitFor: (pattern) => (pattern.test(out) ? Promise.resolve() : new Promise((resolve) => waiters.push({ pattern, resolve }))),
    signal: (name) => child.kill(name),
    exited,
  };
}
