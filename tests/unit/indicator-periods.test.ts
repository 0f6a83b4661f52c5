import { describe, expect, it } from "vitest";
import {
  formatPeriod,
  monthsSince,
  parsePeriod,
  periodRange,
  periodsSpan,
  type Period,
} from "../../src/indicators/period.ts";

const period = (text: string): Period => {
  const parsed = parsePeriod(text);
  if (!parsed) throw new Error(`test period ${text} does not parse`);
  return parsed;
};

describe("indicator periods", () => {
  it("reads a year, a month and a quarter", () => {
    expect(parsePeriod("2021")).toEqual({ code: "2021", kind: "year", year: 2021 });
    expect(parsePeriod("2021-03")).toEqual({ code: "2021-03", kind: "month", year: 2021, part: 3 });
    expect(parsePeriod("2021-Q1")).toEqual({
      code: "2021-Q1",
      kind: "quarter",
      year: 2021,
      part: 1,
    });
  });

  it.each(["2021-13", "2021-00", "2021-3", "2021-Q5", "2021Q1", "21-03", "2021-q1", "2021年", ""])(
    "rejects %j",
    (text) => {
      expect(parsePeriod(text)).toBeUndefined();
    },
  );

  it("reads periods the way Chinese readers write them", () => {
    expect(formatPeriod(period("2021"))).toBe("2021年");
    expect(formatPeriod(period("2021-03"))).toBe("2021年3月");
    expect(formatPeriod(period("2021-Q4"))).toBe("2021年第四季度");
  });

  it("counts months since a period from its last month to the as-of month", () => {
    expect(monthsSince(period("2026-10"), "2026-10-31")).toBe(0);
    expect(monthsSince(period("2025-07"), "2026-10-31")).toBe(15);
    expect(monthsSince(period("2026-Q2"), "2026-10-01")).toBe(4);
    expect(monthsSince(period("2025"), "2026-10-31")).toBe(10);
  });

  it("fills every period between the first and the last, so gaps stay visible", () => {
    const codes = (first: string, last: string) =>
      periodRange(period(first), period(last)).map((p) => p.code);
    expect(codes("2015", "2018")).toEqual(["2015", "2016", "2017", "2018"]);
    expect(codes("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(codes("2025-Q4", "2026-Q1")).toEqual(["2025-Q4", "2026-Q1"]);
  });
});

describe("the span of a set of periods", () => {
  it("runs from the first day of the earliest to the last day of the latest, leap days included", () => {
    expect(periodsSpan(["2024-02", "2021-Q1", "2022"].map(period))).toEqual({
      start: "2021-01-01",
      end: "2024-02-29",
    });
    expect(periodsSpan(["2025-Q4"].map(period))).toEqual({
      start: "2025-10-01",
      end: "2025-12-31",
    });
    expect(periodsSpan([])).toBeUndefined();
  });
});
