import { describe, expect, it } from "vitest";
import { run, testServices } from "../helpers/bundled.js";

const admin = { platform: "discord" as const, isAdmin: true, channel: "c1" };
const member = { platform: "discord" as const, isAdmin: false, channel: "c1" };

describe("the announcement commands", () => {
  it("subscribe stores the channel's filter, resolving the category, and says so", async () => {
    const s = testServices();
    expect(await run("subscribe", { tag: "●", venue: "OSDI" }, s, admin)).toEqual({
      kind: "notice",
      text: "Announcements on for this channel: tag resource-scheduling, venue OSDI. New papers are posted when the list changes upstream.",
    });
    expect(s.store.subscriptions.get("discord", "c1")).toMatchObject({ status: "active", filter: { tag: "resource-scheduling", venue: "OSDI" } });
    expect(await run("subscribe", {}, s, admin)).toMatchObject({ text: expect.stringMatching(/^Announcements updated for this channel: tag resource-scheduling, venue OSDI\. Nothing changed\./) });
    expect(await run("subscribe", { tag: "ANY", venue: "any" }, s, admin)).toMatchObject({
      text: expect.stringMatching(/^Announcements updated for this channel: every paper\. Changed: tag resource-scheduling → any, venue OSDI → any\./),
    });
  });

  it("refuses admin commands to members, naming the command", async () => {
    const s = testServices();
    for (const command of ["subscribe", "unsubscribe", "sync"]) {
      expect(await run(command, {}, s, member)).toMatchObject({ kind: "error", reason: "forbidden", text: `/${command} is for admins only.` });
    }
    expect(s.store.subscriptions.all()).toEqual([]);
  });

  it("subscribe names the valid categories for an unknown one, and needs a channel", async () => {
    const s = testServices();
    expect(await run("subscribe", { tag: "quantum" }, s, admin)).toMatchObject({ kind: "error", reason: "invalid", hint: "Categories: storage-media, gpu-devices, resource-scheduling, or any for every category" });
    expect(await run("subscribe", {}, s, { isAdmin: true, channel: null })).toMatchObject({ kind: "error", text: "This command works in a chat channel." });
  });

  it("unsubscribe switches the channel off but keeps its record", async () => {
    const s = testServices();
    expect(await run("unsubscribe", {}, s, admin)).toMatchObject({ kind: "error", reason: "not-found", text: "This channel is not subscribed." });
    await run("subscribe", {}, s, admin);
    expect(await run("unsubscribe", {}, s, admin)).toMatchObject({ kind: "notice" });
    expect(s.store.subscriptions.get("discord", "c1")).toMatchObject({ status: "off", statusReason: "unsubscribed by tester" });
    expect(await run("subscriptions", {}, s, member)).toMatchObject({ sections: [{ rows: expect.arrayContaining([{ label: "Status", value: "off (unsubscribed by tester)" }]) }] });
  });

  it("subscriptions shows status, filter and deliveries to anyone in the channel", async () => {
    const s = testServices();
    expect(await run("subscriptions", {}, s, member)).toMatchObject({ kind: "error", reason: "not-found" });
    await run("subscribe", { reporter: "hzq" }, s, admin);
    expect(await run("subscriptions", {}, s, member)).toMatchObject({
      kind: "info",
      sections: [{ rows: expect.arrayContaining([{ label: "Status", value: "active" }, { label: "Filter", value: "reporter hzq" }, { label: "Last delivery", value: "none yet" }]) }],
    });
  });

  it("sync answers with what the run found", async () => {
    const s = testServices();
    expect(await run("sync", {}, s, admin)).toEqual({ kind: "notice", text: "First sync of this source: stored 25 papers as the baseline; nothing announced." });
    expect(await run("sync", {}, s, admin)).toEqual({ kind: "notice", text: "The upstream list has not changed." });
  });

  it("why explains a baseline paper, an unknown name and an ambiguous one", async () => {
    const s = testServices();
    await run("sync", {}, s, admin);
    const why = await run("why", { paper: "AlpaServe" }, s, member);
    expect(why).toMatchObject({ kind: "info", title: "Why: AlpaServe" });
    expect(JSON.stringify(why)).toContain("already on the list when the bot started following it (the baseline)");
    expect(await run("why", { paper: "Nonexistent Paper" }, s, member)).toMatchObject({ kind: "error", reason: "not-found" });
    expect(await run("why", { paper: "serve" }, s, member)).toMatchObject({ kind: "error", reason: "invalid", text: expect.stringContaining("SpotServe, AlpaServe") });
  });
});
