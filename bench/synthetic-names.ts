import type { Prng } from "./prng.js";

// Shared syllables and suffixes, so that many names start alike and end alike
// ("SpotServe", "SpotFlow", "AlpaServe"), as in the real list.
const HEADS = [
  "Alpa", "Spot", "Tap", "Kai", "Exo", "Hex", "Delta", "Mo", "Pun", "Gil", "Hy", "Con", "Comp", "Shep", "Coc",
  "Ada", "Sia", "Atom", "Orca", "Clip", "Lumen", "Flex", "Hydra", "Nimbus", "Vela", "Quill", "Bolt", "Rapid",
  "Turbo", "Swift", "Tensor", "Splice", "Mega", "Nano", "Giga", "Zeta", "Sky", "Cloud", "Edge", "Fleet", "Aqua",
  "Astra", "Echo", "Nova", "Pico", "Orion", "Luna", "Terra", "Vortex", "Apex", "Prism", "Sigma", "Omni", "Paged",
  "Sara", "Llum", "Dist", "Moon", "Ray", "Spark", "Glint", "Jolt", "Kite", "Lark", "Mira", "Nexa", "Opal", "Pulse",
  "Rune", "Sage", "Tide", "Umbra", "Vita", "Wren", "Yara", "Brio", "Cinder", "Dune", "Ember", "Fable",
];
const MIDDLES = ["lo", "ra", "ti", "ve", "mi", "no", "ka", "ro", "zu", "da", "fin", "ser"];
const SUFFIXES = [
  "Serve", "Flow", "Infer", "Sched", "Zip", "Gen", "Cache", "Tune", "Batch", "Scale", "Shard", "Pipe", "Spec",
  "LLM", "Run", "Boost", "Fuse", "Mesh", "Stream", "Quant", "Route", "Swap", "Load", "Cast", "Stack", "Core",
  "Graph", "Train", "Store", "Net", "Finger", "Serving", "Offload", "Kernel",
];

/** The words of a camel-case name, in order: ["Spot", "Serve"]. */
export type NameParts = string[];

/** A plausible system name in one of the list's styles: SpotServe, DELTAZIP, iGniter, CBA/AutoCBA. */
export function syntheticName(rng: Prng): { name: string; words: NameParts } {
  const words: string[] = [rng.pick(HEADS)];
  const second = rng.next();
  if (second < 0.25) words[0] += rng.pick(MIDDLES);
  else if (second < 0.55) words.push(rng.pick(HEADS));
  if (rng.chance(0.85)) words.push(rng.pick(SUFFIXES));
  const camel = words.join("");
  const style = rng.next();
  if (style < 0.08) return { name: camel.toUpperCase(), words };
  if (style < 0.12) return { name: camel.charAt(0).toLowerCase() + camel.charAt(1).toUpperCase() + camel.slice(2), words };
  if (style < 0.17 && words.length >= 2) {
    // An acronym and its long form, like CBA/AutoCBA.
    const acronym = words.map((w) => w.charAt(0).toUpperCase()).join("") + rng.pick(["", "X", "R", "S", "2"]);
    return { name: `${acronym}/${camel}`, words };
  }
  if (style < 0.19 && words.length >= 2) return { name: `${camel} (${words[0]}${rng.pick(SUFFIXES)})`, words };
  return { name: camel, words };
}
