// Runs an entry point of app/: in a checkout, the TypeScript sources bundled
// once into a cached file (see source-bundle.js), or through tsx when that
// cannot be built, so `npm start` and `npx mss-bot` need no build step; the
// compiled JavaScript in dist/ where there is no source (the production image).
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { sourceBundle } from "./source-bundle.js";

export async function runEntry(name) {
  const source = fileURLToPath(new URL(`../app/${name}.ts`, import.meta.url));
  if (existsSync(source)) {
    const bundle = await sourceBundle(name);
    if (bundle) {
      await import(bundle);
      return;
    }
    try {
      const { register } = await import("tsx/esm/api");
      register();
      await import(pathToFileURL(source).href);
      return;
    } catch (error) {
      if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("tsx")) throw error;
    }
  }
  await import(new URL(`../dist/app/${name}.js`, import.meta.url).href);
}
