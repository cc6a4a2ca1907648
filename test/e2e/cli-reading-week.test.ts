import { describe, expect, it } from "vitest";
import { runNode, tempDbPath } from "../helpers/spawn.js";

const cli = async (args: string[], env: Record<string, string>) => {
  const run = await runNode("bin/mss-bot.js", [...args, "--json"], { env });
  return { code: run.code, json: JSON.parse(run.stdout) as Record<string, unknown>, stderr: run.stderr };
};

describe("mss-bot reading rsvp, vote and ballot", () => {
  it("opens a vote on a session weeks ahead, votes, counts and closes it, assigning the winner", async () => {
    const env = { MSS_DB_PATH: tempDbPath() };
    // A session three weeks ahead: its default deadline (a day before it) is in the future whatever today is.
    const schedule = (await cli(["reading", "schedule", "--weeks", "3"], env)).json as { sessions: Array<{ date: string }> };
    const week = schedule.sessions[2]?.date as string;
    expect((await cli(["reading", "queue", "add", "Hyrax"], env)).code).toBe(0);
    expect((await cli(["reading", "queue", "add", "AlpaServe"], env)).code).toBe(0);

    const opened = await cli(["reading", "vote", week], env);
    expect(opened.code).toBe(0);
    expect(opened.json).toMatchObject({ kind: "notice", actions: [{ label: "Hyrax", link: { command: "reading ballot", args: { paper: "hyrax", week } } }, { label: "AlpaServe" }] });

    expect((await cli(["reading", "ballot", "alpaserve", week, "--user", "Alice"], env)).json).toMatchObject({ kind: "notice", text: expect.stringContaining(`Your vote for ${week}: AlpaServe. It can be changed until `) });
    expect((await cli(["reading", "ballot"], env)).json).toMatchObject({ text: expect.stringContaining("Hyrax: 0, AlpaServe: 1 (open until") });

    const closed = await cli(["reading", "vote", "close"], env);
    expect(closed.code).toBe(0);
    expect(closed.json).toMatchObject({ kind: "notice", text: expect.stringMatching(/is closed: AlpaServe wins with 1 of 1 vote \(Hyrax 0, AlpaServe 1\); it is assigned to /) });
    const after = (await cli(["reading", "schedule", "--weeks", "3"], env)).json as { sessions: Array<{ date: string; paper: { name: string } | null }> };
    expect(after.sessions[2]).toMatchObject({ date: week, paper: { name: "AlpaServe" } });
  });

  it("answers an RSVP and lists the answers as data", async () => {
    const env = { MSS_DB_PATH: tempDbPath() };
    const schedule = (await cli(["reading", "schedule", "--weeks", "2"], env)).json as { sessions: Array<{ date: string }> };
    const week = schedule.sessions[1]?.date as string;
    expect((await cli(["reading", "rsvp", week, "answer:going", "--user", "Alice"], env)).json).toMatchObject({ kind: "notice", text: expect.stringContaining("Going: 1; can't make it: 0.") });
    expect((await cli(["reading", "rsvp", week], env)).json).toMatchObject({ kind: "info", sections: [{ title: "Answers", rows: [{ label: "Going: 1 person", value: "Alice (cli)" }, { label: "Can't make it: 0 people", value: "—" }] }] });
  });
});
