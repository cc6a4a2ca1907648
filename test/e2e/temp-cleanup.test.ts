import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { runNode } from "../helpers/spawn.js";
import { removeTempDir, tempDir } from "../helpers/temp-dir.js";

describe("tests leave nothing in the temp directory", () => {
  it("removes the store folder a child process was given, once it has exited", async () => {
    const { stdout } = await runNode("-e", ["process.stdout.write(process.env.MSS_DB_PATH ?? '')"]);
    expect(stdout).toMatch(/mss-db-[^/]+\/mss-bot\.db$/);
    expect(existsSync(dirname(stdout))).toBe(false);
  });

  it("removes a test's temp folder on request (and every one left when the file ends)", () => {
    const dir = tempDir("mss-diff-");
    expect(existsSync(dir)).toBe(true);
    removeTempDir(dir);
    expect(existsSync(dir)).toBe(false);
  });
});
