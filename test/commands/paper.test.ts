import { describe, expect, it } from "vitest";
import { run } from "../helpers/bundled.js";

describe("the paper command", () => {
  it("answers AlpaServe's card with links and reporter", async () => {
    expect(await run("paper", { query: "AlpaServe" })).toEqual({
      kind: "paper",
      card: {
        id: "alpaserve",
        name: "AlpaServe",
        year: 2023,
        venue: "OSDI",
        categories: [],
        links: [
          { kind: "paper", label: "Paper", url: "https://www.usenix.org/system/files/osdi23-li-zhuohan.pdf" },
          { kind: "code", label: "Code", url: "https://github.com/alpa-projects/mms" },
          { kind: "blog", label: "Blog notes", url: "https://blog.csdn.net/qq_51802743/article/details/135838483" },
        ],
        reporters: ["XiaoKai"],
      },
    });
  });

  it("spells out categories from the legend", async () => {
    const reply = await run("paper", { query: "tapfinger" });
    expect(reply.kind === "paper" && reply.card.categories).toEqual([{ symbol: "●", label: "Resource Scheduling" }]);
  });

  it("says when the card is a closest match for a typo", async () => {
    expect(await run("paper", { query: "shepard" })).toMatchObject({ kind: "paper", card: { name: "Shepherd" }, note: 'Closest match for "shepard".' });
  });

  it("offers a pick-list when several papers match", async () => {
    const reply = await run("paper", { query: "serve" });
    expect(reply).toMatchObject({ kind: "choices", text: '2 papers match "serve". Pick one:' });
    expect(reply.kind === "choices" && reply.options.map((o) => o.id)).toEqual(["spotserve", "alpaserve"]);
  });

  it("answers a picked id with that paper", async () => {
    expect(await run("paper", { query: "spotserve" })).toMatchObject({ kind: "paper", card: { name: "SpotServe" } });
  });

  it("says no paper matches, with the nearest names", async () => {
    expect(await run("paper", { query: "xyzzy" })).toEqual({ kind: "error", reason: "not-found", text: 'No paper matches "xyzzy".', hint: "Try papers to browse the list." });
    const near = await run("paper", { query: "alpacaserving" });
    expect(near).toMatchObject({ kind: "error", reason: "not-found", hint: expect.stringContaining("AlpaServe") });
  });

  it("points a venue or a reporter to the papers command, and software to the suite", async () => {
    expect(await run("paper", { query: "osdi" })).toMatchObject({ kind: "error", hint: "OSDI is a venue: try papers venue:OSDI" });
    expect(await run("paper", { query: "hzq" })).toMatchObject({ kind: "error", hint: "hzq is a reporter: try papers reporter:hzq" });
    expect(await run("paper", { query: "deepspeed" })).toMatchObject({ kind: "info", title: "DeepSpeed" });
  });

  it("rejects an empty, oversized or missing query with a clear message", async () => {
    expect(await run("paper", { query: "   " })).toMatchObject({ kind: "error", reason: "invalid", text: "/paper: query: must not be empty." });
    expect(await run("paper", { query: "x".repeat(101) })).toMatchObject({ kind: "error", reason: "invalid", text: "/paper: query: must be at most 100 characters." });
    expect(await run("paper", { query: "x".repeat(1_000_000) })).toMatchObject({ kind: "error", reason: "invalid" });
    expect(await run("paper", {})).toMatchObject({ kind: "error", reason: "invalid", text: "/paper: query is required.", hint: "Usage: /paper <query>" });
  });

  it("strips control characters and bidi overrides from the query", async () => {
    expect(await run("paper", { query: "\u0007Alpa\u202eServe\u0000" })).toMatchObject({ kind: "paper", card: { name: "AlpaServe" } });
  });

  it("rejects an option it does not have", async () => {
    expect(await run("paper", { query: "sia", colour: "red" })).toMatchObject({ kind: "error", reason: "invalid", text: '/paper: unknown option "colour".' });
  });
});
