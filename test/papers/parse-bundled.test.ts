import { describe, expect, it } from "vitest";
import { PaperListSchema } from "../../src/papers/index.js";
import { bundledList } from "../helpers/bundled.js";

describe("parsing the bundled MSS-Papers list", () => {
  const list = bundledList();
  const byName = (name: string) => list.papers.find((p) => p.name === name);

  it("finds 25 distinct papers with unique ids and a valid shape", () => {
    expect(list.papers).toHaveLength(25);
    expect(new Set(list.papers.map((p) => p.id)).size).toBe(25);
    expect(PaperListSchema.safeParse(list).success).toBe(true);
  });

  it("reads AlpaServe field by field", () => {
    expect(byName("AlpaServe")).toEqual({
      id: "alpaserve",
      name: "AlpaServe",
      aliases: [],
      year: 2023,
      venue: "OSDI",
      tags: [],
      links: {
        paper: "https://www.usenix.org/system/files/osdi23-li-zhuohan.pdf",
        code: "https://github.com/alpa-projects/mms",
        blog: "https://blog.csdn.net/qq_51802743/article/details/135838483",
      },
      reporters: ["XiaoKai"],
      lines: [32],
    });
  });

  it("reads SpotServe, iGniter and an arXiv preprint with their venues display-normalized", () => {
    expect(byName("SpotServe")).toMatchObject({ year: 2024, venue: "ASPLOS", links: { code: "https://github.com/Hsword/SpotServe" } });
    expect(byName("iGniter")).toMatchObject({ year: 2022, venue: "TPDS", tags: ["resource-scheduling"] });
    expect(byName("Atom")).toMatchObject({ venue: "arXiv", links: { paper: "https://arxiv.org/pdf/2310.19102.pdf" } });
    expect(byName("Atom")?.links.code).toBeUndefined();
  });

  it("strips the full-width padding of the hzq rows", () => {
    for (const name of ["Hyrax", "NCC", "Conveyor"]) {
      expect(byName(name)).toMatchObject({ venue: "OSDI", tags: [], reporters: ["hzq"] });
    }
  });

  it("merges Cocktail, listed twice, keeping both reporters and the union of links and tags", () => {
    const cocktail = byName("Cocktail");
    expect(cocktail).toMatchObject({
      reporters: ["XiaoKai", "hzq"],
      tags: ["resource-scheduling"],
      links: { paper: "https://www.usenix.org/system/files/nsdi22-paper-gunasekaran.pdf", code: "https://github.com/jashwantraj92/cocktail" },
      lines: [41, 51],
    });
    expect(list.duplicates).toEqual([{ id: "cocktail", name: "Cocktail", lines: [41, 51] }]);
    expect(list.warnings).toEqual([{ line: 51, message: expect.stringContaining("Cocktail is listed 2 times") }]);
  });

  it("reads the tab-indented legend into the three categories", () => {
    expect(list.legend).toEqual([
      { id: "storage-media", symbol: "★", label: "Different Storage Media", known: true },
      { id: "gpu-devices", symbol: "▲", label: "Different GPU Devices", known: true },
      { id: "resource-scheduling", symbol: "●", label: "Resource Scheduling", known: true },
    ]);
    expect(byName("Sia")?.tags).toEqual(["storage-media"]);
    expect(byName("HexGen")?.tags).toEqual(["gpu-devices"]);
  });

  it("reads the software suite", () => {
    expect(list.software).toEqual([
      { name: "BentoML", url: "https://github.com/bentoml/BentoML" },
      { name: "ColossalAI", url: "https://github.com/hpcaitech/ColossalAI" },
      { name: "DeepSpeed", url: "https://github.com/microsoft/DeepSpeed" },
    ]);
  });

  it("treats XiaoKai and Xiaokai as one reporter shown in the majority casing", () => {
    expect(byName("FaaSwap")?.reporters).toEqual(["XiaoKai"]);
    const reporters = new Set(list.papers.flatMap((p) => p.reporters));
    expect([...reporters]).toEqual(["XiaoKai", "hzq"]);
  });

  it("gives CBA/AutoCBA both names as aliases", () => {
    expect(byName("CBA/AutoCBA")).toMatchObject({ id: "cbaautocba", aliases: ["CBA", "AutoCBA"] });
  });
});
