import type { PaperCard } from "../../../src/replies/reply.js";

/** A card as the core builds them, with overrides for each test. */
export function card(over: Partial<PaperCard> = {}): PaperCard {
  return {
    id: "alpaserve",
    name: "AlpaServe",
    year: 2023,
    venue: "OSDI",
    categories: [{ symbol: "●", label: "Resource Scheduling" }],
    links: [
      { kind: "paper", label: "Paper", url: "https://example.org/alpaserve.pdf" },
      { kind: "code", label: "Code", url: "https://github.com/alpa-projects/mms" },
    ],
    reporters: ["XiaoKai"],
    ...over,
  };
}

/** Upstream text trying every trick: a channel ping, a user mention, a link, formatting, a quote, controls. */
export const HOSTILE = "<!channel> <@U123> <https://evil.example|click> *bold* _it_ ~s~ `code` & \u202eevil";
