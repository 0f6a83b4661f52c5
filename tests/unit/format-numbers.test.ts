import { describe, expect, test } from "vitest";
import {
  formatCount,
  formatDays,
  formatShare,
  percentOf,
  percentValue,
} from "../../src/format/numbers.ts";

describe("one way to write a number", () => {
  test("rounds a rate half up on the exact fraction of its counts", () => {
    // 204/245 = 83.2653…%: truncating gave 83.2% on some pages and rounding 83.3% on others.
    expect(percentOf(204, 245)).toBe("83.3%");
    expect(percentValue(204, 245)).toBe(83.3);
    // Exactly half a tenth rounds up: 1/16 = 6.25%, 1/8000 = 0.0125%.
    expect(percentOf(1, 16)).toBe("6.3%");
    expect(percentOf(1, 8000)).toBe("0.0%");
    expect(percentOf(3, 8000)).toBe("0.0%");
    expect(percentOf(5, 8000)).toBe("0.1%");
    expect(percentOf(66, 80)).toBe("82.5%");
    expect(percentOf(10, 10)).toBe("100.0%");
    expect(percentOf(0, 7)).toBe("0.0%");
  });

  test("never calls a rate with nothing to divide by 0%", () => {
    expect(percentOf(0, 0)).toBe("—");
    expect(percentValue(0, 0)).toBeUndefined();
    expect(formatShare(undefined)).toBe("—");
    expect(formatShare(Number.NaN)).toBe("—");
  });

  test("rounds a share known only as a number the same way, without binary noise", () => {
    expect(formatShare(0.8325)).toBe("83.3%");
    expect(formatShare(0.0625)).toBe("6.3%");
    expect(formatShare(204 / 245)).toBe(percentOf(204, 245));
    expect(formatShare(1)).toBe("100.0%");
    expect(formatShare(0.875)).toBe("87.5%");
  });

  test("groups counts by thousands and writes days as whole or half days", () => {
    expect([0, 999, 1000, 1234567, -4002].map(formatCount)).toEqual([
      "0",
      "999",
      "1,000",
      "1,234,567",
      "-4,002",
    ]);
    expect(formatDays(41)).toBe("41");
    expect(formatDays(40.5)).toBe("40.5");
    expect(formatDays(undefined)).toBe("—");
  });
});
