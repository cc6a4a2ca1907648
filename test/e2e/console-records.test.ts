import { describe, expect, it } from "vitest";
import { runNode } from "../helpers/spawn.js";

/** Types the lines into `npm start` (the console, MSS_ENRICH=false, a fresh store) and gives what it printed. */
async function typed(...lines: string[]): Promise<string> {
  const { code, stdout } = await runNode("bin/start.js", [], { input: lines.map((l) => `${l}\n`).join("") });
  expect(code).toBe(0);
  return stdout;
}

describe("scholarly records on the console", () => {
  it("gives a paper its bundled record back with meta auto after meta none, and shows no fetch that never happened", async () => {
    const stdout = await typed("/meta AlpaServe none", "/papers author:Stoica", "/meta AlpaServe auto", "/meta AlpaServe", "/paper AlpaServe", "/papers author:Stoica");
    const [cleared, after] = stdout.split("AlpaServe is no longer pinned;") as [string, string];
    expect(after).toBeDefined();
    // While pinned to none, AlpaServe shows no record, so the author filter leaves it out.
    expect(cleared).toContain("AlpaServe now shows no scholarly record");
    expect(cleared).toMatch(/Papers: author Stoica — 2 papers[^\n]*\n {2}1\. Shepherd/);
    // meta: the bundled record is back, nothing claims a fetch.
    expect(after).toContain("Status  not resolved yet (the bundled record is shown)");
    expect(after).not.toContain("Fetched");
    expect(after).not.toContain("cleared");
    expect(after).toMatch(/Where each field came from\n {2}title +snapshot/);
    // The card has its title, authors and abstract again, and the author filter finds it.
    expect(after).toContain("AlpaServe (OSDI 2023)\n  Title:      AlpaServe: Statistical Multiplexing with Model Parallelism for Deep Learning Serving\n  Authors:    Zhuohan Li, Lianmin Zheng, Yinmin Zhong et al. (11 authors)");
    expect(after).toContain("  Abstract:\n    Model parallelism is conventionally viewed");
    expect(after).toMatch(/Papers: author Stoica — 3 papers[^\n]*\n {2}1\. AlpaServe/);
    expect(after.split("\n")[0]).toBe(" it shows its bundled record and is queued to be resolved from its link; MSS_ENRICH=false, so nothing is fetched until it is switched on.");
  });

  it("labels a README's BibTeX by its page and refuses an author of one letter", async () => {
    const stdout = await typed("/cite Punica", "/papers author:Z", "/papers author:Ion");
    expect(stdout).not.toContain("DBLP");
    expect(stdout).toContain("Citation: Punica — From the page github.com/punica-ai/punica/…/README.md; attached as punica.bib.\n\nEntries\n  Punica  from the page github.com/punica-ai/punica/…/README.md");
    expect(stdout).toContain('Error: author: "Z" is only initials; an author is found by surname.\nGive a surname, alone or with given names or initials');
    expect(stdout).toContain("No papers match author Ion.");
  });
});
