import { describe, expect, it } from "vitest";
import type { PaperCard, Reply } from "../../src/replies/reply.js";
import { run } from "../helpers/bundled.js";
import { twoListServices } from "../helpers/two-lists.js";

const names = (reply: Reply) => (reply.kind === "papers" ? reply.items.map((c) => c.name) : reply);
const card = (reply: Reply): PaperCard | undefined => (reply.kind === "paper" ? reply.card : undefined);

describe("papers list:", () => {
  it("pages one list's papers only, says which list, and keeps the list in the page links", async () => {
    const services = twoListServices();
    const llmsys = await run("papers", { list: "llmsys" }, services);
    expect(llmsys).toMatchObject({ kind: "papers", title: "Papers: list llmsys", total: 3, pageCount: 1 });
    expect(names(llmsys)).toEqual(["SpotServe", "Atom", "Perseus"]);
    const mss = await run("papers", { list: "MSS" }, services);
    expect(mss).toMatchObject({ total: 25, next: { command: "papers", args: { list: "mss", page: 2 } } });
    expect(await run("papers", {}, services)).toMatchObject({ total: 27 });
  });

  it("combines the list with the other filters", async () => {
    const services = twoListServices();
    expect(names(await run("papers", { list: "llmsys", year: "2024" }, services))).toEqual(["SpotServe", "Atom", "Perseus"]);
    expect(names(await run("papers", { list: "llmsys", venue: "SOSP" }, services))).toEqual(["Perseus"]);
    // The venue hint names the venues of the list asked about.
    expect(await run("papers", { list: "llmsys", venue: "OSDI" }, services)).toMatchObject({ kind: "error", text: "No papers match list llmsys, venue OSDI.", hint: "Venues: ASPLOS, EuroSys, SOSP" });
  });

  it("refuses a list that is not followed, naming the followed ones", async () => {
    expect(await run("papers", { list: "serving" }, twoListServices())).toEqual({
      kind: "error",
      reason: "invalid",
      text: 'list: no followed list is called "serving".',
      hint: "Lists: mss, llmsys (see `lists`).",
    });
  });
});

describe("stats list:", () => {
  it("counts one list's papers and software, titled with the list", async () => {
    const reply = await run("stats", { list: "llmsys", by: "venue" }, twoListServices());
    expect(reply).toMatchObject({ kind: "info", title: "List llmsys by venue", text: "3 papers, 1 software projects" });
    expect(reply.kind === "info" && reply.sections[0]?.rows).toEqual([
      { label: "ASPLOS", value: "1" },
      { label: "EuroSys", value: "1" },
      { label: "SOSP", value: "1" },
    ]);
    expect(reply.kind === "info" && reply.image?.alt).toContain("List llmsys by venue: 3 papers");
  });

  it("counts every list merged without list:", async () => {
    expect(await run("stats", {}, twoListServices())).toMatchObject({ title: "Lists mss, llmsys in numbers", text: "27 papers, 4 software projects" });
  });
});

describe("cards on several lists", () => {
  it("name the lists that hold the paper", async () => {
    const services = twoListServices();
    expect(card(await run("paper", { query: "SpotServe" }, services))?.lists).toEqual(["mss", "llmsys"]);
    expect(card(await run("paper", { query: "AlpaServe" }, services))?.lists).toEqual(["mss"]);
  });

  it("name no list when one list is followed", async () => {
    expect(card(await run("paper", { query: "AlpaServe" }))?.lists).toBeUndefined();
  });

  it("carry the list's title and authors when there is no record", async () => {
    const perseus = card(await run("paper", { query: "Perseus" }, twoListServices()));
    expect(perseus).toMatchObject({ title: "Perseus: Removing Energy Bloat from Large Model Training", authors: expect.arrayContaining(["Jae-Won Chung"]), lists: ["llmsys"] });
  });
});

describe("two papers of one name from two lists", () => {
  it("are both offered for the name, each with its list", async () => {
    const reply = await run("paper", { query: "atom" }, twoListServices());
    expect(reply.kind).toBe("choices");
    const options = reply.kind === "choices" ? reply.options : [];
    expect(options.map((o) => [o.id, o.name, o.lists])).toEqual([
      ["atom", "Atom", ["mss"]],
      ["atom@llmsys", "Atom", ["llmsys"]],
    ]);
  });

  it("give the card of the one picked by its id", async () => {
    const services = twoListServices();
    expect(card(await run("paper", { query: "atom@llmsys" }, services))).toMatchObject({ id: "atom@llmsys", venue: "EuroSys", lists: ["llmsys"] });
    expect(card(await run("paper", { query: "atom" }, twoListServices({})))?.id).toBeUndefined();
  });

  it("still lose to nothing: an exact name beats a longer name that starts with it", async () => {
    // "Atom" is exactly both Atoms; no prefix or typo candidate joins them.
    const reply = await run("paper", { query: "Atom" }, twoListServices());
    expect(reply.kind === "choices" ? reply.options.length : 0).toBe(2);
    expect(card(await run("paper", { query: "alpaserv" }, twoListServices()))?.name).toBe("AlpaServe");
  });
});

describe("the list's own titles and authors are searched", () => {
  it("finds a paper by words of the title its list gives", async () => {
    expect(card(await run("paper", { query: "energy bloat" }, twoListServices()))?.name).toBe("Perseus");
  });

  it("finds a paper by an author its list names", async () => {
    expect(card(await run("paper", { query: "Mosharaf Chowdhury" }, twoListServices()))?.name).toBe("Perseus");
  });
});

describe("commands that name a paper, on several lists", () => {
  it("abstract, meta and cite answer for a paper only on the second list", async () => {
    const services = twoListServices();
    expect(await run("abstract", { paper: "Perseus" }, services)).toMatchObject({ kind: "error", reason: "not-found" });
    expect(await run("meta", { paper: "Perseus" }, services, { isAdmin: true })).toMatchObject({ kind: "info", title: "Record: Perseus" });
    const cite = await run("cite", { paper: "Perseus" }, services);
    expect(cite.kind === "info" && cite.file?.content).toMatch(/title +=  ?\{Perseus: Removing Energy Bloat from Large Model Training\}/);
    expect(cite.kind === "info" && cite.file?.content).toMatch(/author += \{Jae-Won Chung and Yile Gu/);
  });

  it("cite names both papers of one name with their lists and ids", async () => {
    expect(await run("cite", { paper: "Atom" }, twoListServices())).toMatchObject({
      kind: "error",
      text: 'Several papers match "Atom": Atom (mss), Atom (llmsys).',
      hint: "Give the full name, or the id: cite atom@mss, cite atom@llmsys.",
    });
  });

  it("cite all covers every list, or one with list:", async () => {
    const services = twoListServices();
    expect(await run("cite", { paper: "all" }, services)).toMatchObject({ title: "Bibliography: 27 papers" });
    expect(await run("cite", { paper: "all", list: "llmsys" }, services)).toMatchObject({ title: "Bibliography: 3 papers" });
  });

  it("software lists every list's suite", async () => {
    const reply = await run("software", {}, twoListServices());
    expect(reply.kind === "info" && reply.sections[0]?.rows.map((r) => r.label)).toEqual(["BentoML", "ColossalAI", "DeepSpeed", "vLLM"]);
  });
});
