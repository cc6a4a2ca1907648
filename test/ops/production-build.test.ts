import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { ROOT, runNode, tempDbPath } from "../helpers/spawn.js";
import { versionTwo } from "../helpers/versions.js";

/**
 * Does what the Dockerfile's stages do, in a temp folder: compile to dist/,
 * take the installed dependencies and prune the dev ones, copy what the image
 * copies; then runs the compiled bot and CLI exactly as the image's CMD does.
 */
let app: string;
beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), "mss-image-"));
  execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.build.json"), "--outDir", join(app, "dist")], { cwd: ROOT, stdio: "pipe" });
  for (const file of ["package.json", "package-lock.json", "bin", "data/papers.md", "data/paper-records.json", "data/fonts"]) cpSync(join(ROOT, file), join(app, file), { recursive: true });
  // Hard links: a fast copy; npm prune unlinks what it removes and leaves the originals alone.
  // The real folder, not a symlink to it (a git worktree may link node_modules): a copied link would prune the original.
  const installed = realpathSync(join(ROOT, "node_modules"));
  execFileSync("cp", ["-al", installed, join(app, "node_modules")]);
  // npm rewrites its hidden lockfile in place: it must be a real copy, not a link to the original.
  const hidden = join(app, "node_modules", ".package-lock.json");
  rmSync(hidden, { force: true });
  if (existsSync(join(installed, ".package-lock.json"))) cpSync(join(installed, ".package-lock.json"), hidden);
  execFileSync("npm", ["prune", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: app, stdio: "pipe" });
}, 180_000);
afterAll(() => rmSync(app, { recursive: true, force: true }), 120_000);

describe("the production build", () => {
  it("has no dev dependencies left and no TypeScript source", () => {
    for (const dev of ["typescript", "vitest", "tsx", "vite"]) expect(existsSync(join(app, "node_modules", dev)), dev).toBe(false);
    expect(existsSync(join(app, "node_modules", "better-sqlite3"))).toBe(true);
    expect(existsSync(join(app, "src"))).toBe(false);
  });

  it("runs the bot with `node dist/app/main.js`: the console answers /paper AlpaServe", async () => {
    const { code, stdout } = await runNode(join(app, "dist/app/main.js"), [], { input: "/paper AlpaServe\n" });
    expect(code).toBe(0);
    expect(stdout).toContain("AlpaServe (OSDI 2023)");
  });

  it("runs the CLI from the compiled code through bin/mss-bot.js (no tsx installed)", async () => {
    const { code, stdout } = await runNode(join(app, "bin/mss-bot.js"), ["paper", "alpaserv", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ kind: "paper", card: { name: "AlpaServe" } });
  });

  it("draws the stats chart with the production dependencies, the compiled chart workers and the bundled font: `mss-bot stats --chart`", async () => {
    const file = join(app, "stats.png");
    const { code, stdout, stderr } = await runNode(join(app, "bin/mss-bot.js"), ["stats", "--chart", file]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain(`Wrote the chart to ${file}`);
    expect(readFileSync(file).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(readFileSync(join(ROOT, "Dockerfile"), "utf8")).toContain("COPY data/fonts data/fonts");
  });

  it("reads a fetched list in the compiled worker thread: `mss-bot sync` stores it, a second start answers from it", async () => {
    const upstream = await new FakeUpstream().start();
    upstream.serve(versionTwo());
    try {
      const env = { MSS_DB_PATH: tempDbPath(), MSS_UPSTREAM_URL: upstream.url };
      const synced = await runNode(join(app, "bin/mss-bot.js"), ["sync", "--json"], { env });
      expect(synced.code).toBe(0);
      expect(JSON.parse(synced.stdout)).toMatchObject({ result: "baseline", detail: "stored 28 papers as the baseline; nothing announced" });
      const found = await runNode(join(app, "bin/mss-bot.js"), ["paper", "FlexServe", "--json"], { env });
      expect(JSON.parse(found.stdout)).toMatchObject({ kind: "paper", card: { name: "FlexServe" } });
    } finally {
      await upstream.stop();
    }
  });

  it("agrees with package.json: the image's Node version is the one engines names", () => {
    const engines = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).engines.node as string;
    const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");
    expect(engines).toMatch(/^>=20\.\d+ <21$/);
    expect(dockerfile).toContain("ARG NODE_VERSION=20");
    expect(dockerfile).toMatch(/npm ci\n/);
    expect(dockerfile).toContain("USER node");
    expect(dockerfile).toContain('CMD ["node", "--max-semi-space-size=4", "dist/app/main.js"]');
  });
});
