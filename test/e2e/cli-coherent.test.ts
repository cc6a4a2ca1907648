import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runNode, tempDbPath } from "../helpers/spawn.js";

const cli = (args: string[], env: Record<string, string> = {}) => runNode("bin/mss-bot.js", args, { env });
const json = async (args: string[], env: Record<string, string>) => {
  const run = await cli([...args, "--json"], env);
  return { ...run, json: JSON.parse(run.stdout) as Record<string, any> };
};
/** The date of the session `ahead` weeks from now (its vote's default deadline is in the future). */
const sessionAhead = async (env: Record<string, string>, ahead: number): Promise<string> => {
  const schedule = await json(["reading", "schedule", "--weeks", String(ahead + 1)], env);
  return schedule.json.sessions[ahead].date as string;
};

// Each step is a process of its own (about 1 s idle, several under load): a generous limit per test.
describe("the command line is coherent", { timeout: 150_000 }, () => {
  it("leaves watch, watches and unwatch to chat, all three, and lists them as chat-only", async () => {
    const help = await json(["--help"], {});
    expect(help.json.chatOnly).toEqual(expect.arrayContaining(["watch", "watches", "unwatch"]));
    expect(help.json.commands.map((c: { name: string }) => c.name)).not.toEqual(expect.arrayContaining(["watches"]));
    for (const args of [["watch", "venue:OSDI"], ["watches"], ["unwatch", "1"]]) {
      const run = await cli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${args[0]} works only in chat`);
    }
  });

  it("takes an RSVP answer only for a person named with --user, each name counted once", async () => {
    const env = { MSS_DB_PATH: tempDbPath() };
    const week = await sessionAhead(env, 1);
    const anonymous = await cli(["reading", "rsvp", week, "--answer", "going"], env);
    expect(anonymous.code).toBe(2);
    expect(anonymous.stderr).toContain("reading rsvp: an answer is one person's; say whose with --user NAME");
    expect((await json(["reading", "rsvp", week, "--answer", "going", "--user", "Alice"], env)).json.text).toContain("Going: 1; can't make it: 0.");
    expect((await json(["reading", "rsvp", week, "--answer", "not-going", "--user", "Bob"], env)).json.text).toContain("Going: 1; can't make it: 1.");
    // The same name in another casing is the same person changing their answer.
    expect((await json(["reading", "rsvp", week, "--answer", "going", "--user", "bob"], env)).json.text).toContain('(changed from "Can\'t make it"). Going: 2; can\'t make it: 0.');
    const listed = await json(["reading", "rsvp", week], env);
    expect(listed.code).toBe(0);
    expect(listed.json.sections[0].rows[0]).toEqual({ label: "Going: 2 people", value: expect.stringMatching(/^Alice \(cli\), [Bb]ob \(cli\)$/) });
  });

  it("closes a week's vote as chat does: reading vote close <week>", async () => {
    const env = { MSS_DB_PATH: tempDbPath() };
    const week = await sessionAhead(env, 2);
    expect((await cli(["reading", "queue", "add", "Hyrax"], env)).code).toBe(0);
    expect((await cli(["reading", "vote", week], env)).code).toBe(0);
    const closed = await cli(["reading", "vote", "close", week], env);
    expect(closed.stderr).toBe("");
    expect(closed.code).toBe(0);
    expect(closed.stdout).toMatch(/^The vote for .* closed with no votes/);
  });

  it("takes a ballot only with --user, each name one vote", async () => {
    const env = { MSS_DB_PATH: tempDbPath() };
    const week = await sessionAhead(env, 2);
    expect((await cli(["reading", "queue", "add", "Hyrax"], env)).code).toBe(0);
    expect((await cli(["reading", "queue", "add", "AlpaServe"], env)).code).toBe(0);
    expect((await cli(["reading", "vote", week], env)).code).toBe(0);
    const anonymous = await cli(["reading", "ballot", "AlpaServe", week], env);
    expect(anonymous.code).toBe(2);
    expect(anonymous.stderr).toContain("reading ballot: a vote is one person's; say whose with --user NAME");
    expect((await cli(["reading", "ballot", "AlpaServe", week, "--user", "Alice"], env)).code).toBe(0);
    expect((await cli(["reading", "ballot", "Hyrax", week, "--user=Bob"], env)).code).toBe(0);
    expect((await json(["reading", "ballot", "--week", week], env)).json.text).toContain("Hyrax: 1, AlpaServe: 1 (open until");
  });

  it("shows a watch's direct message in the outbox as a DM to its user, not as a channel", async () => {
    const db = tempDbPath();
    const list = join(dirname(db), "list.md");
    const bundled = readFileSync(join(ROOT, "data/papers.md"), "utf8");
    writeFileSync(list, bundled.split("\n").filter((l) => !l.startsWith("| Shepherd ")).join("\n"));
    const env = { MSS_DB_PATH: db, MSS_UPSTREAM_URL: list };
    expect((await cli(["sync"], env)).code).toBe(0);
    const consoleRun = await runNode("bin/start.js", [], { input: "/watch venue:NSDI\n", env });
    expect(consoleRun.stdout).toContain("Watching venue NSDI (watch 1).");
    writeFileSync(list, bundled);
    expect((await cli(["sync"], env)).code).toBe(0);
    const outbox = await cli(["outbox"], env);
    expect(outbox.code).toBe(0);
    expect(outbox.stdout).toMatch(/pending +Shepherd \(added\) → DM console user console +\(0 attempts; next \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)/);
    expect(outbox.stdout).not.toContain("→ console channel console");
    expect((await json(["outbox"], env)).json.recent[0]).toMatchObject({ platform: "console", channelId: "console", target: { kind: "dm" } });
  });
});
