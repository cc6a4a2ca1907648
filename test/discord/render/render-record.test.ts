import { describe, expect, it } from "vitest";
import { parseCustomId } from "../../../adapters/discord/render/custom-id.js";
import { batchMessages } from "../../../adapters/discord/render/batch.js";
import { renderReply } from "../../../adapters/discord/render/render-reply.js";
import type { Reply } from "../../../src/replies/reply.js";
import { alpaServeRecord, hugeAbstract, SYNTHETIC_ABSTRACT } from "../../helpers/records.js";
import { card, EVIL } from "../cards.js";
import { allText, limitProblems } from "../limits-check.js";

const resolved = (over = {}) => card({ record: alpaServeRecord(over) });
const buttons = (m: ReturnType<typeof renderReply>) => m.components.flatMap((r) => r.components) as Array<{ label?: string; custom_id?: string; url?: string }>;

/** No raw mention, ping or unescaped markup of the hostile text reaches Discord. */
function expectInert(text: string): void {
  expect(text).not.toMatch(/@(everyone|here)/);
  expect(text).not.toMatch(/<@&?\d/);
  expect(text).not.toMatch(/(^|[^\\])\*\*bold/);
  expect(text).not.toMatch(/(^|[^\\])\[click\]/);
  expect(text).not.toMatch(/(^|[^\\])`code/);
}

describe("what Discord shows of a paper's record", () => {
  it("titles the card with the full title and shows the authors, the abstract's opening, identifiers, sources and an Abstract button", () => {
    const m = renderReply({ kind: "paper", card: resolved() });
    const [embed] = m.embeds;
    expect(embed?.title).toBe("AlpaServe — Statistical Multiplexing with Model Parallelism for Deep Learning Serving");
    expect(embed?.description).toBe(`Zhuohan Li, Lianmin Zheng, Yinmin Zhong et al. (11 authors)\n\n**Abstract:** ${SYNTHETIC_ABSTRACT}`);
    expect(embed?.fields?.find((f) => f.name === "Identifiers")?.value).toBe(
      "[arXiv 2302.11665](https://arxiv.org/abs/2302.11665) · [DBLP conf/osdi/LiZZL00HHZGS23](https://dblp.org/rec/conf/osdi/LiZZL00HHZGS23)",
    );
    expect(embed?.footer?.text).toBe("Title and authors from DBLP, abstract from arXiv");
    expect(buttons(m)[0]).toMatchObject({ label: "Abstract", custom_id: "a:abstract?paper=alpaserve" });
    expect(parseCustomId("a:abstract?paper=alpaserve")).toEqual({ kind: "ask", link: { command: "abstract", args: { paper: "alpaserve" } } });
    expect(limitProblems(m)).toEqual([]);
  });

  it("shows the TL;DR when there is one", () => {
    const m = renderReply({ kind: "paper", card: resolved({ tldr: "A synthetic summary in one line." }) });
    expect(m.embeds[0]?.description).toContain("**TL;DR:** A synthetic summary in one line.");
  });

  it("shows an unresolved paper exactly as the list has it: its name, no authors, no Abstract button", () => {
    const m = renderReply({ kind: "paper", card: card() });
    expect(m.embeds[0]?.title).toBe("AlpaServe");
    expect(m.embeds[0]?.description).toBeUndefined();
    expect(m.embeds[0]?.footer).toBeUndefined();
    expect(buttons(m).map((b) => b.label)).toEqual(["Code", "Blog notes", "Video"]);
  });

  it("cuts a 20,000-character abstract on the card at a sentence, and the abstract answer holds all of it within Discord's limits", () => {
    const text = hugeAbstract();
    const m = renderReply({ kind: "paper", card: resolved({ abstract: text }) });
    expect(m.embeds[0]?.description).toMatch(/\. …$/);
    expect(m.embeds[0]?.description?.length).toBeLessThanOrEqual(1700);
    expect(limitProblems(m)).toEqual([]);

    const answer: Reply = { kind: "abstract", card: resolved({ abstract: text }), label: "Abstract", text, origin: { source: "arxiv", url: "https://arxiv.org/abs/2302.11665" } };
    const parts = batchMessages(renderReply(answer));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(limitProblems(part)).toEqual([]);
    const embeds = parts.flatMap((p) => p.embeds);
    const shown = embeds.map((e) => e.description ?? "").join(" ");
    expect(shown.replace(/\s+/g, " ")).toContain(text.replace(/\s+/g, " "));
    expect(embeds[embeds.length - 1]?.fields).toEqual([{ name: "Source", value: "[arXiv](https://arxiv.org/abs/2302.11665)", inline: false }]);
  });

  it("escapes hostile titles, authors and abstracts: nothing pings or formats", () => {
    const hostile = resolved({ title: `${EVIL} $x_1 * y_2$`, authors: [EVIL, "@here", "<@&1>", "Fourth"], abstract: `${EVIL}. ${EVIL} $\\alpha_*$.`, tldr: undefined });
    for (const reply of [
      { kind: "paper", card: hostile },
      { kind: "announcement", headline: "New", items: [{ change: "added", card: hostile, changes: [] }] },
      { kind: "session", headline: "Reading group", date: "Mon", presenter: null, card: hostile },
      { kind: "abstract", card: hostile, label: "Abstract", text: hostile.record?.abstract ?? "", origin: null },
    ] satisfies Reply[]) {
      const m = renderReply(reply);
      expectInert(allText(m));
      expect(m.mentionUsers).toEqual([]);
      expect(limitProblems(m)).toEqual([]);
    }
  });

  it("shows the title and authors a list gives when there is no record, escaped like a record's, and names the lists", () => {
    const listed = card({ title: `Name: ${EVIL}`, authors: [EVIL, "@here", "Third", "Fourth"], lists: ["mss", "llmsys"] });
    for (const reply of [
      { kind: "paper", card: listed },
      { kind: "choices", text: "Pick one", options: [listed, { ...listed, id: "name@llmsys", lists: ["llmsys"] }] },
    ] satisfies Reply[]) {
      const m = renderReply(reply);
      expectInert(allText(m));
      expect(m.mentionUsers).toEqual([]);
      expect(limitProblems(m)).toEqual([]);
    }
    const [embed] = renderReply({ kind: "paper", card: listed }).embeds;
    expect(embed?.description).toContain("\\*\\*bold");
    expect(embed?.description).toContain("et al. (4 authors)");
    expect(embed?.fields).toContainEqual({ name: "Lists", value: "mss, llmsys", inline: true });
    // The record wins: its title and authors, not the list's.
    const both = card({ title: "A list's own title", authors: ["Somebody Else"], record: alpaServeRecord() });
    expect(renderReply({ kind: "paper", card: both }).embeds[0]?.title).toBe("AlpaServe — Statistical Multiplexing with Model Parallelism for Deep Learning Serving");
  });

  it("announces a paper with its title, authors and short abstract, and an Abstract button", () => {
    const m = renderReply({ kind: "announcement", headline: "New paper on MSS-Papers", items: [{ change: "added", card: resolved(), changes: [] }] });
    expect(m.embeds[0]?.title).toBe("New: AlpaServe — Statistical Multiplexing with Model Parallelism for Deep Learning Serving");
    expect(m.embeds[0]?.description).toContain("Zhuohan Li, Lianmin Zheng, Yinmin Zhong et al. (11 authors)");
    expect(m.embeds[0]?.description).toContain("**Abstract:** Serving many large models on a shared cluster");
    expect(buttons(m)).toEqual([expect.objectContaining({ label: "Abstract", custom_id: "a:abstract?paper=alpaserve" })]);
  });

  it("batches ten announced papers with long abstracts into messages Discord accepts", () => {
    const items = Array.from({ length: 10 }, (_, i) => ({
      change: "added" as const,
      card: card({ id: `paper${i}`, name: `Paper${i}`, record: alpaServeRecord({ title: `Paper${i}: ${"Long Title Words ".repeat(40)}`, abstract: hugeAbstract(), authors: Array.from({ length: 40 }, (_, a) => `Author ${a} ${"X".repeat(150)}`) }) }),
      changes: [],
    }));
    const rendered = renderReply({ kind: "announcement", headline: "10 new papers", items });
    const parts = batchMessages(rendered);
    for (const part of parts) expect(limitProblems(part)).toEqual([]);
    expect(parts.flatMap((p) => p.embeds)).toHaveLength(10);
    expect(parts.flatMap((p) => p.components.flatMap((r) => r.components))).toHaveLength(10);
    expect(rendered.embeds.every((e) => (e.description ?? "").includes("**Abstract:**"))).toBe(true);
  });

  it("gives the weekly reading post the title, authors, short abstract and an Abstract button", () => {
    const m = renderReply({ kind: "session", headline: "Reading group 2026-W49", date: "Mon 30 Nov 2026, 09:00 (UTC)", presenter: { name: "XiaoKai", userIds: {} }, card: resolved() });
    const fields = m.embeds[0]?.fields ?? [];
    expect(fields.find((f) => f.name === "Paper")?.value).toContain("AlpaServe — Statistical Multiplexing with Model Parallelism for Deep Learning Serving");
    expect(fields.find((f) => f.name === "Authors")?.value).toBe("Zhuohan Li, Lianmin Zheng, Yinmin Zhong et al. (11 authors)");
    expect(fields.find((f) => f.name === "About")?.value).toMatch(/^\*\*Abstract:\*\* Serving many large models/);
    expect(buttons(m)[0]).toMatchObject({ label: "Abstract" });
    expect(limitProblems(m)).toEqual([]);
  });

  it("lists resolved papers with their titles and labels pick-lists with them", () => {
    const m = renderReply({ kind: "choices", text: "2 match", options: [resolved(), card({ id: "atom", name: "Atom" })] });
    expect(m.embeds[0]?.description).toContain("[AlpaServe — Statistical Multiplexing with Model Parallelism for Deep Learning Serving]");
    const select = m.components[0]?.components[0] as { options: Array<{ label: string }> };
    expect(select.options.map((o) => o.label)).toEqual(["AlpaServe — Statistical Multiplexing with Model Parallelism for Deep Learning Serving (OSDI 2023)", "Atom (OSDI 2023)"]);
  });
});

describe("long titles on Discord", () => {
  it("cuts a title too long for an embed title at a word", () => {
    const m = renderReply({ kind: "announcement", headline: "New", items: [{ change: "added", card: resolved({ title: `AlpaServe: ${"Serving Words ".repeat(40)}` }), changes: [] }] });
    const title = m.embeds[0]?.title ?? "";
    expect(title.length).toBeLessThanOrEqual(256);
    expect(title).toMatch(/^New: AlpaServe — Serving Words .*(Serving|Words)…$/);
  });
});
