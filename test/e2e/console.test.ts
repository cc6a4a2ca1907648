import { describe, expect, it } from "vitest";
import { runNode } from "../helpers/spawn.js";

describe("npm start with no tokens: the console adapter", () => {
  it("answers /paper AlpaServe with the card and exits cleanly on end of input", async () => {
    const { code, stdout } = await runNode("bin/start.js", [], { input: "/paper AlpaServe\n" });
    expect(code).toBe(0);
    // The bundled metadata snapshot gives the full title and authors with no network.
    expect(stdout).toContain(
      "AlpaServe (OSDI 2023)\n  Title:      AlpaServe: Statistical Multiplexing with Model Parallelism for Deep Learning Serving\n  Authors:    Zhuohan Li, Lianmin Zheng, Yinmin Zhong et al. (11 authors)\n  Reporter:   XiaoKai\n  Paper:      https://www.usenix.org/system/files/osdi23-li-zhuohan.pdf",
    );
    expect(stdout).toContain("  Abstract:\n    Model parallelism is conventionally viewed as a method to scale a single");
  });

  it("says which variables switch Discord and Slack on", async () => {
    const { stdout } = await runNode("bin/start.js", [], { input: "" });
    expect(stdout).toContain("25 papers from the bundled list");
    expect(stdout).toContain("DISCORD_TOKEN");
    expect(stdout).toContain("SLACK_BOT_TOKEN");
  });

  it("shows help, picks from a pick-list by number, reports bad input, and stops at /quit", async () => {
    const { code, stdout } = await runNode("bin/start.js", [], { input: "/help\n/paper serve\n2\n/papers year:1066\n/quit\n/paper Sia\n" });
    expect(code).toBe(0);
    expect(stdout).toContain("/papers [venue:VENUE]");
    expect(stdout).toContain('2 papers match "serve". Pick one:');
    expect(stdout).toMatch(/Pick one:[\s\S]*AlpaServe \(OSDI 2023\)\n  Title:      AlpaServe: Statistical Multiplexing/);
    expect(stdout).toContain("Error: /papers: year: must be a year like 2023");
    expect(stdout).not.toContain("Sia (SOSP 2023)");
  });

  it("stops with exit code 2 and names the variable when the configuration is wrong", async () => {
    const { code, stderr } = await runNode("bin/start.js", [], { env: { MSS_TZ: "Nowhere/Land" } });
    expect(code).toBe(2);
    expect(stderr).toContain("MSS_TZ must be an IANA time zone");
  });
});
