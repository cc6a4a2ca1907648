import { ApplicationCommandOptionType as T } from "discord.js";
import { describe, expect, it } from "vitest";
import { commandNameOf, rawArgsOf } from "../../../adapters/discord/interactions/raw-args.js";

describe("Discord options as raw args", () => {
  it("keeps typed values as Discord sent them", () => {
    const data = [
      { name: "venue", type: T.String, value: "OSDI" },
      { name: "page", type: T.Integer, value: 2 },
      { name: "code", type: T.Boolean, value: true },
    ];
    expect(rawArgsOf(data)).toEqual({ venue: "OSDI", page: 2, code: true });
    expect(commandNameOf({ commandName: "papers", options: { data } })).toBe("papers");
  });

  it("reads a subcommand (and a group) into the command name and its options", () => {
    const data = [{ name: "schedule", type: T.Subcommand, options: [{ name: "weeks", type: T.Integer, value: 8 }] }];
    expect(commandNameOf({ commandName: "reading", options: { data } })).toBe("reading schedule");
    expect(rawArgsOf(data)).toEqual({ weeks: 8 });
    const grouped = [{ name: "admin", type: T.SubcommandGroup, options: [{ name: "swap", type: T.Subcommand, options: [{ name: "who", type: T.User, value: "123" }] }] }];
    expect(commandNameOf({ commandName: "reading", options: { data: grouped } })).toBe("reading admin swap");
    expect(rawArgsOf(grouped)).toEqual({ who: "123" });
  });
});
