import type { PaperCard } from "../../src/replies/reply.js";

/** A paper card for renderer tests; override what the test is about. */
export function card(over: Partial<PaperCard> = {}): PaperCard {
  return {
    id: "alpaserve",
    name: "AlpaServe",
    year: 2023,
    venue: "OSDI",
    categories: [{ symbol: "●", label: "Resource Scheduling" }],
    links: [
      { kind: "paper", label: "Paper", url: "https://www.usenix.org/system/files/osdi23-li-zhuohan.pdf" },
      { kind: "code", label: "Code", url: "https://github.com/alpa-projects/mms" },
      { kind: "blog", label: "Blog notes", url: "https://blog.example.org/alpaserve" },
      { kind: "video", label: "Video", url: "https://video.example.org/alpaserve" },
    ],
    reporters: ["XiaoKai"],
    ...over,
  };
}

export const EVIL = "@everyone <@123> <@&456> **bold** _it_ [click](https://evil.example) `code` # Heading\n> quote";
