import { describe, expect, it } from "vitest";
import { readingLinkCommand } from "../../src/commands/reading/link.js";
import { listOptions, parseUserRef, user } from "../../src/commands/options.js";
import { parseCommandText } from "../../src/commands/parse-text.js";

describe("the user option", () => {
  const schema = user({ description: "someone" });

  it("yields the user id from a Discord option value, a typed Discord or Slack mention, or a raw id", () => {
    expect(schema.parse("123456789012345678")).toBe("123456789012345678");
    expect(schema.parse("<@123456789012345678>")).toBe("123456789012345678");
    expect(schema.parse("<@!123456789012345678>")).toBe("123456789012345678");
    expect(schema.parse("<@U0123ABCD|alice>")).toBe("U0123ABCD");
    expect(schema.parse("<@W0123ABCD>")).toBe("W0123ABCD");
    expect(schema.parse(" U0123ABCD ")).toBe("U0123ABCD");
  });

  it("refuses names, broadcasts and other markup with a clear message", () => {
    for (const bad of ["alice", "@alice", "<@alice>", "@here", "<!channel>", "<!everyone>", "<#C0123ABCD>", "<@&123456789>", "", "<@123456789012345678> <@1>"]) {
      expect(parseUserRef(bad)).toBeUndefined();
      const result = schema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("must be a user: a mention like @someone, or a user id");
    }
  });

  it("registers as a user option, so platforms offer a user picker", () => {
    expect(listOptions(readingLinkCommand.options)).toEqual([
      { name: "reporter", required: true, meta: expect.objectContaining({ type: "string", autocomplete: "reporters" }) },
      { name: "user", required: true, meta: { type: "user", description: "The chat user to mention for them" } },
    ]);
  });

  it("reads a typed mention as the second positional word", () => {
    expect(parseCommandText(readingLinkCommand, ["hzq", "<@U0123ABCD|hzq>"])).toEqual({ ok: true, args: { reporter: "hzq", user: "<@U0123ABCD|hzq>" } });
  });
});
