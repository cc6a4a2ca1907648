import { describe, expect, it } from "vitest";
import { renderInfo } from "../../../adapters/discord/render/render-info.js";
import type { Reply } from "../../../src/replies/reply.js";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const chartReply = (name: string, alt: string): Extract<Reply, { kind: "info" }> => ({
  kind: "info",
  title: "MSS-Papers in numbers",
  sections: [{ title: "By venue", rows: [{ label: "OSDI", value: "5" }] }],
  image: { name, mime: "image/png", data: PNG, title: "MSS-Papers in numbers: 25 papers", alt },
});

describe("Discord: an info reply's chart", () => {
  it("is a PNG attachment the embed shows, with the alt text as its description", () => {
    const message = renderInfo(chartReply("stats.png", "Bar chart. Papers per venue: OSDI: 5."));
    expect(message.embeds[0]?.image).toEqual({ url: "attachment://stats.png" });
    expect(message.files).toEqual([{ name: "stats.png", data: Buffer.from(PNG), contentType: "image/png", description: "Bar chart. Papers per venue: OSDI: 5." }]);
  });

  it("keeps the file name safe and the description within Discord's 1,024 characters, the embed pointing at the name sent", () => {
    const message = renderInfo(chartReply("../my chart?.png", "x".repeat(2000)));
    expect(message.files[0]?.name).toBe("my_chart_.png");
    expect(message.embeds[0]?.image?.url).toBe("attachment://my_chart_.png");
    expect(message.files[0]?.description).toHaveLength(1024);
  });
});
