import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generous: e2e tests spawn child processes on a shared 2-core machine; a timeout only matters when something hangs.
    testTimeout: 60_000,
    hookTimeout: 20_000,
    // Child-process and loopback-server tests share two cores; keep parallelism modest.
    maxWorkers: 2,
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});
