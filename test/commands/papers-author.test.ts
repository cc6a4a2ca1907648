import { describe, expect, it } from "vitest";
import { papersCommand } from "../../src/commands/papers.js";
import { parseCommandText, tokenize } from "../../src/commands/parse-text.js";
import type { Reply } from "../../src/replies/reply.js";
import { run, testServices } from "../helpers/bundled.js";
import { SEARCH_RECORDS } from "../helpers/search-records.js";
import { bundledRecordsPath, readRecordSnapshot } from "../../src/scholar/snapshot.js";

const names = (reply: Reply) => (reply.kind === "papers" ? reply.items.map((c) => c.name) : reply);

function servicesWithRecords() {
  const services = testServices();
  services.catalog.replaceRecords(SEARCH_RECORDS);
  return services;
}

describe("the papers command's author filter", () => {
  it("keeps the papers whose record lists the author, in list order, naming the filter in the title", async () => {
    const reply = await run("papers", { author: "Ion Stoica" }, servicesWithRecords());
    expect(names(reply)).toEqual(["AlpaServe", "Shepherd"]);
    expect(reply).toMatchObject({ title: "Papers: author Ion Stoica", total: 2, pageCount: 1 });
  });

  it("ignores case and accents, and takes a surname alone", async () => {
    const services = servicesWithRecords();
    expect(names(await run("papers", { author: "íon STÓICA" }, services))).toEqual(["AlpaServe", "Shepherd"]);
    expect(names(await run("papers", { author: "jia" }, services))).toEqual(["SpotServe"]);
  });

  it("combines with the other filters", async () => {
    expect(names(await run("papers", { author: "Ion Stoica", venue: "NSDI" }, servicesWithRecords()))).toEqual(["Shepherd"]);
  });

  it("reads author:\"Ion Stoica\" typed on the console or in Slack, and --author on the command line", async () => {
    const typed = parseCommandText(papersCommand, tokenize('author:"Ion Stoica" page:1'));
    expect(typed).toEqual({ ok: true, args: { author: "Ion Stoica", page: "1" } });
    const flags = parseCommandText(papersCommand, ["--author", "Ion Stoica"]);
    expect(flags).toEqual({ ok: true, args: { author: "Ion Stoica" } });
    if (!typed.ok) throw new Error("unreachable");
    expect(names(await run("papers", typed.args, servicesWithRecords()))).toEqual(["AlpaServe", "Shepherd"]);
  });

  it("says no record lists the author, and how many papers have a record", async () => {
    expect(await run("papers", { author: "Grace Hopper" }, servicesWithRecords())).toEqual({
      kind: "error",
      reason: "not-found",
      text: "No papers match author Grace Hopper.",
      hint: 'No paper\'s record lists an author named "Grace Hopper"; 3 of 25 papers have a record.',
    });
  });

  it("says authors need records when none are loaded", async () => {
    expect(await run("papers", { author: "Ion Stoica" })).toMatchObject({
      kind: "error",
      reason: "not-found",
      hint: "Authors come from the papers' scholarly records, and none are loaded yet.",
    });
  });

  it("matches a person: the surname, with given names or initials that agree, in either written order", async () => {
    const services = servicesWithRecords();
    for (const query of ["Stoica", "I. Stoica", "I Stoica", "Stoica, Ion", "Stoica I."]) expect(names(await run("papers", { author: query }, services)), query).toEqual(["AlpaServe", "Shepherd"]);
    // Middle initials may be left out or given; a wrong initial or given name is another person.
    expect(names(await run("papers", { author: "Joseph Gonzalez" }, services))).toEqual(["AlpaServe"]);
    expect(names(await run("papers", { author: "J. E. Gonzalez" }, services))).toEqual(["AlpaServe"]);
    expect(await run("papers", { author: "K. Stoica" }, services)).toMatchObject({ kind: "error", reason: "not-found" });
    expect(await run("papers", { author: "Zhuohan Stoica" }, services)).toMatchObject({ kind: "error", reason: "not-found" });
  });

  it("reads a single word as a surname: Ion (Stoica's given name) matches nobody", async () => {
    expect(await run("papers", { author: "Ion" }, servicesWithRecords())).toMatchObject({ kind: "error", reason: "not-found", hint: expect.stringContaining('an author named "Ion"') });
    // Li is Zhuohan Li's surname; a word inside another surname (Lin, Liu) is not.
    expect(names(await run("papers", { author: "Li" }, servicesWithRecords()))).toEqual(["AlpaServe"]);
  });

  it("refuses a single letter or initials only, with a hint, over the bundled records", async () => {
    const services = testServices(undefined, { scholar: { snapshot: readRecordSnapshot(bundledRecordsPath()) } });
    for (const query of ["Z", "j", "I. S.", "I.S."]) {
      expect(await run("papers", { author: query }, services), query).toMatchObject({
        kind: "error",
        reason: "invalid",
        text: expect.stringContaining("only initials; an author is found by surname"),
        hint: 'Give a surname, alone or with given names or initials: author:"Stoica", author:"Ion Stoica" or author:"I. Stoica".',
      });
    }
    expect(names(await run("papers", { author: "Stoica" }, services))).toEqual(["AlpaServe", "Shepherd", "ExoFlow"]);
  });

  it("refuses an author longer than 100 characters", async () => {
    expect(await run("papers", { author: "x".repeat(101) })).toMatchObject({ kind: "error", reason: "invalid", text: expect.stringContaining("author: must be at most 100 characters") });
  });
});
