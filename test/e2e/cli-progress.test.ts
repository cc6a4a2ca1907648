import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../../app/cli/main.js";
import { tempDbPath } from "../helpers/spawn.js";
import { closedPort } from "../helpers/closed-port.js";

afterEach(() => vi.unstubAllEnvs());

/** runCli in this process, as bin/mss-bot.js calls it, with stderr a terminal or not. */
async function sync(terminal: boolean) {
  let out = "";
  let err = "";
  const code = await runCli(["sync"], { terminal, out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe("mss-bot sync against an upstream that cannot answer", () => {
  it("fails at once on a refused connection, and on a terminal says what it waited for, one line per attempt", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/list.md`;
    vi.stubEnv("MSS_UPSTREAM_URL", url);
    vi.stubEnv("MSS_DB_PATH", tempDbPath());
    const onTerminal = await sync(true);
    expect(onTerminal.code).toBe(1);
    const waiting = onTerminal.err.split("\n").filter((l) => l.startsWith("reading "));
    expect(waiting).toEqual([`reading ${url} (attempt 1 of 4, waiting up to 15 s for an answer)…`]);
    expect(onTerminal.err).toContain("error: Could not read the upstream list: connection refused: nothing is listening there (ECONNREFUSED)");
    const piped = await sync(false);
    expect(piped.code).toBe(1);
    expect(piped.err).not.toContain("waiting up to");
  });
});
