import { describe, expect, it } from "vitest";
import { suggestChoices } from "../../adapters/discord/interactions/suggest.js";
import { diffLists, parseList } from "../../src/papers/index.js";
import { digestReply, planAnnouncements } from "../../src/sync/plan-announcements.js";
import { bundledText, run, testServices } from "../helpers/bundled.js";
import { ALPASERVE_AUTHORS, alpaServeRecord, SYNTHETIC_ABSTRACT, syntheticRecord, withRecords } from "../helpers/records.js";
import { versionTwo } from "../helpers/versions.js";

const resolvedServices = () => withRecords(testServices(), { alpaserve: alpaServeRecord({ tldr: "A synthetic TL;DR." }) });

describe("cards carry the paper's record wherever they are built", () => {
  it("paper answers the card with the record, every author included (what --json prints)", async () => {
    const reply = await run("paper", { query: "AlpaServe" }, resolvedServices());
    expect(reply).toMatchObject({ kind: "paper", card: { name: "AlpaServe", record: { title: expect.stringContaining("Statistical Multiplexing"), authors: ALPASERVE_AUTHORS } } });
    expect(JSON.parse(JSON.stringify(reply)).card.record.authors).toHaveLength(11);
  });

  it("papers, pick-lists and autocomplete carry it too; unresolved papers stay as they were", async () => {
    const services = resolvedServices();
    const page = await run("papers", { venue: "OSDI" }, services);
    expect(page.kind === "papers" && page.items.find((c) => c.id === "alpaserve")?.record?.ids.arxiv).toBe("2302.11665");
    expect(page.kind === "papers" && page.items.filter((c) => c.id !== "alpaserve").every((c) => c.record === undefined)).toBe(true);
    const choices = suggestChoices("papers", "alpa", services.catalog);
    // The suggestion label of src/search/suggestion-label.ts: the name and the title's leading words.
    expect(choices).toContainEqual({ name: "AlpaServe — Statistical Multiplexing with Model Parallelism…", value: "alpaserve" });
  });

  it("announcements and digests planned at sync time carry the records known then", () => {
    const before = parseList(bundledText());
    const after = parseList(versionTwo());
    const records = new Map([["flexserve", syntheticRecord("FlexServe: A Synthetic Test Paper")]]);
    const plan = planAnnouncements("test", diffLists(before, after), after, new Set(), true, records);
    const flex = plan.announcements.find((a) => a.paper.id === "flexserve");
    expect(flex?.reply).toMatchObject({ kind: "announcement", items: [{ card: { record: { title: "FlexServe: A Synthetic Test Paper" } } }] });
    const digest = digestReply(plan.announcements, after.legend);
    expect(digest.kind === "digest" && digest.items.find((c) => c.id === "flexserve")?.record?.title).toBe("FlexServe: A Synthetic Test Paper");
  });
});

describe("the abstract command", () => {
  it("answers the whole abstract with its source", async () => {
    const reply = await run("abstract", { paper: "alpaserve" }, resolvedServices());
    expect(reply).toMatchObject({ kind: "abstract", label: "Abstract", text: SYNTHETIC_ABSTRACT, origin: { source: "arxiv", url: "https://arxiv.org/abs/2302.11665" }, card: { id: "alpaserve" } });
  });

  it("says why there is no abstract for an unresolved paper, and handles unknown and ambiguous names", async () => {
    const services = resolvedServices();
    const unresolved = await run("abstract", { paper: "SpotServe" }, services);
    expect(unresolved).toMatchObject({ kind: "error", reason: "not-found", text: "No abstract is known for SpotServe: it is not resolved to a scholarly record yet." });
    expect(await run("abstract", { paper: "Nonexistent Paper" }, services)).toMatchObject({ kind: "error", reason: "not-found" });
    expect(await run("abstract", { paper: "serve" }, services)).toMatchObject({ kind: "error", reason: "invalid" });
    expect(await run("abstract", {}, services)).toMatchObject({ kind: "error", reason: "invalid", text: expect.stringContaining("paper is required") });
  });

  it("falls back to the TL;DR when the record has no abstract", async () => {
    const services = withRecords(testServices(), { alpaserve: alpaServeRecord({ abstract: undefined, tldr: "Only a synthetic TL;DR." }) });
    expect(await run("abstract", { paper: "AlpaServe" }, services)).toMatchObject({ kind: "abstract", label: "TL;DR", text: "Only a synthetic TL;DR.", origin: null });
  });
});
