import { describe, expect, it } from "vitest";
import { parseCustomId, linkCustomId, pickCustomId } from "../../../adapters/discord/render/custom-id.js";
import { fitEmbed, embedSize } from "../../../adapters/discord/render/embed-size.js";
import { renderReply } from "../../../adapters/discord/render/render-reply.js";
import type { Reply } from "../../../src/replies/reply.js";
import { card, EVIL } from "../cards.js";
import { allText, limitProblems } from "../limits-check.js";

const long = (n: number) => `${EVIL} `.repeat(Math.ceil(n / EVIL.length)).slice(0, n);
const big = card({ name: long(500), venue: long(100), reporters: [long(300), long(300)], categories: [{ symbol: "★", label: long(200) }] });

/** One reply of every kind, each as big and hostile as the core can make it. */
const EVERY_KIND: Reply[] = [
  { kind: "paper", card: big, note: long(500) },
  { kind: "choices", text: long(300), options: Array.from({ length: 30 }, (_, i) => ({ ...big, id: `p${i}` })) },
  { kind: "papers", title: long(300), items: Array.from({ length: 30 }, (_, i) => ({ ...big, id: `p${i}` })), total: 300, page: 3, pageCount: 30, prev: { command: "papers", args: { page: 2 } }, next: { command: "papers", args: { page: 4 } } },
  { kind: "info", title: long(300), text: long(5000), sections: Array.from({ length: 30 }, () => ({ title: long(300), rows: [{ label: long(300), value: long(300) }] })) },
  { kind: "notice", text: long(5000) },
  { kind: "error", reason: "failed", text: long(3000), hint: long(3000) },
  { kind: "announcement", headline: long(3000), items: [{ change: "changed", card: big, changes: [long(300), long(300)] }] },
  { kind: "digest", headline: long(300), items: Array.from({ length: 30 }, () => big), more: 7 },
  { kind: "session", headline: long(300), date: "2026-12-07", presenter: { name: long(300), userIds: { discord: "123456789012345678" } }, card: big, note: long(5000) },
];

describe("rendering every reply kind for Discord", () => {
  it.each(EVERY_KIND.map((r) => [r.kind, r] as const))("keeps a huge, hostile %s reply within Discord's limits and free of mentions", (_kind, reply) => {
    const m = renderReply(reply);
    expect(limitProblems(m)).toEqual([]);
    const visible = allText(m).replace(/<@123456789012345678>/g, "");
    expect(visible).not.toMatch(/@everyone|<@|(?<!\\)\*\*bold/);
  });
});

describe("fitting embeds", () => {
  it("drops fields past 25 and from the end until 6000 characters fit, and says so", () => {
    const fields = Array.from({ length: 40 }, (_, i) => ({ name: `f${i}`, value: "v".repeat(1000) }));
    const out = fitEmbed({ title: "t", fields });
    expect(embedSize(out)).toBeLessThanOrEqual(6000);
    expect(out.fields?.length).toBeLessThan(25);
    expect(out.footer?.text).toMatch(/\d+ more sections left out/);
  });

  it("does not leave a lone backslash in front of the ellipsis", () => {
    const out = fitEmbed({ title: `${"a".repeat(254)}\\*x` });
    expect(out.title).toBe(`${"a".repeat(254)}…`);
  });
});

describe("component custom ids", () => {
  it("round-trips a command link and a pick", () => {
    const id = linkCustomId({ command: "papers", args: { venue: "OSDI", page: 2 } });
    expect(id).toBe("l:papers?venue=OSDI&page=2");
    expect(parseCustomId(id ?? "")).toEqual({ kind: "link", link: { command: "papers", args: { venue: "OSDI", page: "2" } } });
    expect(parseCustomId(pickCustomId("paper", "query"))).toEqual({ kind: "pick", command: "paper", option: "query" });
  });

  it("refuses ids that are not ours or too long", () => {
    expect(parseCustomId("something-else")).toBeUndefined();
    expect(parseCustomId("l:")).toBeUndefined();
    expect(linkCustomId({ command: "papers", args: { reporter: "r".repeat(120) } })).toBeUndefined();
  });
});
