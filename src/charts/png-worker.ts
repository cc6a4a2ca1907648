// The PNG stage of one chart, in a worker thread of its own (started by
// render-png.ts in the chart worker): resvg-js keeps a render's native memory
// (the pixmap, the font database) until V8 collects the JavaScript object
// holding it, which V8 does late because it does not see that memory; a worker
// that ends after one PNG gives it all back at once.
import { parentPort, workerData } from "node:worker_threads";
import { Resvg } from "@resvg/resvg-js";

interface PngJob {
  svg: string;
  fontFile: string;
  fontFamily: string;
  scale: number;
}

const job = workerData as PngJob;
try {
  const image = new Resvg(job.svg, {
    font: { loadSystemFonts: false, fontFiles: [job.fontFile], defaultFontFamily: job.fontFamily, sansSerifFamily: job.fontFamily },
    fitTo: { mode: "zoom", value: job.scale },
    background: "white",
  }).render();
  // A copy the worker owns, so its buffer can be moved out.
  const png = new Uint8Array(image.asPng());
  parentPort?.postMessage({ ok: true, png, width: image.width, height: image.height }, [png.buffer]);
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
