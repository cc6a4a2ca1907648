import { describe, expect, it } from "vitest";
import { renderReply } from "../../../adapters/slack/render/render-reply.js";
import { blocksOf, button, headerText, mrkdwnTexts } from "../slack-payload.js";
import { expectWithinLimits } from "./limits.js";

describe("Block Kit: info replies (help, stats, software)", () => {
  it("shows sections of rows as fields, links for rows with a URL", () => {
    const message = renderReply({
      kind: "info",
      title: "Software suite",
      text: "3 projects from the list",
      sections: [{ title: "Software", rows: [{ label: "BentoML", value: "https://github.com/bentoml/BentoML", url: "https://github.com/bentoml/BentoML" }, { label: "Usage", value: "" }] }],
    });
    expect(headerText(message)).toBe("Software suite");
    expect(mrkdwnTexts(message)).toEqual(["3 projects from the list", "*Software*", "*BentoML*\n<https://github.com/bentoml/BentoML|https://github.com/bentoml/BentoML>", "Usage"]);
  });

  it("splits more than ten rows over several sections, keeps 50 blocks and the Share button", () => {
    const rows = Array.from({ length: 700 }, (_, i) => ({ label: `reporter ${i}`, value: String(i) }));
    const message = renderReply({ kind: "info", title: "Stats", sections: [{ title: "By reporter", rows }] }, { share: "stats" });
    expectWithinLimits(message);
    expect(blocksOf(message)).toHaveLength(50);
    expect(button(message, "Share in channel").value).toBe("stats");
    expect(mrkdwnTexts(message)).toContain("… 23 more not shown.");
  });

  it("says a file is not attached in Slack", () => {
    const message = renderReply({ kind: "info", title: "Schedule", sections: [], file: { name: "reading.ics", mime: "text/calendar", content: "BEGIN:VCALENDAR" } });
    expect(mrkdwnTexts(message)).toEqual(["reading.ics is not attached in Slack; the mss-bot command line prints it."]);
  });

  it("shows a citation file as literal preformatted text, in pieces within the limits", () => {
    const entry = (i: number) => `@inproceedings{key${i},\n  title = {<!everyone> *bold* \`code\` ${"x".repeat(200)}},\n  year = {2023}\n}\n`;
    const content = Array.from({ length: 40 }, (_, i) => entry(i)).join("\n");
    const message = renderReply({ kind: "info", title: "Citations", sections: [], file: { name: "mss-papers.bib", mime: "application/x-bibtex", content } }, { share: "cite all" });
    expectWithinLimits(message);
    const texts = blocksOf(message).flatMap((b) => (b.type === "rich_text" ? (b.elements as Array<{ type: string; elements: Array<{ type: string; text: string }> }>) : []));
    expect(texts.every((e) => e.type === "rich_text_preformatted" && e.elements.every((t) => t.type === "text" && t.text.length <= 3000))).toBe(true);
    expect(texts.map((e) => e.elements.map((t) => t.text).join("")).join("\n")).toBe(content.replace(/\n+$/, ""));
    expect(button(message, "Share in channel").value).toBe("cite all");
    expect(mrkdwnTexts(message).join(" ")).not.toContain("not attached");
  });
});

describe("Slack: an info reply's chart", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
  it("says in the answer that the chart goes to the channel, and uploads it as plain-text title and alt text", async () => {
    const { imageUpload } = await import("../../../adapters/slack/render/image.js");
    const image = { name: "stats.png", mime: "image/png" as const, data: png, title: "MSS-Papers <b>in</b> numbers", alt: `Bar chart. ${"n".repeat(1200)}` };
    const message = renderReply({ kind: "info", title: "MSS-Papers in numbers", sections: [], image });
    expect(JSON.stringify(message.blocks)).toContain("The chart is posted in this channel as stats.png.");
    const upload = imageUpload(image);
    expect(upload).toMatchObject({ filename: "stats.png", title: "MSS-Papers <b>in</b> numbers", data: Buffer.from(png) });
    expect(upload.altText).toHaveLength(1000);
    expect(upload.altText.endsWith("…")).toBe(true);
  });
});
