import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { posix } from "node:path";
import { fileURLToPath } from "node:url";
import { parseSync } from "@swc/core";
import { describe, expect, it } from "vitest";

/**
 * The layering rule of README.md's "How the code is laid out", as written in
 * .dependency-cruiser.cjs: no import circles, no import from a lower layer into
 * a higher one, no feature folder importing another, save the few type-only
 * upward imports the config lists with their reasons.
 */

const require = createRequire(import.meta.url);
const CRUISER = fileURLToPath(new URL("../../node_modules/dependency-cruiser/bin/dependency-cruise.mjs", import.meta.url));

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: { name: string }[];
}

interface Rule {
  name: string;
  comment: string;
  from: { path: string };
  to: { pathNot?: string[] };
}

function cruise(): Violation[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [CRUISER, "src", "app", "adapters", "--config", ".dependency-cruiser.cjs", "--output-type", "json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    // depcruise exits non-zero when it finds violations; its report is still on stdout.
    out = (error as { stdout?: string }).stdout ?? "";
    if (!out) throw error;
  }
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

/** [from, to] of every upward import the config lets through. */
function allowedUpward(): [string, string][] {
  const rules = (require("../../.dependency-cruiser.cjs") as { forbidden: Rule[] }).forbidden;
  const unescape = (pattern: string) => pattern.replace(/^\^/, "").replace(/\$$/, "").replace(/\[\.\]/g, ".");
  return rules.filter((r) => r.comment.startsWith("allowed, type-only:")).flatMap((r) => (r.to.pathNot ?? []).map((to): [string, string] => [unescape(r.from.path), unescape(to)]));
}

/** Whether every import of `to` in `from` is `import type` (or names only types). */
function typeOnly(from: string, to: string): boolean {
  const module = parseSync(readFileSync(from, "utf8"), { syntax: "typescript" });
  const names = (item: (typeof module.body)[number]) =>
    (item.type === "ImportDeclaration" || item.type === "ExportNamedDeclaration" || item.type === "ExportAllDeclaration") && item.source
      ? posix.join(posix.dirname(from), item.source.value).replace(/\.js$/, ".ts") === to
      : false;
  const imports = module.body.filter(names);
  return (
    imports.length > 0 &&
    imports.every((item) => item.type === "ImportDeclaration" && (item.typeOnly || (item.specifiers.length > 0 && item.specifiers.every((s) => s.type === "ImportSpecifier" && s.isTypeOnly))))
  );
}

describe("the layers (.dependency-cruiser.cjs)", () => {
  it("has no import circle, no upward import and no feature importing another", () => {
    const violations = cruise().map((v) => `${v.rule.name}: ${v.from} -> ${v.to}${v.cycle ? ` (circle: ${v.cycle.map((c) => c.name).join(" > ")})` : ""}`);
    expect(violations).toEqual([]);
  });

  it("lets through at most 8 upward imports, each type-only", () => {
    const allowed = allowedUpward();
    expect(allowed.length).toBeLessThanOrEqual(8);
    for (const [from, to] of allowed) expect({ from, to, typeOnly: typeOnly(from, to) }).toEqual({ from, to, typeOnly: true });
  });
});
