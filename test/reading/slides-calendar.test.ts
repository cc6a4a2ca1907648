import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { routeHandler } from "../../src/ops/routes.js";
import { calendarRoute } from "../../src/reading/live-calendar.js";
import type { Reply } from "../../src/replies/reply.js";
import { closeWorlds, readingWorld, type ReadingWorld } from "../helpers/reading.js";

const PRESENTER = "600000000000000077";
const TOKEN = "s3cret-calendar-token_42";
let server: Server | undefined;

afterEach(async () => {
  await closeWorlds();
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
  }
});

async function serve(world: ReadingWorld): Promise<string> {
  server = createServer(routeHandler([calendarRoute(world.s.reading, world.s.now)]));
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The events of an iCalendar text as ical.js (RFC 5545) reads them. */
function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe("vcalendar");
  return calendar.getAllSubcomponents("vevent").map((e) => ({
    uid: String(e.getFirstPropertyValue("uid")),
    summary: String(e.getFirstPropertyValue("summary")),
    description: String(e.getFirstPropertyValue("description")),
  }));
}

const textOf = (reply: Reply) => JSON.stringify(reply);

/** Posts the session of Monday 30 Nov (XiaoKai presents SpotServe), XiaoKai linked to PRESENTER. */
async function afterFirstSession(world: ReadingWorld): Promise<void> {
  await world.admin("reading channel");
  await world.admin("reading link", { reporter: "XiaoKai", user: PRESENTER });
  await world.tick();
  world.at("2026-11-30T09:00:00Z");
  expect(await world.tick()).toHaveLength(1);
  world.at("2026-11-30T11:00:00Z");
}

describe("slides attached to a session", () => {
  it("lets the presenter attach a link, refuses others and non-http links, and shows it in history and the calendar", async () => {
    const world = readingWorld();
    await afterFirstSession(world);

    const other = await world.member("reading slides", { url: "https://example.org/spotserve.pdf" }, { userId: "600000000000000099" });
    expect(other).toMatchObject({ kind: "error", reason: "forbidden" });
    const script = await world.member("reading slides", { url: "javascript:alert(1)" }, { userId: PRESENTER });
    expect(script).toMatchObject({ kind: "error", reason: "invalid" });
    const ftp = await world.member("reading slides", { url: "ftp://example.org/x.pdf" }, { userId: PRESENTER });
    expect(ftp).toMatchObject({ kind: "error", reason: "invalid" });

    const attached = await world.member("reading slides", { url: "<https://example.org/spotserve.pdf>" }, { userId: PRESENTER, platform: "discord" });
    expect(attached).toEqual({ kind: "notice", text: "Slides for Mon 30 Nov 2026, 09:00 (UTC) (2026-W49): https://example.org/spotserve.pdf" });

    const history = await world.member("reading history");
    expect(history).toMatchObject({ kind: "info", sections: [{ rows: [{ label: "Mon 30 Nov 2026, 09:00 (UTC)", value: "XiaoKai: SpotServe (to be presented) · slides: https://example.org/spotserve.pdf", url: "https://example.org/spotserve.pdf" }] }] });

    // An admin attaches notes to a coming week too.
    expect(await world.admin("reading slides", { url: "http://example.org/notes-w50", week: "2026-W50" })).toMatchObject({ kind: "notice" });

    const schedule = await world.admin("reading schedule", { weeks: 2 });
    if (schedule.kind !== "info" || !schedule.file) throw new Error("no .ics offered");
    const found = events(schedule.file.content);
    expect(found.map((e) => e.uid)).toEqual(["reading-2026-11-30@mss-bot", "reading-2026-12-07@mss-bot", "reading-2026-12-14@mss-bot"]);
    expect(found[0]?.description).toContain("Slides: https://example.org/spotserve.pdf");
    expect(found[1]?.description).toContain("Slides: http://example.org/notes-w50");
    expect(found[2]?.description).not.toContain("Slides");
  });
});

describe("the live calendar on the HTTP server", () => {
  it("serves RFC 5545 with the past and the next 12 sessions, answers 304 to its ETag and changes it after a swap", async () => {
    const world = readingWorld();
    await afterFirstSession(world);
    const base = await serve(world);

    const first = await fetch(`${base}/reading.ics`);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(first.headers.get("cache-control")).toBe("public, max-age=900, must-revalidate");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/".+"$/);
    const body = await first.text();
    const found = events(body);
    expect(found).toHaveLength(13);
    expect(found[0]).toMatchObject({ uid: "reading-2026-11-30@mss-bot", summary: "Reading group: XiaoKai presents SpotServe" });
    expect(found[1]).toMatchObject({ uid: "reading-2026-12-07@mss-bot", summary: "Reading group: hzq presents Cocktail" });

    const again = await fetch(`${base}/reading.ics`, { headers: { "if-none-match": etag ?? "" } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);

    world.at("2026-12-01T10:00:00Z");
    expect((await fetch(`${base}/reading.ics`, { headers: { "if-none-match": etag ?? "" } })).status).toBe(304);

    await world.admin("reading swap", { a: "hzq", b: "XiaoKai" });
    const swapped = await fetch(`${base}/reading.ics`, { headers: { "if-none-match": etag ?? "" } });
    expect(swapped.status).toBe(200);
    expect(swapped.headers.get("etag")).not.toBe(etag);
    const afterSwap = events(await swapped.text())[1];
    expect(afterSwap?.uid).toBe("reading-2026-12-07@mss-bot");
    expect(afterSwap?.summary).toMatch(/^Reading group: XiaoKai presents /);
  });

  it("with a token, serves only /reading/<token>.ics, privately, and 404s everything else", async () => {
    const world = readingWorld(undefined, { reading: { calendarToken: TOKEN } });
    const base = await serve(world);
    expect((await fetch(`${base}/reading.ics`)).status).toBe(404);
    expect((await fetch(`${base}/reading/wrong-token-0123456789.ics`)).status).toBe(404);
    const ok = await fetch(`${base}/reading/${TOKEN}.ics`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("private, max-age=900, must-revalidate");
    expect(events(await ok.text())).toHaveLength(12);
  });

  it("reading calendar answers the webcal:// link when the public URL is set, and says how otherwise", async () => {
    const world = readingWorld(undefined, { reading: { publicUrl: "https://bot.example.org/mss/", calendarToken: TOKEN } });
    const reply = await world.member("reading calendar");
    expect(reply).toMatchObject({ kind: "info", sections: [{ rows: [{ label: "Subscribe", value: `webcal://bot.example.org/mss/reading/${TOKEN}.ics` }, { label: "Address", url: `https://bot.example.org/mss/reading/${TOKEN}.ics` }] }] });
    const plain = readingWorld();
    expect(textOf(await plain.member("reading calendar"))).toContain("MSS_PUBLIC_URL");
  });
});
