import type { APIButtonComponent } from "discord.js";
import { ButtonStyle, ComponentType } from "discord.js";
import { PAGE_SIZE } from "../../../src/commands/papers.js";
import type { CommandLink, Reply } from "../../../src/replies/reply.js";
import { fitLines, paperLine } from "./card-parts.js";
import { linkCustomId } from "./custom-id.js";
import { fitEmbed } from "./embed-size.js";
import { escapeWithin, plainWithin } from "./escape.js";
import { COLORS, LIMITS } from "./limits.js";
import { message, type DiscordMessage } from "./message.js";

type PapersReply = Extract<Reply, { kind: "papers" }>;

/** "/papers venue:OSDI page:3": how to reach a page whose state is too long for a button. */
const typed = (link: CommandLink): string => [`/${link.command}`, ...Object.entries(link.args).map(([k, v]) => `${k}:${String(v)}`)].join(" ");

function navButton(label: string, link: CommandLink | null, fallbackId: string): { button: APIButtonComponent; tooLong?: CommandLink } {
  const customId = link ? linkCustomId(link) : undefined;
  const button: APIButtonComponent = { type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: customId ?? fallbackId, disabled: customId === undefined };
  return customId === undefined && link ? { button, tooLong: link } : { button };
}

/**
 * A page of papers: one line per paper, the total and page in the footer, and
 * Prev/Next buttons whose custom_id is the encoded command link (so they work
 * after a restart). A link too long for a custom_id disables its button and is
 * spelled out in the footer instead.
 */
export function renderPapers(reply: PapersReply): DiscordMessage {
  const first = (reply.page - 1) * PAGE_SIZE;
  const prev = navButton("◀ Prev", reply.prev, "nav:prev");
  const next = navButton("Next ▶", reply.next, "nav:next");
  const spelled = [prev.tooLong && `Previous: ${typed(prev.tooLong)}`, next.tooLong && `Next: ${typed(next.tooLong)}`].filter(Boolean);
  const footer = [`${reply.total} paper${reply.total === 1 ? "" : "s"} · page ${reply.page} of ${reply.pageCount}`, ...spelled].join(" · ");
  const embed = fitEmbed({
    title: escapeWithin(reply.title, LIMITS.embedTitle),
    color: COLORS.list,
    description: reply.items.length > 0 ? fitLines(reply.items.map((card, i) => paperLine(card, first + i + 1)), LIMITS.embedDescription) : "No papers on this page.",
    footer: { text: plainWithin(footer, LIMITS.footer) },
  });
  const hasNav = reply.prev !== null || reply.next !== null;
  return message({
    embeds: [embed],
    components: hasNav ? [{ type: ComponentType.ActionRow, components: [prev.button, next.button] }] : [],
  });
}
