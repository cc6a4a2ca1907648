import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EnvSchema, parseConfig } from "../src/config.js";
import { ROOT } from "./helpers/spawn.js";

const example = readFileSync(`${ROOT}/.env.example`, "utf8");
const assignments = Object.fromEntries(
  example
    .split("\n")
    .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
    .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
);

describe(".env.example", () => {
  it("lists exactly the variables of the config schema", () => {
    expect(Object.keys(assignments).sort()).toEqual(Object.keys(EnvSchema.shape).sort());
  });

  it("documents each variable with a comment above it", () => {
    const lines = example.split("\n");
    for (const name of Object.keys(assignments)) {
      const at = lines.findIndex((l) => l.startsWith(`${name}=`));
      expect(lines[at - 1], name).toMatch(/^# /);
    }
  });

  it("is a valid configuration as it stands, giving the documented defaults", () => {
    const fromExample = parseConfig(assignments);
    const fromNothing = parseConfig({});
    expect(fromExample).toEqual(fromNothing);
  });
});
