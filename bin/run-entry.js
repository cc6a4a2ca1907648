// Runs an entry point of app/: the TypeScript source through tsx in a checkout
// (so `npm start` and `npx mss-bot` need no build step), the compiled
// JavaScript in dist/ where there is no source (the production image).
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

export async function runEntry(name) {
  const source = fileURLToPath(new URL(`../app/${name}.ts`, import.meta.url));
  if (existsSync(source)) {
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
