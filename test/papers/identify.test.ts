import { describe, expect, it } from "vitest";
import { idsFromLink, parsePin } from "../../src/papers/identify.js";
import { judgeHit, nameInTitle, venuesAgree } from "../../src/scholar/title-match.js";

describe("what a paper link says outright", () => {
  it("gives arXiv ids from abs and pdf links, versions dropped, and DOIs from doi.org and dl.acm.org/doi/", () => {
    expect(idsFromLink("https://arxiv.org/pdf/2311.15566.pdf")).toEqual({ arxiv: "2311.15566" });
    expect(idsFromLink("https://arxiv.org/abs/2302.11665v3")).toEqual({ arxiv: "2302.11665" });
    expect(idsFromLink("http://arxiv.org/abs/cs/0112017")).toEqual({ arxiv: "cs/0112017" });
    expect(idsFromLink("https://dl.acm.org/doi/pdf/10.1145/3600006.3613175")).toEqual({ doi: "10.1145/3600006.3613175" });
    expect(idsFromLink("https://dl.acm.org/doi/10.1145/3588195.3592997")).toEqual({ doi: "10.1145/3588195.3592997" });
    expect(idsFromLink("https://doi.org/10.1109/INFOCOM53939.2023.10228920")).toEqual({ doi: "10.1109/infocom53939.2023.10228920" });
  });

  it("says nothing for other links", () => {
    expect(idsFromLink("https://www.usenix.org/system/files/osdi23-li-zhuohan.pdf")).toBeUndefined();
    expect(idsFromLink("https://ieeexplore.ieee.org/abstract/document/10228920")).toBeUndefined();
    expect(idsFromLink("https://evil.example/arxiv.org/abs/2311.15566")).toBeUndefined();
    expect(idsFromLink(undefined)).toBeUndefined();
  });

  it("reads an admin's pin and says what a bad one should look like", () => {
    expect(parsePin("arxiv:2302.11665v2")).toEqual({ kind: "arxiv", value: "2302.11665" });
    expect(parsePin("doi:https://doi.org/10.1145/3600006.3613175")).toEqual({ kind: "doi", value: "10.1145/3600006.3613175" });
    expect(parsePin("dblp:conf/osdi/LiZZL00HHZGS23")).toEqual({ kind: "dblp", value: "conf/osdi/LiZZL00HHZGS23" });
    expect(parsePin("NONE")).toEqual({ kind: "none" });
    expect(parsePin("arxiv:hello")).toEqual({ error: '"hello" is not an arXiv id like 2302.11665' });
    expect(parsePin("dblp:../../etc")).toMatchObject({ error: expect.stringContaining("not a DBLP key") });
  });
});

describe("whether a DBLP hit is the list's paper", () => {
  const alpa = { name: "AlpaServe", aliases: [], year: 2023, venue: "OSDI" };
  const hit = { key: "k", title: "AlpaServe: Statistical Multiplexing with Model Parallelism for Deep Learning Serving", authors: [], venue: "OSDI", year: 2023 };

  it("accepts the name as the words before the colon or as a title word, whatever the case and punctuation", () => {
    expect(judgeHit(alpa, hit)).toEqual({ ok: true });
    expect(nameInTitle({ name: "Spot Serve", aliases: [] }, "SpotServe: Serving LLMs")).toBe(true);
    expect(nameInTitle({ name: "INFaaS", aliases: [] }, "Infaas: Automated Model-less Inference Serving")).toBe(true);
    expect(nameInTitle({ name: "CBA/AutoCBA", aliases: ["CBA", "AutoCBA"] }, "Towards AutoCBA, a scheduler")).toBe(true);
    expect(nameInTitle({ name: "Atom", aliases: [] }, "Atomic Broadcast Revisited")).toBe(false);
  });

  it("allows the year to differ by one and counts arXiv and CoRR as one venue", () => {
    expect(judgeHit({ ...alpa, year: 2022 }, hit)).toEqual({ ok: true });
    expect(judgeHit({ ...alpa, venue: "arXiv" }, { ...hit, venue: "CoRR" })).toEqual({ ok: true });
    expect(venuesAgree("ATC", "USENIX ATC")).toBe(true);
    expect(venuesAgree("ATC", "USENIX Annual Technical Conference")).toBe(true);
    expect(venuesAgree("OSDI", "CoRR")).toBe(false);
  });

  it("rejects another year or venue with every reason", () => {
    expect(judgeHit(alpa, { ...hit, year: 2021, venue: "CoRR" })).toEqual({
      ok: false,
      reason: `"${hit.title}" (CoRR 2021): its year 2021 is not within one of 2023; its venue CoRR is not OSDI`,
    });
  });
});
