import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";
import { tempDir } from "./helpers/temp-dir.js";

describe("MSS_LISTS: several lists", () => {
  it("follows each list under its id, in order, with URLs and file paths as sources", () => {
    const dir = tempDir("mss-lists-");
    const file = join(dir, "serving.md");
    writeFileSync(file, "| Paper |\n| --- |\n| A |\n");
    const result = parseConfig({ MSS_LISTS: ` mss=https://example.org/MSS/README.md , llmsys=https://example.org/llmsys/README.md,serving=${file}` });
    expect(result).toMatchObject({
      ok: true,
      config: {
        lists: [
          { id: "mss", upstream: { kind: "url", url: "https://example.org/MSS/README.md" } },
          { id: "llmsys", upstream: { kind: "url", url: "https://example.org/llmsys/README.md" } },
          { id: "serving", upstream: { kind: "file", path: file } },
        ],
        upstream: { kind: "url", url: "https://example.org/MSS/README.md" },
      },
    });
  });

  it("follows one list, mss, when unset: MSS_UPSTREAM_URL, or the bundled list", () => {
    expect(parseConfig({ MSS_UPSTREAM_URL: "https://example.org/README.md" })).toMatchObject({ ok: true, config: { lists: [{ id: "mss", upstream: { kind: "url", url: "https://example.org/README.md" } }] } });
    expect(parseConfig({})).toMatchObject({ ok: true, config: { lists: [{ id: "mss", upstream: { kind: "bundled" } }] } });
  });

  it("lists every problem at once, each naming MSS_LISTS", () => {
    const result = parseConfig({ MSS_LISTS: "mss=https://a.example/x.md,,Bad Id=https://b.example,mss=https://c.example,noequals,ftp=ftp://d.example/x,gone=./no/such/file.md,twin=https://a.example/x.md,empty=" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.every((p) => p.variable === "MSS_LISTS")).toBe(true);
    expect(result.problems.map((p) => p.message)).toEqual([
      "entry 2 is empty: write id=source, separated by commas",
      expect.stringMatching(/^entry 3: "Bad Id" is not a list id: a list id is a short lowercase word/),
      'entry 4: the id "mss" is used twice; each list needs its own id',
      'entry 5 ("noequals") must be id=source, e.g. llmsys=https://…/README.md',
      'entry 6: the source of "ftp" must be an http(s) URL or a file path (got "ftp://d.example/x")',
      expect.stringMatching(/^entry 7: the source of "gone": no file at .*no\/such\/file\.md$/),
      'entry 8: "twin" reads the same source as "mss"; follow each list once',
      'entry 9: "empty" has no source (an http(s) URL or a file path)',
    ]);
  });

  it("refuses MSS_LISTS together with MSS_UPSTREAM_URL, saying which to use", () => {
    const result = parseConfig({ MSS_LISTS: "mss=https://a.example/x.md", MSS_UPSTREAM_URL: "https://b.example/y.md" });
    expect(result).toMatchObject({
      ok: false,
      problems: [{ variable: "MSS_LISTS", message: "cannot be set together with MSS_UPSTREAM_URL: name that list in MSS_LISTS (e.g. mss=<its URL>) and unset MSS_UPSTREAM_URL" }],
    });
  });
});
