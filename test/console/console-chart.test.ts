import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pngHeader } from "../charts/png-header.js";
import { testServices } from "../helpers/bundled.js";
import { consoleSession } from "../helpers/console-session.js";
import { tempDir } from "../helpers/temp-dir.js";

describe("charts in the console chat", () => {
  it("prints the table and the path of the PNG it wrote for /stats", async () => {
    const imageDir = join(tempDir("mss-console-"), "charts");
    const written = await consoleSession(testServices(), ["/stats by:year"], { imageDir });
    const path = join(imageDir, "stats.png");
    expect(written).toContain("By year\n  2024  1\n  2023  18");
    expect(written).toContain(`Chart (PNG): ${path}`);
    expect(pngHeader(readFileSync(path)).height).toBeGreaterThan(300);
  });
});
