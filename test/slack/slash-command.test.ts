import { describe, expect, it } from "vitest";
import { readSlashCommand } from "../../adapters/slack/slash-command.js";
import { createRegistry } from "../../src/commands/all.js";

const registry = createRegistry();

const read = (command: string, text: string) => readSlashCommand(registry, command, text);
const parsed = (command: string, text: string) => {
  const result = read(command, text);
  if (!result.ok) throw new Error(JSON.stringify(result.reply));
  return { name: result.command.name, args: result.args };
};

describe("reading Slack slash commands into core commands", () => {
  it("gives /paper its query, quotes and all", () => {
    expect(parsed("/paper", "spot serve")).toEqual({ name: "paper", args: { query: "spot serve" } });
    expect(parsed("/paper", '"Spot Serve"')).toEqual({ name: "paper", args: { query: "Spot Serve" } });
  });

  it("reads /papers key:value filters into the same raw args as Discord options", () => {
    expect(parsed("/papers", "venue:OSDI year:2023 tag:scheduling reporter:'Xiao Kai' page:2")).toEqual({
      name: "papers",
      args: { venue: "OSDI", year: "2023", tag: "scheduling", reporter: "Xiao Kai", page: "2" },
    });
  });

  it("takes list:llmsys as typed", () => {
    expect(parsed("/papers", "list:llmsys year:2024")).toEqual({ name: "papers", args: { list: "llmsys", year: "2024" } });
    expect(parsed("/mss", "stats list:llmsys")).toEqual({ name: "stats", args: { list: "llmsys" } });
  });

  it("routes /reading subcommands and everything else through /mss", () => {
    expect(parsed("/reading", "schedule 8")).toEqual({ name: "reading schedule", args: { weeks: "8" } });
    expect(parsed("/reading", "queue add AlpaServe")).toEqual({ name: "reading queue add", args: { paper: "AlpaServe" } });
    expect(parsed("/mss", "stats")).toEqual({ name: "stats", args: {} });
    expect(parsed("/mss", "help papers")).toEqual({ name: "help", args: { command: "papers" } });
    expect(parsed("/mss", "")).toEqual({ name: "help", args: {} });
    expect(parsed("/MSS", "  ")).toEqual({ name: "help", args: {} });
  });

  it("answers bad text with the usage line", () => {
    const bad = read("/papers", "colour:blue");
    expect(bad).toMatchObject({ ok: false, reply: { kind: "error", reason: "invalid", text: '/papers: unknown option "colour".', hint: expect.stringMatching(/^Usage: \/papers \[venue:VENUE\]/) } });
    expect(read("/mss", "stats extra")).toMatchObject({ ok: false, reply: { text: '/mss stats: unexpected "extra".', hint: "Usage: /mss stats [by:BY] [list:LIST]" } });
  });

  it("says what is missing for an unknown /mss command or a bare /reading", () => {
    expect(read("/mss", "launch rockets")).toMatchObject({ ok: false, reply: { text: '/mss has no command "launch".' } });
    expect(read("/reading", "")).toMatchObject({ ok: false, reply: { text: "/reading needs a subcommand.", hint: expect.stringMatching(/^Try \/reading next \| schedule \| history \| /) } });
    expect(read("/other", "x")).toMatchObject({ ok: false, reply: { text: "mss-bot does not handle /other." } });
  });
});
