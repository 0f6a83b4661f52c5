import { describe, expect, it } from "vitest";
import type { Region } from "../../src/data/regions.ts";
import {
  checkRate,
  decimalsOf,
  fillPeriods,
  noData,
  sumCounties,
  zeroStatus,
} from "../../src/indicators/derive.ts";
import type { Observation, Series } from "../../src/indicators/model.ts";
import { parsePeriod, periodRange, type Period } from "../../src/indicators/period.ts";

const period = (text: string): Period => {
  const parsed = parsePeriod(text);
  if (!parsed) throw new Error(`test period ${text} does not parse`);
  return parsed;
};
const months = periodRange(period("2026-07"), period("2026-10"));

/** A county series from one value per month; null is a month with no data. */
function county(
  code: string,
  name: string,
  values: readonly (number | null)[],
): {
  series: Series;
  region: Region;
} {
  const byPeriod = new Map<string, Observation>();
  values.forEach((value, i) => {
    const p = months[i];
    if (p && value !== null) byPeriod.set(p.code, { ...noData(p), value, origin: "reported" });
  });
  return {
    region: { code, name, level: "县", parent: "511100" },
    series: { regionCode: code, placeName: name, observations: fillPeriods(months, byPeriod) },
  };
}

describe("rates checked against their counts", () => {
  it("accepts 432 of 1248 stated as 34.6%", () => {
    const check = checkRate(34.6, 432, 1248);
    expect(check.agrees).toBe(true);
    expect(check.computed).toBeCloseTo(34.615, 3);
  });

  it("rejects 432 of 1248 stated as 34.5%", () => {
    expect(checkRate(34.5, 432, 1248).agrees).toBe(false);
  });

  it("holds a rate to the decimals the source wrote it with", () => {
    // 168288 ÷ 291528 = 57.726…%: 57.7 and 58 agree, 57.73 agrees, 57.72 does not.
    expect(checkRate(57.7, 168288, 291528).agrees).toBe(true);
    expect(checkRate(58, 168288, 291528).agrees).toBe(true);
    expect(checkRate(57.73, 168288, 291528).agrees).toBe(true);
    expect(checkRate(57.72, 168288, 291528).agrees).toBe(false);
  });

  it("counts the decimals a figure was written with", () => {
    expect(decimalsOf(34.6)).toBe(1);
    expect(decimalsOf(100)).toBe(0);
    expect(decimalsOf(57.73)).toBe(2);
  });
});

describe("no data is never 0", () => {
  it("leaves the city total empty when a county has not reported", () => {
    const counties = [
      county("511102", "市中区", [0, 0, 1, 0]),
      county("511111", "沙湾区", [0, null, 0, 0]),
    ];
    const totals = sumCounties(
      months,
      counties.map((c) => c.series),
    );
    expect(totals.map((o) => o.value)).toEqual([0, undefined, 1, 0]);
    expect(totals[1]?.reporting).toEqual({ reported: 1, of: 2, reportedSum: 0 });
    expect(totals[1]?.origin).toBe("none");
  });

  it("calls a month zero only when every county reported 0", () => {
    const counties = [
      county("511102", "市中区", [0, 0, 0, 0]),
      county("511111", "沙湾区", [0, 0, 0, null]),
    ];
    const headline: Series = { regionCode: "511100", placeName: "乐山市", observations: [] };
    const status = zeroStatus(months, headline, counties, "2026-10-31");
    expect(status?.state).toBe("partial");
    expect(status?.reporting).toBe(1);
    expect(status?.lastNonZero).toBeUndefined();
    expect(status?.incompletePeriods).toBe(1);
  });

  it("reports a non-zero month even when another county is missing", () => {
    const counties = [
      county("511102", "市中区", [0, 0, 0, 2]),
      county("511111", "沙湾区", [0, 0, 0, null]),
    ];
    const headline: Series = { regionCode: "511100", placeName: "乐山市", observations: [] };
    const status = zeroStatus(months, headline, counties, "2026-10-31");
    expect(status?.state).toBe("nonzero");
    expect(status?.latestReportedSum).toBe(2);
  });
});

describe("months since the last non-zero value", () => {
  it("dates the last non-zero period and counts months to the as-of date", () => {
    const counties = [
      county("511102", "市中区", [0, 1, 0, 0]),
      county("511111", "沙湾区", [3, 0, null, 0]),
    ];
    const headline: Series = { regionCode: "511100", placeName: "乐山市", observations: [] };
    const status = zeroStatus(months, headline, counties, "2026-10-31");
    expect(status?.state).toBe("zero");
    expect(status?.lastNonZero?.period.code).toBe("2026-08");
    expect(status?.lastNonZero?.placeNames).toEqual(["市中区"]);
    expect(status?.monthsSince).toBe(2);
    expect(status?.nonZeroPeriods).toBe(2);
    const [shizhong, shawan] = status?.counties ?? [];
    expect(shizhong?.monthsSince).toBe(2);
    expect(shawan?.lastNonZero?.code).toBe("2026-07");
    expect(shawan?.noDataPeriods).toBe(1);
  });

  it("has no last non-zero period when every report was 0", () => {
    const counties = [county("511102", "市中区", [0, 0, 0, 0])];
    const headline: Series = { regionCode: "511100", placeName: "乐山市", observations: [] };
    const status = zeroStatus(months, headline, counties, "2026-10-31");
    expect(status?.lastNonZero).toBeUndefined();
    expect(status?.monthsSince).toBeUndefined();
  });
});
