import { describe, expect, it } from "vitest";
import { runNode, tempDbPath } from "../helpers/spawn.js";

const cli = (...args: string[]) => runNode("bin/mss-bot.js", args);

describe("the bundled records on the command line", () => {
  it("meta names where each identifier was read, as it does each field", async () => {
    const { code, stdout } = await cli("meta", "SpotServe", "--json");
    expect(code).toBe(0);
    const reply = JSON.parse(stdout) as { sections: Array<{ title: string; rows: Array<{ label: string; value: string; url?: string }> }> };
    const origins = reply.sections.find((s) => s.title === "Where each field came from")?.rows ?? [];
    expect(origins.filter((r) => r.label === "arXiv id" || r.label === "DOI")).toEqual([
      { label: "arXiv id", value: "arxiv", url: "http://www.arxiv.org/abs/2311.15566" },
      { label: "DOI", value: "snapshot", url: "https://api.openalex.org/works/doi:10.1145%2F3620665.3640411" },
    ]);
  });

  it("keeps a pin to none across runs, and meta auto in a later run gives AlpaServe its bundled record back", async () => {
    const env = { MSS_DB_PATH: tempDbPath() };
    const inStore = (...args: string[]) => runNode("bin/mss-bot.js", args, { env });
    expect((await inStore("meta", "AlpaServe", "none")).code).toBe(0);
    const hidden = JSON.parse((await inStore("paper", "AlpaServe", "--json")).stdout) as { card: { record?: unknown } };
    expect(hidden.card.record).toBeUndefined();
    const auto = await inStore("meta", "AlpaServe", "auto");
    const back = JSON.parse((await inStore("paper", "AlpaServe", "--json")).stdout) as { card: { record?: { title?: string; authors?: string[] } } };
    expect(back.card.record?.title).toBe("AlpaServe: Statistical Multiplexing with Model Parallelism for Deep Learning Serving");
    expect(back.card.record?.authors).toContain("Ion Stoica");
    expect((await inStore("meta", "AlpaServe")).stdout).not.toContain("Fetched");
    expect(auto.stdout).toContain("AlpaServe is no longer pinned; it shows its bundled record");
    // Five runs of the CLI, each a new process on a shared machine.
  }, 120_000);

  it("cite all --json labels each entry by its source: no DBLP without DBLP", async () => {
    const { code, stdout } = await cli("cite", "all", "--json");
    expect(code).toBe(0);
    const reply = JSON.parse(stdout) as { text: string; sections: Array<{ rows: Array<{ label: string; value: string; url?: string }> }> };
    expect(reply.text).toBe("Of 25: 3 from the page each names, 17 built from their records, 5 built from the list's rows; attached as mss-papers.bib.");
    expect(reply.sections[0]?.rows.find((r) => r.label === "SpotServe")).toEqual({ label: "SpotServe", value: "from the page github.com/Hsword/SpotServe/…/README.md", url: "https://github.com/Hsword/SpotServe/blob/036acad0811697991c1c5f04be1c646162e59c8d/README.md" });
  });

  it("papers --author refuses a single letter (exit 2, the hint on stderr) and reads a lone word as a surname", async () => {
    const letter = await cli("papers", "--author", "Z");
    expect(letter.code).toBe(2);
    expect(letter.stderr).toContain('author: "Z" is only initials; an author is found by surname');
    const given = await cli("papers", "--author", "Ion");
    expect(given.code).toBe(1);
    expect(given.stderr).toContain("No papers match author Ion.");
    const surname = await cli("papers", "--author", "I. Stoica");
    expect(surname.code).toBe(0);
    expect(surname.stdout).toContain("Papers: author I. Stoica — 3 papers");
  }, 120_000);
});
