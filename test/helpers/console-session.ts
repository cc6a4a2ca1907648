import { PassThrough, Writable } from "node:stream";
import { runConsoleChat } from "../../adapters/console/console-chat.js";
import type { Services } from "../../src/services.js";

/** Types each line into the console chat of these services (charts written to `imageDir` when given); returns everything it printed. */
export async function consoleSession(services: Services, lines: readonly string[], options: { imageDir?: string } = {}): Promise<string> {
  let written = "";
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  const input = new PassThrough();
  const finished = runConsoleChat({ services, input, output, prompt: false, ...options });
  input.end(lines.map((line) => `${line}\n`).join(""));
  await finished;
  return written;
}
