import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { RecordingAnnouncer } from "../fakes/recording-announcer.js";
import { testServices } from "../helpers/bundled.js";
import { consoleSession } from "../helpers/console-session.js";
import { buildList, row } from "../helpers/list-builder.js";

let mss: FakeUpstream;
let llmsys: FakeUpstream;
beforeEach(async () => {
  mss = await new FakeUpstream().start();
  llmsys = await new FakeUpstream().start();
  mss.serve(buildList([row("AlpaServe")]));
  llmsys.serve(buildList([row("Orca")]));
});
afterEach(async () => {
  await mss.stop();
  await llmsys.stop();
});

describe("subscribe list: and lists on the console", () => {
  it("follows one list, refuses an unknown id naming the followed ones, and shows each list", async () => {
    const services = testServices("", {
      lists: [
        { id: "mss", upstream: { kind: "url", url: mss.url } },
        { id: "llmsys", upstream: { kind: "url", url: llmsys.url } },
      ],
    });
    await services.sync.runAll();
    const written = await consoleSession(services, ["/subscribe list:serving", "/subscribe list:llmsys", "/subscriptions", "/lists"]);
    expect(written).toContain('list: no followed list is called "serving".');
    expect(written).toContain("Lists: mss, llmsys (see `lists`).");
    expect(written).toContain("Announcements on for this channel: list llmsys.");
    expect(written).toMatch(/Lists\s+only llmsys/);
    expect(written).toContain("Followed lists — 2 lists followed");
    expect(written).toMatch(/llmsys\n\s+Source\s+http:\/\/127\.0\.0\.1:\d+\/MSS-Papers\/README\.md\n\s+Papers\s+1\n\s+Last sync\s+.*: baseline/);

    const consoleChannel = new RecordingAnnouncer("console");
    services.deliverer.register(consoleChannel);
    mss.serve(buildList([row("AlpaServe"), row("FlexServe")]));
    llmsys.serve(buildList([row("Orca"), row("Perseus")]));
    await services.sync.runAll();
    await services.deliverer.deliverDue();
    expect(consoleChannel.namesIn("console")).toEqual(["added:Perseus"]);
    services.store.close();
  });
});
