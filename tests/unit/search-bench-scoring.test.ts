import { describe, expect, test } from "vitest";
import { mean, median, scoreQuery } from "../../scripts/search-bench/scoring.ts";

describe("scoring the search benchmark", () => {
  test("counts right answers in the first ten against those there could be", () => {
    const expected = Array.from({ length: 12 }, (_, i) => `/e/${i}/`);
    const shown = [...expected.slice(0, 9), "/other/"];
    expect(scoreQuery(expected, shown)).toEqual({ recall: 0.9, precision: 0.9, wrong: 1 });
  });

  test("gives a query that should find nothing no recall, and counts what it shows as wrong", () => {
    expect(scoreQuery([], [])).toEqual({ recall: undefined, precision: undefined, wrong: 0 });
    expect(scoreQuery([], ["/x/"])).toEqual({ recall: undefined, precision: 0, wrong: 1 });
  });

  test("averages only defined scores and takes the middle of the latencies", () => {
    expect(mean([1, undefined, 0.5])).toBe(0.75);
    expect(mean([undefined])).toBeUndefined();
    expect(median([30, 10, 20, 40])).toBe(25);
  });
});
