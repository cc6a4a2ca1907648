import type { InfoRow, Reply } from "../../replies/reply.js";
import type { SessionRow } from "../../store/reading-session-repo.js";
import { defineCommand } from "../command.js";
import { integer } from "../options.js";

const OUTCOMES: Record<SessionRow["outcome"], string> = {
  pending: "to be presented",
  presented: "presented",
  "not-presented": "not presented",
  none: "presenter's choice",
};

function row(s: SessionRow, slides: string | undefined): InfoRow {
  const when = s.reply.kind === "session" ? s.reply.date : s.date;
  if (s.status === "skipped") return { label: when, value: "skipped" };
  const presenter = s.reply.kind === "session" ? (s.reply.presenter?.name ?? "nobody") : (s.presenterKey ?? "nobody");
  const paper = s.paperName ? `${s.paperName} (${OUTCOMES[s.outcome]})` : OUTCOMES[s.outcome];
  if (slides === undefined) return { label: when, value: `${presenter}: ${paper}` };
  return { label: when, value: `${presenter}: ${paper} · slides: ${slides}`, url: slides };
}

export const readingHistoryCommand = defineCommand({
  name: "reading history",
  description: "Past reading-group sessions, newest first: who presented what, and skipped weeks.",
  group: "reading",
  options: {
    limit: integer({ description: "How many sessions to show", min: 1, max: 100 }).default(10),
  },
  positional: ["limit"],
  run({ limit }, { services: { store } }): Reply {
    const sessions = store.reading.sessions.all().reverse();
    if (sessions.length === 0) return { kind: "notice", text: "No reading-group session has been posted yet. reading schedule shows what is planned." };
    const presented = store.reading.sessions.presented();
    const slides = store.reading.sessions.slides();
    return {
      kind: "info",
      title: "Reading group: history",
      text: `${sessions.length} session${sessions.length === 1 ? "" : "s"} posted, ${presented.size} paper${presented.size === 1 ? "" : "s"} presented`,
      sections: [{ title: "Sessions", rows: sessions.slice(0, limit).map((s) => row(s, slides.get(s.date)?.url)) }],
    };
  },
});
