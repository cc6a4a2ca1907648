import { writeFile } from "node:fs/promises";
import type { Reply, ReplyImage } from "../../src/replies/reply.js";
import { badInput, cannotWrite, CliFailure } from "./io.js";

/** `--chart FILE` or `--chart=FILE` anywhere among a chat command's words: where to write the reply's chart. */
export function takeChartFlag(words: string[]): { chart: string | undefined; words: string[] } {
  const rest: string[] = [];
  let chart: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const inline = /^--chart=(.*)$/.exec(word);
    if (word !== "--chart" && !inline) {
      rest.push(word);
      continue;
    }
    if (chart !== undefined) throw badInput("--chart is given more than once; give it once");
    const value = inline ? inline[1] : words[++i];
    if (!value || value.startsWith("--")) throw badInput("--chart needs a file name, e.g. --chart stats.png");
    chart = value;
  }
  return { chart, words: rest };
}

const imageOf = (reply: Reply): ReplyImage | undefined => (reply.kind === "info" ? reply.image : undefined);

/**
 * Writes the reply's chart to `file` and returns the line that says so; no
 * result (exit 1) when there was nothing to draw (no session yet), bad input
 * for a command that never draws one.
 */
export async function writeChart(reply: Reply, command: string, file: string): Promise<string> {
  const image = imageOf(reply);
  if (!image && reply.kind === "notice") throw new CliFailure("not-found", `no chart to write: ${reply.text}`);
  if (!image) throw badInput(`${command} draws no chart; --chart works with stats and reading stats`);
  try {
    await writeFile(file, image.data);
  } catch (error) {
    throw cannotWrite(file, error);
  }
  return `Wrote the chart to ${file} (PNG, ${image.data.byteLength} bytes)`;
}

/** A reply for --json: a chart's bytes become their size (the counts are in the sections, the PNG in --chart's file). */
export function jsonReply(reply: Reply): unknown {
  const image = imageOf(reply);
  if (!image || reply.kind !== "info") return reply;
  const { data, ...described } = image;
  return { ...reply, image: { ...described, bytes: data.byteLength } };
}
