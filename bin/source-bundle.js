// Starting from TypeScript source through tsx's loader costs seconds: every
// module, ours and every package file, goes through the loader thread. This
// bundles an entry point of app/ with esbuild (which tsx already brings) into
// one cached ESM file: our sources plus the pure-JavaScript packages the
// start-up path needs; every other package stays an ordinary import. The
// cache is keyed by the content of the sources and the lockfile, so an edit
// (and of this file) rebuilds it on the next start. `import.meta.url` in a source file keeps
// meaning that file. Returns undefined when esbuild is not installed or the
// build fails; the caller then runs the sources through tsx as before.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, existsSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SOURCE_DIRS = ["src", "adapters", "app"];
const CACHE = join(ROOT, "node_modules", ".cache", "mss-bot");
// Pure ESM/JS packages that are safe to inline, with everything they import.
const INLINE = ["zod", "fuse.js", "mdast-util-from-markdown", "mdast-util-gfm", "mdast-util-to-string", "micromark-extension-gfm"];

function sourceFiles(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|mts|js|mjs|json)$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

function cacheKey(name) {
  const hash = createHash("sha256").update(`${process.version}\0${name}\0`);
  const inputs = [fileURLToPath(import.meta.url), join(ROOT, "package.json"), join(ROOT, "package-lock.json")];
  for (const file of [...SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d))), ...inputs]) {
    if (!existsSync(file)) continue;
    hash.update(relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

const inNodeModules = (path) => path.split(sep).includes("node_modules");
const packageOf = (specifier) => (specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]);

const plugin = {
  name: "mss-bot-start",
  setup(build) {
    // Our sources: import.meta.url stays the source file's own URL.
    build.onLoad({ filter: /\.(ts|mts)$/ }, (args) => {
      if (inNodeModules(args.path)) return undefined;
      const url = JSON.stringify(pathToFileURL(args.path).href);
      const contents = readFileSync(args.path, "utf8")
        .replace(/\bimport\.meta\.url\b/g, url)
        .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(args.path))
        .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(dirname(args.path)));
      return { contents, loader: "ts", resolveDir: dirname(args.path) };
    });
    // Packages: inline the listed pure ones (and what they import), import every other one at run time.
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      const fromPackage = inNodeModules(args.importer);
      if (fromPackage || INLINE.includes(packageOf(args.path))) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** The URL of the bundled entry `app/<name>.ts`, built now if the sources changed; undefined when it cannot be built. */
export async function sourceBundle(name) {
  const entry = join(ROOT, "app", `${name}.ts`);
  const file = join(CACHE, `${name}-${cacheKey(name)}.mjs`);
  if (existsSync(file)) return pathToFileURL(file).href;
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    return undefined;
  }
  try {
    mkdirSync(CACHE, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await esbuild.build({
      entryPoints: [entry],
      outfile: temporary,
      bundle: true,
      format: "esm",
      platform: "node",
      target: `node${process.versions.node.split(".")[0]}`,
      logLevel: "silent",
      // CommonJS packages bundled into ESM still call require().
      banner: { js: 'import { createRequire as __mssRequire } from "node:module"; const require = __mssRequire(import.meta.url);' },
      plugins: [plugin],
    });
    renameSync(temporary, file);
    for (const old of readdirSync(CACHE)) {
      if (old.startsWith(`${name}-`) && join(CACHE, old) !== file && !old.endsWith(".tmp")) rmSync(join(CACHE, old), { force: true });
    }
    return pathToFileURL(file).href;
  } catch {
    return undefined;
  }
}
