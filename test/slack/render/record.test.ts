import { describe, expect, it } from "vitest";
import { renderReply } from "../../../adapters/slack/render/render-reply.js";
import type { Reply } from "../../../src/replies/reply.js";
import { alpaServeRecord, hugeAbstract, SYNTHETIC_ABSTRACT } from "../../helpers/records.js";
import { button, buttons, headerText, mrkdwnTexts } from "../slack-payload.js";
import { card, HOSTILE } from "./cards.js";
import { expectWithinLimits } from "./limits.js";

const resolved = (over = {}) => card({ record: alpaServeRecord(over) });
const TITLED = "AlpaServe — Statistical Multiplexing with Model Parallelism for Deep Learning Serving";
const AUTHORS = "Zhuohan Li, Lianmin Zheng, Yinmin Zhong et al. (11 authors)";

describe("what Slack shows of a paper's record", () => {
  it("shows the title and authors a list gives when there is no record, escaped like a record's, and names the lists", () => {
    const listed = card({ title: `Name: ${HOSTILE}`, authors: [HOSTILE, "<!here>", "Third", "Fourth"], lists: ["mss", "llmsys"] });
    for (const reply of [
      { kind: "paper", card: listed },
      { kind: "choices", text: "Pick one", options: [listed, { ...listed, id: "name@llmsys", lists: ["llmsys"] }] },
    ] satisfies Reply[]) {
      const message = renderReply(reply);
      for (const t of [message.text, ...mrkdwnTexts(message)]) {
        expect(t).not.toMatch(/<[!@#]|<https:\/\/evil/);
        expect(t).not.toMatch(/\*bold\*|_it_|`code/);
        expect(t).not.toContain("\u202e");
      }
      expectWithinLimits(message);
    }
    const texts = mrkdwnTexts(renderReply({ kind: "paper", card: listed }));
    expect(texts.some((t) => t.includes("et al. (4 authors)"))).toBe(true);
    expect(texts).toContain("*Lists*\nmss, llmsys");
  });

  it("heads the card with the full title, then the authors, the abstract's opening, identifiers, sources and an Abstract button", () => {
    const message = renderReply({ kind: "paper", card: resolved() }, { share: "paper?query=alpaserve" });
    expect(headerText(message)).toBe(TITLED);
    expect(message.text).toBe(`${TITLED} (OSDI 2023)`);
    const texts = mrkdwnTexts(message);
    expect(texts).toContain(`${AUTHORS}\n*Abstract:* ${SYNTHETIC_ABSTRACT}`);
    expect(texts).toContain("<https://arxiv.org/abs/2302.11665|arXiv 2302.11665> · <https://dblp.org/rec/conf/osdi/LiZZL00HHZGS23|DBLP conf/osdi/LiZZL00HHZGS23>");
    expect(texts).toContain("Title and authors from DBLP, abstract from arXiv");
    expect(button(message, "Abstract")).toMatchObject({ actionId: "mss_ask:0", value: "abstract?paper=alpaserve" });
    expect(buttons(message).map((b) => b.label)).toEqual(["Abstract", "Paper", "Code", "Share in channel"]);
    expectWithinLimits(message);
  });

  it("shows an unresolved paper exactly as the list has it", () => {
    const message = renderReply({ kind: "paper", card: card() });
    expect(headerText(message)).toBe("AlpaServe");
    expect(mrkdwnTexts(message)).toEqual(["*Venue*\nOSDI", "*Year*\n2023", "*Category*\n● Resource Scheduling", "*Reporter*\nXiaoKai"]);
    expect(buttons(message).map((b) => b.label)).toEqual(["Paper", "Code"]);
  });

  it("cuts a 20,000-character abstract on the card, and the abstract answer holds all of it within Block Kit's limits", () => {
    const text = hugeAbstract();
    const cardMessage = renderReply({ kind: "paper", card: resolved({ abstract: text }) });
    expect(mrkdwnTexts(cardMessage).find((t) => t.includes("*Abstract:*"))).toMatch(/\. …$/);
    expectWithinLimits(cardMessage);

    const answer = renderReply({ kind: "abstract", card: resolved({ abstract: text }), label: "Abstract", text, origin: { source: "arxiv", url: "https://arxiv.org/abs/2302.11665" } });
    expectWithinLimits(answer);
    const shown = mrkdwnTexts(answer).join(" ").replace(/\s+/g, " ");
    expect(shown).toContain(text.replace(/\s+/g, " "));
    expect(mrkdwnTexts(answer)).toContain("Abstract from <https://arxiv.org/abs/2302.11665|arXiv>");
  });

  it("escapes hostile titles, authors and abstracts: nothing pings, links or formats", () => {
    const hostile = resolved({ title: `${HOSTILE} $x_1 * y$`, authors: [HOSTILE, "<!here>", "Third", "Fourth"], abstract: `${HOSTILE}. ${HOSTILE} $\\alpha_*$.` });
    for (const reply of [
      { kind: "paper", card: hostile },
      { kind: "announcement", headline: "New", items: [{ change: "added", card: hostile, changes: [] }] },
      { kind: "session", headline: "Reading group", date: "Mon", presenter: null, card: hostile },
      { kind: "abstract", card: hostile, label: "Abstract", text: hostile.record?.abstract ?? "", origin: null },
    ] satisfies Reply[]) {
      const message = renderReply(reply);
      for (const t of [message.text, ...mrkdwnTexts(message)]) {
        expect(t).not.toMatch(/<[!@#]|<https:\/\/evil/);
        expect(t).not.toMatch(/\*bold\*|_it_|`code/);
        expect(t).not.toContain("\u202e");
      }
      expectWithinLimits(message);
    }
  });

  it("announces papers with title, authors, short abstract and an Abstract button each, within 50 blocks", () => {
    const items = Array.from({ length: 10 }, (_, i) => ({
      change: "added" as const,
      card: card({ id: `paper${i}`, name: `Paper${i}`, record: alpaServeRecord({ title: `Paper${i}: ${"Long Title ".repeat(60)}`, abstract: hugeAbstract() }) }),
      changes: [],
    }));
    const message = renderReply({ kind: "announcement", headline: "10 new papers", items });
    expectWithinLimits(message);
    expect(buttons(message).filter((b) => b.label === "Abstract").map((b) => b.value)).toEqual(items.map((_, i) => `abstract?paper=paper${i}`));
    expect(mrkdwnTexts(message).filter((t) => t.includes("*Abstract:* Sentence number 0000"))).toHaveLength(10);

    const one = renderReply({ kind: "announcement", headline: "New paper on MSS-Papers", items: [{ change: "added", card: resolved(), changes: [] }] });
    expect(mrkdwnTexts(one)[0]).toBe(`*New:* *<https://example.org/alpaserve.pdf|${TITLED}>* (OSDI 2023) ● — XiaoKai\n${AUTHORS}\n*Abstract:* ${SYNTHETIC_ABSTRACT}`);
  });

  it("gives the weekly reading post the title, authors, short abstract and an Abstract button", () => {
    const message = renderReply({ kind: "session", headline: "Reading group 2026-W49", date: "Mon", presenter: { name: "XiaoKai", userIds: {} }, card: resolved() });
    const texts = mrkdwnTexts(message).join("\n");
    expect(texts).toContain(TITLED);
    expect(texts).toContain(AUTHORS);
    expect(texts).toContain("*Abstract:* Serving many large models");
    expect(button(message, "Abstract").value).toBe("abstract?paper=alpaserve");
    expectWithinLimits(message);
  });
});
