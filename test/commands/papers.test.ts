import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/replies/reply.js";
import { run } from "../helpers/bundled.js";

const names = (reply: Reply) => (reply.kind === "papers" ? reply.items.map((c) => c.name) : reply);

describe("the papers command", () => {
  it("pages the whole list 10 at a time with links to the neighbouring pages", async () => {
    const first = await run("papers");
    expect(first).toMatchObject({ kind: "papers", title: "Papers", total: 25, page: 1, pageCount: 3, prev: null, next: { command: "papers", args: { page: 2 } } });
    const last = await run("papers", { page: 3 });
    expect(names(last)).toEqual(["ExoFlow", "Hyrax", "NCC", "Conveyor", "ARASMTDIG"]);
    expect(last).toMatchObject({ prev: { command: "papers", args: { page: 2 } }, next: null });
  });

  it("filters by venue and keeps the filter in the page links", async () => {
    const reply = await run("papers", { venue: "arxiv", page: "1" });
    expect(reply).toMatchObject({ title: "Papers: venue arxiv", total: 7, pageCount: 1 });
    const all = await run("papers", { year: "2023" });
    expect(all).toMatchObject({ total: 18, next: { args: { year: "2023", page: 2 } } });
  });

  it("filters by year range, tag, reporter and code together", async () => {
    expect(names(await run("papers", { year: "2021-2022", tag: "scheduling", reporter: "xiaokai", code: "yes" }))).toEqual(["Cocktail", "iGniter"]);
  });

  it("names the valid categories for an unknown one", async () => {
    expect(await run("papers", { tag: "quantum" })).toEqual({
      kind: "error",
      reason: "invalid",
      text: 'Unknown category "quantum".',
      hint: "Categories: storage-media (★), gpu-devices (▲), resource-scheduling (●)",
    });
  });

  it("lists the venues when no paper has the one asked for", async () => {
    expect(await run("papers", { venue: "ICML" })).toMatchObject({ kind: "error", reason: "not-found", text: "No papers match venue ICML.", hint: expect.stringMatching(/^Venues: ASPLOS, INFOCOM, SOSP/) });
  });

  it("rejects bad years and pages with a clear message", async () => {
    expect(await run("papers", { year: "1066" })).toMatchObject({ kind: "error", reason: "invalid", text: expect.stringContaining("year: must be a year like 2023") });
    expect(await run("papers", { year: "2023-2021" })).toMatchObject({ kind: "error", reason: "invalid" });
    expect(await run("papers", { page: "0" })).toMatchObject({ kind: "error", text: "/papers: page: must be at least 1." });
    expect(await run("papers", { page: "two" })).toMatchObject({ kind: "error", text: "/papers: page: must be a whole number." });
    expect(await run("papers", { page: "9".repeat(30) })).toMatchObject({ kind: "error", text: "/papers: page: too large: must be at most 10000." });
    expect(await run("papers", { page: 9 })).toMatchObject({ kind: "error", reason: "invalid", text: "Page 9 is past the last page (3)." });
  });
});

describe("the software, stats and help commands", () => {
  it("lists the software suite", async () => {
    expect(await run("software")).toMatchObject({ kind: "info", sections: [{ rows: [{ label: "BentoML" }, { label: "ColossalAI" }, { label: "DeepSpeed" }] }] });
  });

  it("counts papers by year, venue, category and reporter", async () => {
    const reply = await run("stats");
    expect(reply).toMatchObject({ kind: "info", text: "25 papers, 3 software projects" });
    const section = (title: string) => (reply.kind === "info" ? reply.sections.find((s) => s.title === title)?.rows : undefined);
    expect(section("By reporter")).toEqual([{ label: "XiaoKai", value: "20" }, { label: "hzq", value: "6" }]);
    expect(section("By year")?.[0]).toEqual({ label: "2024", value: "1" });
    expect(section("By category")).toContainEqual({ label: "● Resource Scheduling", value: "5" });
  });

  it("lists every command with its usage for the platform asking", async () => {
    const reply = await run("help", {}, undefined, { platform: "slack" });
    const labels = reply.kind === "info" ? reply.sections.flatMap((s) => s.rows.map((r) => r.label)) : [];
    expect(labels).toContain("/paper <query>");
    expect(labels).toContain("/mss stats [by:BY] [list:LIST]");
    expect(labels).toContain("/mss help [<command>]");
  });

  it("explains one command's options", async () => {
    expect(await run("help", { command: "papers" })).toMatchObject({ kind: "info", title: "papers", sections: [{ title: "Usage" }, { title: "Options", rows: expect.arrayContaining([{ label: "page", value: "Page number" }]) }, { title: "Examples" }] });
    expect(await run("help", { command: "dance" })).toMatchObject({ kind: "error", reason: "not-found" });
  });
});
