import { toCard } from "../../src/replies/paper-card.js";
import type { Services } from "../../src/services.js";

/** Sessions as the weekly job records them: date, presenter, paper (from the bundled list) and outcome; null paper = skipped week. */
export const HISTORY: Array<{ date: string; presenter: string; paper: string | null; going: number; notGoing: number }> = [
  { date: "2026-08-03", presenter: "XiaoKai", paper: "alpaserve", going: 5, notGoing: 0 },
  { date: "2026-08-10", presenter: "hzq", paper: "exoflow", going: 4, notGoing: 1 },
  { date: "2026-09-07", presenter: "XiaoKai", paper: "spotserve", going: 6, notGoing: 2 },
  { date: "2026-09-14", presenter: "hzq", paper: null, going: 0, notGoing: 0 },
  { date: "2026-10-05", presenter: "XiaoKai", paper: "shepherd", going: 3, notGoing: 1 },
  { date: "2026-11-02", presenter: "hzq", paper: "hyrax", going: 4, notGoing: 0 },
  { date: "2026-11-23", presenter: "XiaoKai", paper: "punica", going: 2, notGoing: 3 },
];

/** Records HISTORY in the services' store, with RSVPs from users u0, u1, … */
export function seedReadingHistory(services: Services, history = HISTORY): void {
  const { list } = services.catalog;
  for (const h of history) {
    const paper = h.paper === null ? undefined : list.papers.find((p) => p.id === h.paper);
    if (h.paper !== null && !paper) throw new Error(`no paper ${h.paper} in the list`);
    const card = paper ? toCard(paper, list.legend) : null;
    services.store.reading.sessions.insert({
      date: h.date,
      startsAt: `${h.date}T09:00:00.000Z`,
      status: paper ? "held" : "skipped",
      presenterKey: paper ? h.presenter.toLowerCase() : null,
      paperId: paper?.id ?? null,
      paperName: paper?.name ?? null,
      outcome: paper ? "presented" : "none",
      reply: { kind: "session", headline: "Reading group", date: h.date, presenter: paper ? { name: h.presenter, userIds: {} } : null, card },
      committedAt: `${h.date}T08:00:00.000Z`,
    });
    const answers = [...Array<"going">(h.going).fill("going"), ...Array<"not-going">(h.notGoing).fill("not-going")];
    answers.forEach((answer, i) => services.store.reading.rsvps.answer({ date: h.date, platform: "discord", userId: `u${i}`, userName: `user ${i}`, answer, answeredAt: `${h.date}T08:30:00.000Z` }));
  }
}
