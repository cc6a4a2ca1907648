import type { TopLevelSpec } from "vega-lite";

type Libraries = [typeof import("vega"), typeof import("vega-lite")];
let libraries: Promise<Libraries> | undefined;

// Loaded on the first chart, not at start-up: the bot that never draws one never pays for them.
const load = (): Promise<Libraries> => (libraries ??= Promise.all([import("vega"), import("vega-lite")]));

const refuse = (): Promise<never> => Promise.reject(new Error("charts load no data, files or URLs"));

/**
 * A Vega-Lite spec as an SVG document, headless (Vega's own SVG writer, no
 * canvas, no browser). The spec carries its data inline; the loader refuses
 * anything else. Vega escapes every text it writes, so labels stay text.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await load();
  const quiet = vega.logger(vega.None);
  const { spec: compiled } = vegaLite.compile(spec, { logger: quiet });
  const loader = { ...vega.loader(), load: refuse, sanitize: refuse, http: refuse, file: refuse };
  const view = new vega.View(vega.parse(compiled), { renderer: "none", loader, logger: quiet });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
