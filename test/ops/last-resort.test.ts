import { describe, expect, it } from "vitest";
import { runNode } from "../helpers/spawn.js";

const child = (mode: string) => runNode("--import", ["tsx", "test/fixtures/last-resort-child.ts"], { env: { MODE: mode }, timeoutMs: 30_000 });
const lines = (stdout: string) => stdout.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as { level: number; msg: string; err?: { message: string } });

describe("the process's last-resort handlers", () => {
  it("logs an unhandled rejection and keeps serving instead of dying", async () => {
    const { code, stdout } = await child("rejection");
    expect(code).toBe(0);
    expect(stdout).toContain("still serving");
    expect(lines(stdout)).toEqual([expect.objectContaining({ level: 50, msg: "unhandled promise rejection; the bot keeps running", err: expect.objectContaining({ message: "a background call failed" }) })]);
  }, 40_000);

  it("logs an uncaught exception as fatal, stops the bot cleanly and exits 1", async () => {
    const { code, stdout } = await child("exception");
    expect(code).toBe(1);
    expect(lines(stdout)).toEqual([expect.objectContaining({ level: 60, msg: "uncaught exception; stopping the bot cleanly and exiting", err: expect.objectContaining({ message: "a handler threw" }) })]);
    expect(stdout).toContain("stopped cleanly");
  }, 40_000);
});
