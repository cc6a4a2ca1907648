import { describe, expect, it } from "vitest";
import { testServices } from "../helpers/bundled.js";
import { consoleSession } from "../helpers/console-session.js";

describe("subscribe day: on the console", () => {
  it("takes mon..sun and the full English names only", async () => {
    const services = testServices();
    const written = await consoleSession(services, ["/subscribe mode:weekly day:satan", "/subscribe mode:weekly day:fr", "/subscribe mode:weekly day:Saturday", "/subscribe day:tue"]);
    expect(written).toContain("Error: /subscribe: day: must be a day of the week: sun, mon, tue, wed, thu, fri, sat, or its full name (friday)");
    expect(written.match(/day: must be a day of the week/g)).toHaveLength(2);
    expect(written).toContain("weekly on Saturday at 09:00");
    expect(written).toContain("Changed: day sat → tue.");
    expect(services.store.subscriptions.get("console", "console")?.delivery.day).toBe("tue");
    services.store.close();
  });
});
