import type { ChartInput } from "../charts/chart-input.js";
import { renderChart } from "../charts/render-chart.js";
import type { Logger } from "../log.js";
import type { ReplyImage } from "../replies/reply.js";

/** A chart as a reply image, or none (and a log line) when it cannot be drawn: the reply's numbers still answer. */
export async function chartImage(input: ChartInput, name: string, log: Logger): Promise<ReplyImage | undefined> {
  try {
    const chart = await renderChart(input);
    return { name, mime: "image/png", data: chart.png, title: input.title, alt: chart.alt };
  } catch (error) {
    log.warn({ err: error, chart: name }, "chart could not be drawn");
    return undefined;
  }
}
