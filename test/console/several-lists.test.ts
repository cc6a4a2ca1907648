import { describe, expect, it } from "vitest";
import { consoleSession } from "../helpers/console-session.js";
import { twoListServices } from "../helpers/two-lists.js";

describe("the console, following two lists", () => {
  it("names the lists on cards and shows the title and authors a list gives", async () => {
    const out = await consoleSession(twoListServices(), ["/paper SpotServe", "/paper Perseus"]);
    expect(out).toMatch(/Lists: +mss, llmsys/);
    expect(out).toMatch(/Title: +Perseus: Removing Energy Bloat from Large Model Training/);
    expect(out).toMatch(/Authors: +Jae-Won Chung, Yile Gu, Insu Jang et al\. \(6 authors\)/);
    expect(out).toMatch(/List: +llmsys/);
  });

  it("offers both papers called Atom with their lists, and shows the one picked by number", async () => {
    const out = await consoleSession(twoListServices(), ["/paper Atom", "2"]);
    expect(out).toContain("  1. Atom (mss) (arXiv 2023) — XiaoKai");
    expect(out).toContain("  2. Atom (llmsys) — Tokens Scheduled by Their Weight (EuroSys 2024)");
    expect(out).toMatch(/\nAtom \(EuroSys 2024\)\n  Title: +Atom: Tokens Scheduled by Their Weight\n  Authors: +Ada Lovelace, Alan Turing\n  List: +llmsys\n/);
  });

  it("takes list:llmsys as typed for papers and stats", async () => {
    const out = await consoleSession(twoListServices(), ["/papers list:llmsys", "/stats list:llmsys by:year"]);
    expect(out).toContain("Papers: list llmsys — 3 papers, page 1 of 1");
    expect(out).toContain("List llmsys by year — 3 papers, 1 software projects");
  });
});
