import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsoleChat } from "../../adapters/console/console-chat.js";
import { pngHeader } from "../charts/png-header.js";
import { testServices } from "../helpers/bundled.js";
import { tempDir } from "../helpers/temp-dir.js";

describe("charts in the console chat", () => {
  it("prints the table and the path of the PNG it wrote for /stats", async () => {
    let written = "";
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    const input = new PassThrough();
    const imageDir = join(tempDir("mss-console-"), "charts");
    const finished = runConsoleChat({ services: testServices(), input, output, prompt: false, imageDir });
    input.end("/stats by:year\n");
    await finished;
    const path = join(imageDir, "stats.png");
    expect(written).toContain("By year\n  2024  1\n  2023  18");
    expect(written).toContain(`Chart (PNG): ${path}`);
    expect(pngHeader(readFileSync(path)).height).toBeGreaterThan(300);
  });
});
