import { describe, expect, it } from "vitest";
import { runNode } from "../helpers/spawn.js";

const cli = (...args: string[]) => runNode("bin/mss-bot.js", args);

describe("the command line's --list", () => {
  it("gives the list's total with `papers --list ID --json`, and keeps the list in the next page", async () => {
    const { code, stdout } = await cli("papers", "--list", "mss", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ kind: "papers", title: "Papers: list mss", total: 25, next: { command: "papers", args: { list: "mss", page: 2 } } });
  });

  it("refuses a list that is not followed, naming the followed ones", async () => {
    const { code, stderr } = await cli("papers", "--list", "llmsys");
    expect(code).toBe(2);
    expect(stderr).toContain('list: no followed list is called "llmsys".');
    expect(stderr).toContain("Lists: mss");
  });

  it("counts one list with `stats --list ID`", async () => {
    const { code, stdout } = await cli("stats", "--list", "mss", "--by", "venue", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ kind: "info", title: "List mss by venue", text: "25 papers, 3 software projects" });
  });
});
