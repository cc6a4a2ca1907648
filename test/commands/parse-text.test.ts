import { describe, expect, it } from "vitest";
import { paperCommand } from "../../src/commands/paper.js";
import { papersCommand } from "../../src/commands/papers.js";
import { parseCommandText, tokenize } from "../../src/commands/parse-text.js";
import { createRegistry } from "../../src/commands/all.js";

describe("reading typed command text into raw args", () => {
  it("keeps quoted runs together, with straight or curly quotes", () => {
    expect(tokenize(`venue:OSDI reporter:"Xiao Kai" 'a b' “c d”`)).toEqual(["venue:OSDI", "reporter:Xiao Kai", "a b", "c d"]);
  });

  it("gives all bare words to the positional option", () => {
    expect(parseCommandText(paperCommand, ["spot", "serve"])).toEqual({ ok: true, args: { query: "spot serve" } });
  });

  it("reads key:value, key=value, --key value and --flag", () => {
    expect(parseCommandText(papersCommand, ["venue:OSDI", "year=2023", "--reporter", "hzq", "--code", "page:2"])).toEqual({
      ok: true,
      args: { venue: "OSDI", year: "2023", reporter: "hzq", code: true, page: "2" },
    });
  });

  it("matches option names case-insensitively", () => {
    expect(parseCommandText(papersCommand, ["VENUE:osdi"])).toEqual({ ok: true, args: { venue: "osdi" } });
  });

  it("refuses unknown options and stray words for commands without positionals", () => {
    expect(parseCommandText(papersCommand, ["colour:red"])).toEqual({ ok: false, error: 'unknown option "colour"' });
    expect(parseCommandText(papersCommand, ["OSDI"])).toEqual({ ok: false, error: 'unexpected "OSDI"' });
    expect(parseCommandText(papersCommand, ["--venue"])).toEqual({ ok: false, error: "option --venue needs a value" });
  });

  it("lets a colon inside a paper query through as text", () => {
    expect(parseCommandText(paperCommand, ["foo:bar"])).toEqual({ ok: true, args: { query: "foo:bar" } });
  });

  it("refuses text over 2000 characters", () => {
    expect(parseCommandText(paperCommand, ["x".repeat(2001)])).toMatchObject({ ok: false });
  });

  it("reads a flag's name typed first as the flag, so the words after it fill the positionals", () => {
    const registry = createRegistry();
    const vote = registry.match(["reading", "vote", "close", "2026-W51"]);
    if (!vote) throw new Error("no reading vote");
    expect(parseCommandText(vote.command, vote.rest)).toEqual({ ok: true, args: { close: true, week: "2026-W51" } });
    expect(parseCommandText(vote.command, ["2026-W51", "48"])).toEqual({ ok: true, args: { week: "2026-W51", hours: "48" } });
    expect(parseCommandText(vote.command, ["close:yes", "2026-W51"])).toEqual({ ok: true, args: { close: "yes", week: "2026-W51" } });
  });

  it("finds subcommands by their leading words", () => {
    const registry = createRegistry();
    expect(registry.match(["papers", "venue:OSDI"])).toMatchObject({ command: { name: "papers" }, rest: ["venue:OSDI"] });
    expect(registry.match(["PAPER", "x"])).toMatchObject({ command: { name: "paper" } });
    expect(registry.match(["nope"])).toBeUndefined();
  });
});
