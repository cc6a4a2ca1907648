import { describe, expect, it } from "vitest";
import { runNode, tempDbPath } from "../helpers/spawn.js";

const cli = (args: string[], env?: Record<string, string>) => runNode("bin/mss-bot.js", args, env ? { env } : {});

describe("mss-bot refuses input that means nothing, and says why", () => {
  it("refuses ISO weeks that do not exist, naming the year's weeks", async () => {
    const [w99, w00, w53, w53ok] = await Promise.all([
      cli(["reading", "skip", "2026-W99"]),
      cli(["reading", "skip", "2026-W00"]),
      cli(["reading", "skip", "2025-W53"]),
      cli(["reading", "skip", "2026-W53"]),
    ]);
    expect(w99.code).toBe(2);
    expect(w99.stderr).toContain("week: 2026-W99 does not exist: 2026 has ISO weeks 1 to 53");
    expect(w99.stdout + w99.stderr).not.toContain("2027");
    expect(w00.code).toBe(2);
    expect(w00.stderr).toContain("week: 2026-W00 does not exist: 2026 has ISO weeks 1 to 53");
    expect(w53.code).toBe(2);
    expect(w53.stderr).toContain("week: 2025-W53 does not exist: 2025 has ISO weeks 1 to 52");
    // 2026 has 53 ISO weeks (it starts on a Thursday): its last week is a week like any other.
    expect(w53ok.stderr).not.toContain("does not exist");
  });

  it("says a number is too large rather than not a whole number", async () => {
    const [page, weeks] = await Promise.all([cli(["papers", "--page", "99999999999999999999"]), cli(["reading", "schedule", "--weeks", "100"])]);
    expect(page.code).toBe(2);
    expect(page.stderr).toContain("page: too large: must be at most 10000");
    expect(page.stderr).not.toContain("whole number");
    expect(weeks.code).toBe(2);
    expect(weeks.stderr).toContain("--weeks 100 is too large: at most 52");
  });

  it("takes slides only as a link to a real host, and only for a week that has or had a session", async () => {
    const env = { MSS_DB_PATH: tempDbPath() };
    const everyone = await cli(["reading", "slides", "https://@everyone"], env);
    expect(everyone.code).toBe(2);
    expect(everyone.stderr).toContain('url: "https://@everyone" is not an http(s) link to a web site.');
    const noHost = await cli(["reading", "slides", "https://slides"], env);
    expect(noHost.code).toBe(2);
    expect(noHost.stderr).toContain("is not an http(s) link to a web site");

    const schedule = JSON.parse((await cli(["reading", "schedule", "--weeks", "2", "--json"], env)).stdout) as { sessions: Array<{ week: string }> };
    const week = schedule.sessions[1]?.week ?? "";
    expect((await cli(["reading", "skip", week], env)).code).toBe(0);
    const skipped = await cli(["reading", "slides", "https://example.org/notes.pdf", "--week", week], env);
    expect(skipped.code).toBe(2);
    expect(skipped.stderr).toContain(`(${week}): it is skipped.`);
    const never = await cli(["reading", "slides", "https://example.org/notes.pdf", "--week", "2026-W02"], env);
    expect(never.code).toBe(2);
    expect(never.stderr).toContain("(2026-W02): the bot never posted it.");
    const fine = await cli(["reading", "slides", "https://example.org/notes.pdf", "--week", schedule.sessions[0]?.week ?? ""], env);
    expect(fine.stderr).toBe("");
    expect(fine.stdout).toContain("Slides for");
  });
});
