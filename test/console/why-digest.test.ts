import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConsoleAnnouncer } from "../../adapters/console/console-announcer.js";
import { digestJob } from "../../src/sync/digest-job.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText, testServices } from "../helpers/bundled.js";
import { TestClock } from "../helpers/clock.js";
import { consoleSession } from "../helpers/console-session.js";
import { addRow, newRow } from "../helpers/versions.js";

let upstream: FakeUpstream;
beforeEach(async () => {
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
});
afterEach(() => upstream.stop());

describe("why on the console knows about the channel's digest", () => {
  it("says a paper waits for the daily digest of its time, then that it was sent in it", async () => {
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
    const services = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, now: clock.now });
    const posted = new Writable({ write: (_chunk, _encoding, done) => done() });
    services.deliverer.register(new ConsoleAnnouncer(posted));
    await consoleSession(services, ["/subscribe mode:daily at:09:00", "/sync"]);
    upstream.serve(addRow(bundledText(), "TapFinger", newRow("KVServe", "NSDI", 2026)));
    clock.advance(3 * 3_600_000 + 27 * 60_000);
    await services.sync.run();
    await services.deliverer.deliverDue();

    const before = await consoleSession(services, ["/why KVServe"]);
    expect(before).toContain("its addition waits for the daily digest of 2026-11-29 09:00 UTC");
    expect(before).not.toContain("collected for the channel's daily digest");

    clock.advance(18 * 3_600_000);
    await digestJob(services).run();
    await services.deliverer.deliverDue();
    const after = await consoleSession(services, ["/why KVServe"]);
    expect(after).toContain("its addition was sent in the daily digest of 2026-11-29 09:00 UTC (posted 2026-11-29 09:27 UTC)");
    services.store.close();
  });
});
