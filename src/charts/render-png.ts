import { existsSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths.js";
import { CHART_FONT } from "./bar-spec.js";

/** The bundled font (see data/fonts/README.md); the only font a chart is drawn with. */
export const fontFile = (): string => join(packageRoot(), "data", "fonts", "DejaVuSans.ttf");

export interface Png {
  png: Uint8Array;
  width: number;
  height: number;
}

/**
 * An SVG as a PNG with resvg (a prebuilt binary from npm, no compiler),
 * drawn `scale` times larger for sharp text on high-density screens. System
 * fonts are never loaded: the same text looks the same on every machine.
 */
export async function renderPng(svg: string, scale: number): Promise<Png> {
  const font = fontFile();
  if (!existsSync(font)) throw new Error(`chart font missing: ${font} (it ships in data/fonts)`);
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [font], defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
    fitTo: { mode: "zoom", value: scale },
    background: "white",
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
