import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { packageRoot } from "../paths.js";
import { CHART_FONT } from "./bar-spec.js";

/** The bundled font (see data/fonts/README.md); the only font a chart is drawn with. */
export const fontFile = (): string => join(packageRoot(), "data", "fonts", "DejaVuSans.ttf");

export interface Png {
  png: Uint8Array;
  width: number;
  height: number;
}

const AnswerSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), png: z.instanceof(Uint8Array), width: z.number().int().positive(), height: z.number().int().positive() }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

/** The worker runs compiled JavaScript; from the sources (tsx, vitest) it loads them through tsx. */
function startWorker(workerData: object): Worker {
  // Its JavaScript is a few lines; the rasterizer's memory is native and not counted here.
  const options = { workerData, resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 } };
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./png-worker.js", import.meta.url), options);
  const entry = JSON.stringify(new URL("./png-worker.ts", import.meta.url).href);
  return new Worker(`import { register } from "tsx/esm/api"; register(); await import(${entry});`, { ...options, eval: true });
}

/**
 * An SVG as a PNG with resvg (a prebuilt binary from npm, no compiler), drawn
 * `scale` times larger for sharp text on high-density screens. System fonts
 * are never loaded: the same text looks the same on every machine. It runs in
 * a worker of its own that ends with the PNG (see png-worker.ts for why).
 */
export function renderPng(svg: string, scale: number): Promise<Png> {
  const font = fontFile();
  if (!existsSync(font)) return Promise.reject(new Error(`chart font missing: ${font} (it ships in data/fonts)`));
  return new Promise((resolve, reject) => {
    const worker = startWorker({ svg, fontFile: font, fontFamily: CHART_FONT, scale });
    let settle: (() => void) | undefined;
    const finish = (outcome: () => void) => {
      if (settle) return;
      settle = outcome;
      void worker.terminate();
    };
    worker.once("message", (message: unknown) => {
      const answer = AnswerSchema.safeParse(message);
      if (!answer.success) finish(() => reject(new Error("the PNG renderer gave an answer that is not an image")));
      else if (answer.data.ok) {
        const { png, width, height } = answer.data;
        finish(() => resolve({ png, width, height }));
      } else {
        const why = answer.data.message;
        finish(() => reject(new Error(`the PNG renderer failed: ${why}`)));
      }
    });
    worker.once("error", (error) => finish(() => reject(new Error(`the PNG renderer failed: ${error.message}`))));
    worker.once("exit", (code) => (settle ?? (() => reject(new Error(`the PNG renderer stopped (exit code ${code}) without an image`))))());
  });
}
