import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runNode, tempDbPath } from "../helpers/spawn.js";

// Every scholarly source on a closed loopback port: enrichment on, offline.
const OFFLINE = { MSS_ENRICH: "true", MSS_ARXIV_API_URL: "http://127.0.0.1:9", MSS_DBLP_API_URL: "http://127.0.0.1:9", MSS_S2_API_URL: "http://127.0.0.1:9" };
const TEXT_TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/;

describe("the console shows what chat shows", () => {
  it("prints the BibTeX of /cite itself, not a note that a file exists", async () => {
    const { code, stdout } = await runNode("bin/start.js", [], { input: "/cite AlpaServe\n" });
    expect(code).toBe(0);
    expect(stdout).not.toContain("available with the CLI");
    expect(stdout).toMatch(/alpaserve\.bib:\n@\w+\{[^\n]*,\n[\s\S]*title\s*=\s*\{AlpaServe: Statistical Multiplexing/);
  });

  it("gives /meta each field's source with its link, and its times as 2026-11-29 15:27 UTC", async () => {
    // A pin queues the paper at once, so the record has a next try to show.
    const { code, stdout } = await runNode("bin/start.js", [], { input: "/meta AlpaServe arxiv:2302.11665\n/meta AlpaServe\n" });
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n  title +snapshot, https:\/\/www\.usenix\.org\/conference\/osdi23\/presentation\/li-zhouhan\n/);
    const queued = /\n  Queued +(.*)\n/.exec(stdout)?.[1] ?? "";
    expect(queued).toMatch(new RegExp(`next try ${TEXT_TIME.source}$`));
    expect(stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it("keeps log lines off the chat, offline with enrichment on: they go to a file the banner names", async () => {
    const db = tempDbPath();
    const logFile = join(dirname(db), "mss-bot.log");
    // /sync warns about the list's duplicate row; the scholarly sources fail (and warn) in the background.
    const { code, stdout, stderr } = await runNode("bin/start.js", [], { input: "/sync\n/paper AlpaServe\n/papers venue:OSDI\n", env: { ...OFFLINE, MSS_DB_PATH: db } });
    expect(code).toBe(0);
    expect(stdout).toContain(`Logs go to ${logFile} (set LOG_LEVEL to have them on stderr).`);
    expect(stdout).toContain("AlpaServe (OSDI 2023)");
    expect(`${stdout}${stderr}`).not.toMatch(/"level":\s*\d+/);
    expect(existsSync(logFile)).toBe(true);
    expect(readFileSync(logFile, "utf8")).toMatch(/"level":40,.*"msg":"list warning"/);
  });

  it("keeps to stderr, and says why, when the log file cannot be opened: a log never stops the console", async () => {
    const db = tempDbPath();
    mkdirSync(join(dirname(db), "mss-bot.log"));
    const { code, stdout } = await runNode("bin/start.js", [], { input: "/paper AlpaServe\n", env: { MSS_DB_PATH: db } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/Logs go to stderr: EISDIR: illegal operation on a directory/);
    expect(stdout).toContain("AlpaServe (OSDI 2023)");
  });

  it("logs to stderr when LOG_LEVEL asks, and says so", async () => {
    const { code, stdout, stderr } = await runNode("bin/start.js", [], { input: "/sync\n/paper AlpaServe\n", env: { LOG_LEVEL: "warn" } });
    expect(code).toBe(0);
    expect(stdout).toContain("Logs (level warn) go to stderr.");
    expect(stdout).not.toMatch(/"level":\s*\d+/);
    expect(stderr).toContain('"msg":"list warning"');
  });
});

describe("the CLI shows what chat shows", () => {
  it("gives `meta` each field's source with its link, not only with --json, and its times as 2026-11-29 15:27 UTC", async () => {
    const env = { MSS_DB_PATH: tempDbPath() };
    expect((await runNode("bin/mss-bot.js", ["meta", "AlpaServe", "arxiv:2302.11665"], { env })).code).toBe(0);
    const { code, stdout } = await runNode("bin/mss-bot.js", ["meta", "AlpaServe"], { env });
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n  authors +snapshot, https:\/\/www\.usenix\.org\/conference\/osdi23\/presentation\/li-zhouhan\n/);
    expect(stdout).toMatch(new RegExp(`\\n  Queued +pin, next try ${TEXT_TIME.source}\\n`));
  });
});
