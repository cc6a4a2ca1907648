import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/spawn.js";

describe("installing where better-sqlite3 has no prebuilt binary", () => {
  it("the Dockerfile's build stage has python3, make and a C++ compiler before npm ci", () => {
    const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");
    const build = dockerfile.slice(dockerfile.indexOf("AS build"), dockerfile.indexOf("\nFROM ", dockerfile.indexOf("AS build")));
    const install = build.split("\n").find((line) => /^RUN apt-get .*install/.test(line)) ?? "";
    for (const tool of ["python3", "make", "g++"]) expect(install.split(/\s+/), tool).toContain(tool);
    expect(build.indexOf(install)).toBeLessThan(build.indexOf("RUN npm ci"));
  });

  it("the README's Quick start says when npm install compiles SQLite, how long it takes and what it needs", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const quickStart = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("\n## ", readme.indexOf("## Quick start") + 1));
    expect(quickStart).toContain("compiles it from source");
    expect(quickStart).toMatch(/minutes/);
    expect(quickStart).toContain("C++");
    expect(quickStart).toContain("python3");
  });
});
