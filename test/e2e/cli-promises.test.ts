import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/store.js";
import { buildList, row } from "../helpers/list-builder.js";
import { ROOT, runNode, tempDbPath, type Finished } from "../helpers/spawn.js";
import { tempDir } from "../helpers/temp-dir.js";

const cli = (args: string[], env: Record<string, string> = {}) => runNode("bin/mss-bot.js", args, { env, timeoutMs: 120_000 });

/** One after another: many tsx start-ups at once on a shared 2-core machine only make each slow. */
async function each<T>(items: T[], run: (item: T) => Promise<Finished>): Promise<Finished[]> {
  const results: Finished[] = [];
  for (const item of items) results.push(await run(item));
  return results;
}

// Each case starts a CLI process; generous, because only a hang should fail here.
const SLOW = 300_000;

/** stdout is exactly one JSON document (JSON.parse refuses two). */
const oneDocument = (stdout: string): Record<string, unknown> => JSON.parse(stdout) as Record<string, unknown>;

describe("mss-bot keeps the README's promises", () => {
  it("--json prints exactly one JSON document on stdout for every command and failure, with exit 1 or 2", async () => {
    const dir = tempDir("mss-cli-");
    const html = join(dir, "page.html");
    writeFileSync(html, "<!doctype html><title>Not a list</title><p>Moved</p>");
    const notAList = { MSS_UPSTREAM_URL: html };
    const cases: Array<{ args: string[]; env?: Record<string, string>; code: number; kind: string; text?: string }> = [
      { args: ["help", "--json"], code: 0, kind: "help" },
      { args: ["--help", "--json"], code: 0, kind: "help" },
      { args: ["frobnicate", "--json"], code: 2, kind: "error", text: 'unknown command "frobnicate"' },
      { args: ["diff", "/missing.md", html, "--json"], code: 2, kind: "error", text: "cannot read /missing.md: no such file" },
      { args: ["reading", "schedule", "--weeks", "100", "--json"], code: 2, kind: "error", text: "--weeks 100 is too large: at most 52" },
      { args: ["reading", "schedule", "--ics", join(dir, "no", "such", "x.ics"), "--json"], code: 2, kind: "error", text: `cannot write ${join(dir, "no", "such", "x.ics")}: no such directory` },
      { args: ["stats", "--json"], env: notAList, code: 1, kind: "error", text: `the list at ${html} cannot be read` },
      { args: ["sync", "--json"], env: notAList, code: 1, kind: "error", text: `the list at ${html} cannot be read` },
    ];
    const results = await each(cases, (c) => cli(c.args, c.env));
    results.forEach((result, i) => {
      const c = cases[i] as (typeof cases)[number];
      expect(result.code, c.args.join(" ")).toBe(c.code);
      const doc = oneDocument(result.stdout);
      expect(doc.kind, c.args.join(" ")).toBe(c.kind);
      if (c.text) {
        expect(String(doc.text)).toContain(c.text);
        expect(result.stderr).toContain(`error: ${c.text}`);
      }
    });
  }, SLOW);

  it("sync --dry-run says what it would do on a fresh database, and stores nothing", async () => {
    const env = { MSS_DB_PATH: tempDbPath() };
    const dry = await cli(["sync", "--dry-run"], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Dry run of the first sync of this source");
    expect(dry.stdout).toContain("a real sync would store its 25 papers as the baseline");
    expect(dry.stdout).not.toContain("stored 25 papers");
    // Nothing stored: why still says that no sync has run.
    const why = await cli(["why", "AlpaServe"], env);
    expect(why.code).toBe(0);
    expect(why.stdout).toContain("AlpaServe is on the list, but no sync has run yet on this database");
    expect(why.stdout).toContain("Run mss-bot sync once");
  }, SLOW);

  it("sync --source refuses a list the database does not follow, naming MSS_UPSTREAM_URL, and a missing file plainly", async () => {
    const dir = tempDir("mss-cli-");
    const other = join(dir, "other.md");
    writeFileSync(other, buildList([row("DistServe")]));
    const refused = await cli(["sync", "--source", other]);
    const missing = await cli(["sync", "--source", "/missing.md", "--json"]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain(`error: --source ${other} is not the list this database follows`);
    expect(refused.stderr).toContain(`set MSS_UPSTREAM_URL=${other}`);
    expect(missing.code).toBe(2);
    expect(oneDocument(missing.stdout)).toEqual({ kind: "error", reason: "invalid", text: "cannot read /missing.md: no such file" });
    expect(missing.stderr).toBe("error: cannot read /missing.md: no such file\n");
  }, SLOW);

  it("config check lists every problem at once with the value given, secrets masked, and claims no port when nothing listens", async () => {
    const bad = await cli(["config", "check"], { MSS_UPSTREAM_URL: "ftp://example.org/list.md", PORT: "http", SLACK_BOT_TOKEN: "xoxp-not-a-bot-token-secret" });
    const consoleOnly = await cli(["config", "check"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Configuration is invalid (3 problems)");
    expect(bad.stderr).toContain('MSS_UPSTREAM_URL must be an http(s) URL or a file path (got "ftp://example.org/list.md")');
    expect(bad.stderr).toContain('PORT must be a whole number from 0 to 65535 (got "http")');
    expect(bad.stderr).toContain("SLACK_BOT_TOKEN must be a bot token starting with xoxb- (got xoxp-… (secret, 27 characters))");
    expect(bad.stderr).not.toContain("not-a-bot-token-secret");
    expect(consoleOnly.code).toBe(0);
    expect(consoleOnly.stdout).toMatch(/http: +off: nothing listens with the console only/);
    expect(consoleOnly.stdout).not.toContain("port 3000 (/healthz");
  }, SLOW);

  it("why and sync say why nothing was announced: no channel was subscribed", async () => {
    const dir = tempDir("mss-cli-");
    const list = join(dir, "list.md");
    writeFileSync(list, buildList([row("AlphaServe")]));
    const env = { MSS_DB_PATH: tempDbPath(), MSS_UPSTREAM_URL: list };
    expect((await cli(["sync"], env)).stdout).toContain("First sync of this source: stored 1 papers as the baseline");
    writeFileSync(list, buildList([row("AlphaServe"), row("DistServe", { venue: "OSDI'24", year: "2024" })]));
    const synced = await cli(["sync"], env);
    expect(synced.code).toBe(0);
    expect(synced.stdout).toContain("no channel is subscribed, so nothing was queued");
    const why = await cli(["why", "DistServe"], env);
    expect(why.code).toBe(0);
    expect(why.stdout).toMatch(/found on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC; no channel was subscribed, so it was not announced anywhere/);
    // The venue filter matches the venue's name, whatever year the cell carries.
    const osdi = await cli(["papers", "--venue", "OSDI", "--json"], env);
    expect((oneDocument(osdi.stdout).items as Array<{ name: string }>).map((p) => p.name)).toEqual(["AlphaServe", "DistServe"]);
  }, SLOW);

  it("outbox names the paper and the channel, with one time format; the keys only in --json", async () => {
    const dir = tempDir("mss-cli-");
    const list = join(dir, "list.md");
    writeFileSync(list, buildList([row("AlphaServe")]));
    const env = { MSS_DB_PATH: tempDbPath(), MSS_UPSTREAM_URL: list };
    expect((await cli(["sync"], env)).code).toBe(0);
    const store = openStore(env.MSS_DB_PATH);
    store.subscriptions.subscribe("discord", "123456789012345678", {}, "tester", new Date().toISOString());
    store.close();
    writeFileSync(list, buildList([row("AlphaServe"), row("BetaServe")]));
    expect((await cli(["sync"], env)).stdout).toContain("1 deliveries queued");
    const text = await cli(["outbox"], env);
    const json = await cli(["outbox", "--json"], env);
    expect(text.stdout).toMatch(/pending +BetaServe \(added\) → discord channel 123456789012345678 +\(0 attempts; next \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)/);
    const doc = oneDocument(json.stdout) as { recent: Array<{ key: string; createdAt: string; subject: string }> };
    expect(doc.recent[0]?.subject).toBe("BetaServe (added)");
    expect(text.stdout).not.toContain(doc.recent[0]?.key);
    expect(doc.recent[0]?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  }, SLOW);

  it("has a version, help on a bare call, a clear --json=value, refuses repeated options and chat-only commands", async () => {
    const [version, bare, jsonTrue, jsonBad, repeated, subscribe, join_] = (await each(
      [["--version"], [], ["software", "--json=true"], ["software", "--json=maybe"], ["papers", "--venue", "OSDI", "--venue", "NSDI", "--json"], ["subscribe", "--json"], ["reading", "join"]],
      (args) => cli(args),
    )) as [Finished, Finished, Finished, Finished, Finished, Finished, Finished];
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect([version.code, version.stdout]).toEqual([0, `mss-bot ${pkg.version}\n`]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain("Usage: mss-bot <command> [options] [--json]");
    expect(bare.stdout).not.toMatch(/^ {2}mss-bot (subscribe|reading channel|reading join)/m);
    expect(jsonTrue.code).toBe(0);
    expect(oneDocument(jsonTrue.stdout)).toMatchObject({ kind: "info" });
    expect(jsonBad.code).toBe(2);
    expect(jsonBad.stderr).toContain('--json takes no value, or --json=true / --json=false (not "maybe")');
    expect(repeated.code).toBe(2);
    expect(oneDocument(repeated.stdout)).toMatchObject({ kind: "error", reason: "invalid", text: 'papers: option "venue" is given more than once; give it once.' });
    expect(subscribe.code).toBe(2);
    expect(oneDocument(subscribe.stdout)).toMatchObject({ kind: "error", text: expect.stringContaining("subscribe works only in chat") });
    expect(join_.code).toBe(2);
    expect(join_.stderr).toContain("reading join works only in chat");
  }, SLOW);

  it("exits quietly when the reader of its output goes away (| head -1, | true)", async () => {
    const run = promisify(execFile);
    const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", MSS_DB_PATH: tempDbPath() };
    const script = 'set -o pipefail; node bin/mss-bot.js papers | true; echo "true:$?"; node bin/mss-bot.js papers --json | head -1; echo "head:$?"';
    const { stdout, stderr } = await run("bash", ["-c", script], { cwd: ROOT, env });
    expect(stdout).toContain("true:0");
    expect(stdout).toContain("{\nhead:0");
    expect(stderr).toBe("");
  }, SLOW);

  it("the README's command-line examples are commands a shell runs as written", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Command line"), readme.indexOf("\n## ", readme.indexOf("## Command line") + 1));
    const commands = section.split("\n").filter((l) => l.startsWith("npx mss-bot"));
    expect(commands.length).toBeGreaterThan(5);
    for (const line of commands) expect(line.replace(/\s+#.*$/, ""), line).not.toMatch(/\s\|\s/);
  });
});
