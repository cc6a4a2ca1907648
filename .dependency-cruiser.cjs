/**
 * The layers of the house, lowest first, and the rules that keep imports
 * pointing down. `npm test` runs this (test/architecture/layers.test.ts);
 * README.md's "How the code is laid out" shows the same layers.
 *
 * A file may import its own layer (without a circle) and any layer below it.
 * Feature folders never import each other: they meet through events on the
 * ground floor (src/papers/events.ts), wired once in app/services.ts, and post
 * through one owner (src/posting/).
 */

/** [name, path pattern], lowest first. */
const LAYERS = [
  // Ground: shared words — the list model, paper records, zoned time, the delivery keys, the event bus.
  ["ground/words", "^src/papers/|^src/(log|paths)[.]ts$"],
  // Ground: the platform-neutral reply model (what is stored and rendered), what the core asks of a platform.
  ["ground/replies", "^src/replies/|^src/ports[.]ts$"],
  // Ground: SQLite and the job runner.
  ["ground/store", "^src/store/|^src/jobs/"],
  // Services every feature may use: the one posting owner (write side) and the catalog with its index (read side).
  ["services/shared", "^src/(posting|search)/"],
  // Features: each its own folder; none imports another.
  ["services/features", "^src/(sync|reading|watches|scholar|digests|charts)/"],
  // Edges: configuration and the services bag, then commands, ops, adapters, app (the wiring).
  ["edges/config", "^src/(config|services)[.]ts$"],
  ["edges/commands", "^src/commands/"],
  ["edges/ops", "^src/ops/"],
  ["edges/adapters", "^adapters/"],
  ["edges/app", "^app/"],
];

const FEATURES = "^src/(sync|reading|watches|scholar|digests|charts)/";

/**
 * Upward imports that are allowed, each type-only and with its reason (at most 8;
 * test/architecture/layers.test.ts checks both). [from, to, reason]
 */
const ALLOWED_UPWARD = [];

const exact = (file) => `^${file.replace(/[.]/g, "[.]")}$`;

/** One rule per pair of layers; a file with an allowed upward import gets its own rule that lets that one target through. */
const upward = LAYERS.flatMap(([name, path], i) =>
  LAYERS.slice(i + 1).flatMap(([higher, higherPath]) => {
    const rule = (from, pathNot) => ({
      name: `no-upward:${name}->${higher}`,
      comment: `${name} sits below ${higher}: move the shared word down, publish an event, or take a value instead`,
      severity: "error",
      from,
      to: { path: higherPath, pathNot },
    });
    const excepted = ALLOWED_UPWARD.filter(([from, to]) => new RegExp(path).test(from) && new RegExp(higherPath).test(to));
    const froms = [...new Set(excepted.map(([from]) => from))];
    return [
      rule({ path, pathNot: froms.map(exact) }, []),
      ...froms.map((from) => ({
        ...rule({ path: exact(from) }, excepted.filter(([f]) => f === from).map(([, to]) => exact(to))),
        comment: `allowed, type-only: ${excepted.filter(([f]) => f === from).map(([, to, why]) => `${to}: ${why}`).join("; ")}`,
      })),
    ];
  }),
);

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Files that import each other (even for types only) form one knot: split out what both need.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-feature-to-feature",
      comment: "Features meet through events (src/papers/events.ts, wired in app/services.ts) and post through src/posting/.",
      severity: "error",
      from: { path: FEATURES },
      to: { path: FEATURES, pathNot: "^src/$1/" },
    },
    ...upward,
  ],
  options: {
    parser: "swc",
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|dist|test|bench)/" },
  },
};
