import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsoleChat } from "../../adapters/console/console-chat.js";
import { testServices } from "../helpers/bundled.js";

async function chat(typed: string): Promise<string> {
  let written = "";
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  const input = new PassThrough();
  const finished = runConsoleChat({ services: testServices(), input, output, prompt: true });
  input.end(typed);
  await finished;
  return written;
}

describe("the console chat at a terminal", () => {
  it("ends its last line when the input ends (Ctrl-D), so the shell's prompt starts on its own line", async () => {
    const written = await chat("/software\n");
    // readline moves the cursor after the prompt (ESC [6G); the newline comes after it.
    expect(written).toMatch(/mss> (\u001b\[\d+G)?\n$/);
  });

  it("adds nothing after /quit, whose Enter already ended the line", async () => {
    const written = await chat("/quit\n");
    expect(written.endsWith("/quit\r\n")).toBe(true);
  });
});
