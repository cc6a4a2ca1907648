import { describe, expect, it } from "vitest";
import { editDistance } from "../../src/search/edit-distance.js";
import { SubstringMatcher } from "../../src/search/substring-distance.js";
import { TypoDistance } from "../../src/search/typo-distance.js";

/** Full dynamic-programming references, written for clarity rather than speed. */
function osaReference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

function substringReference(pattern: string, text: string): number {
  let prev = Array.from({ length: text.length + 1 }, () => 0);
  for (let i = 1; i <= pattern.length; i++) {
    const row = [i];
    for (let j = 1; j <= text.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1)));
    prev = row;
  }
  return Math.min(...prev);
}

function randomStrings(seed: number, alphabet: string) {
  let state = seed;
  const next = () => ((state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
  return (maxLength: number, minLength = 0) => Array.from({ length: minLength + Math.floor(next() * (maxLength - minLength + 1)) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
}

describe("edit distance with transpositions, cut off at a budget", () => {
  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("sai", "sia", 2)).toBe(1);
    expect(editDistance("kiaros", "kairos", 2)).toBe(1);
    expect(editDistance("shepard", "shepherd", 2)).toBe(2);
    expect(editDistance("alpaserve", "alpaserve", 0)).toBe(0);
  });

  it("agrees with the full table whenever the distance is within the budget, and says budget+1 otherwise", () => {
    const random = randomStrings(11, "abcab");
    for (let n = 0; n < 20_000; n++) {
      const [a, b, max] = [random(10), random(10), n % 4];
      const reference = osaReference(a, b);
      expect(editDistance(a, b, max)).toBe(reference <= max ? reference : max + 1);
    }
  });
});

describe("the least edits from a pattern to a substring of a text (bit-parallel)", () => {
  it("is zero for a substring and counts the edits otherwise", () => {
    expect(new SubstringMatcher("serve").distanceIn("alpaserve")).toBe(0);
    expect(new SubstringMatcher("sevre").distanceIn("spotserve")).toBe(2);
    expect(new SubstringMatcher("xyz").distanceIn("")).toBe(3);
    expect(new SubstringMatcher("漢字").distanceIn("a漢b字")).toBe(1);
  });

  it("agrees with the dynamic-programming table for patterns up to 32 characters, unicode included", () => {
    const random = randomStrings(5, "abcde é漢");
    for (let n = 0; n < 20_000; n++) {
      const pattern = random(32, 1);
      const text = random(40);
      expect(new SubstringMatcher(pattern).distanceIn(text)).toBe(substringReference(pattern, text));
    }
  });

  it("refuses an empty pattern or one longer than 32 characters", () => {
    expect(() => new SubstringMatcher("")).toThrow(RangeError);
    expect(() => new SubstringMatcher("a".repeat(33))).toThrow(RangeError);
  });
});

describe("the bit-parallel distance with transpositions, one pattern against many names", () => {
  it("agrees with the full table whenever the distance is within the budget, and says budget+1 otherwise, unicode included", () => {
    const random = randomStrings(17, "abcab é漢");
    for (let n = 0; n < 30_000; n++) {
      const [a, b, max] = [random(32, 1), random(34), n % 5];
      const reference = osaReference(a, b);
      expect({ a, b, max, d: new TypoDistance(a).to(b, max) }).toEqual({ a, b, max, d: reference <= max ? reference : max + 1 });
    }
  });

  it("counts a swap of neighbours as one edit, and measures up to the whole 32-character word", () => {
    expect(new TypoDistance("sai").to("sia", 2)).toBe(1);
    expect(new TypoDistance("kiaros").to("kairos", 2)).toBe(1);
    expect(new TypoDistance("a".repeat(32)).to("a".repeat(31) + "b", 1)).toBe(1);
    for (const [a, b] of [["ab".repeat(16), "ba".repeat(16)], ["abcd".repeat(8), "bacd".repeat(8)], ["x".repeat(32), ""]] as const) {
      expect(new TypoDistance(a).to(b, 40)).toBe(osaReference(a, b));
    }
    expect(new TypoDistance("abcd".repeat(8)).to("bacd".repeat(8), 40)).toBe(8);
  });
});
