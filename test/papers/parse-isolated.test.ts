import { describe, expect, it } from "vitest";
import { ListParseError, parseList } from "../../src/papers/index.js";
import { parseListIsolated } from "../../src/papers/parse-isolated.js";
import { bundledText } from "../helpers/bundled.js";

describe("reading an upstream list in a worker thread", () => {
  it("reads the list exactly as parseList does", async () => {
    expect(await parseListIsolated(bundledText())).toEqual(parseList(bundledText()));
  });

  it("refuses what parseList refuses, with the same reason", async () => {
    await expect(parseListIsolated("<!DOCTYPE html><html><body>502</body></html>")).rejects.toThrow(new ListParseError("the list is an HTML page, not markdown (an error page?)"));
  });

  it("refuses a list whose reading needs more memory than allowed, and the bot goes on", async () => {
    const table = `| Scheduler | Year |\n| --- | --- |\n${"| Paper | 2024 |\n".repeat(250_000)}`;
    await expect(parseListIsolated(table, { timeoutMs: 60_000, maxHeapMb: 48 })).rejects.toThrow(/needed more than 48 MB/);
    expect((await parseListIsolated(bundledText())).papers).toHaveLength(25);
  });

  it("refuses a list whose reading takes longer than allowed", async () => {
    await expect(parseListIsolated("![".repeat(2_000_000), { timeoutMs: 500, maxHeapMb: 512 })).rejects.toThrow(/took longer than 0.5 s/);
  });
});
