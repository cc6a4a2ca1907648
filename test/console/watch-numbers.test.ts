import { describe, expect, it } from "vitest";
import { run, testServices } from "../helpers/bundled.js";
import { consoleSession } from "../helpers/console-session.js";

describe("watch numbers are each person's own", () => {
  it("count 1, 2, 3 for each user, and unwatch 2 removes that user's second watch, not another's", async () => {
    const services = testServices();
    const discord = (user: string) => ({ platform: "discord" as const, channel: "c1", user });
    // Someone else's watches come first, so the store's ids are not the console user's numbers.
    expect(await run("watch", { venue: "OSDI" }, services, discord("u1"))).toMatchObject({ text: expect.stringContaining("(watch 1)") });
    expect(await run("watch", { venue: "SOSP" }, services, discord("u1"))).toMatchObject({ text: expect.stringContaining("(watch 2)") });

    const written = await consoleSession(services, ["/watch venue:NSDI", "/watch venue:EuroSys", "/watch keyword:serving", "/unwatch 2", "/watches", "/unwatch 4"]);

    expect(written).toContain('Watching venue NSDI (watch 1).');
    expect(written).toContain('Watching venue EuroSys (watch 2).');
    expect(written).toContain('Watching keyword "serving" (watch 3).');
    expect(written).toContain("Stopped watching venue EuroSys (watch 2).");
    expect(written).toMatch(/Watches\n  Watch 1 +venue NSDI: 0 papers so far\n  Watch 3 +keyword "serving": 0 papers so far\n/);
    expect(written).toContain("Error: You have no watch 4.");
    // The Discord user's watches are untouched, still numbered 1 and 2.
    expect(await run("watches", {}, services, discord("u1"))).toMatchObject({ sections: [{ rows: [{ label: "Watch 1" }, { label: "Watch 2" }] }] });
    expect(await run("unwatch", { id: "2" }, services, discord("u1"))).toMatchObject({ text: "Stopped watching venue SOSP (watch 2)." });
    services.store.close();
  });
});
