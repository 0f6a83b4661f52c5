import { rateAgrees } from "../data/plausibility.ts";
import type { Region } from "../data/regions.ts";
import type {
  CountyZeroStatus,
  IndicatorSource,
  Observation,
  Series,
  ZeroState,
  ZeroStatus,
} from "./model.ts";
import { monthsSince } from "./period.ts";
import type { Period } from "./period.ts";

/**
 * Derivations over indicator values, computed once here and never again in a page: rates
 * from counts, city totals from county values, and where a zero target stands. The rule
 * throughout: an empty value is no data; it is never drawn, summed or counted as 0.
 */

/** Places a computed rate is kept to (and plotted, tabled and downloaded with). */
export const RATE_DECIMALS = 2;

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Decimal places a figure was written with: 34.6 → 1, 100 → 0. */
export function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf(".");
  return dot < 0 || text.includes("e") ? 0 : text.length - dot - 1;
}

export interface RateCheck {
  /** numerator ÷ denominator × 100, unrounded. */
  computed: number;
  /** The stated rate equals the computed one rounded to the stated rate's decimals. */
  agrees: boolean;
}

/**
 * Checks a rate a source states against the counts it gives with it: 432 of 1248 is
 * 34.615…%, which a source writing one decimal rounds to 34.6. Agreement means the stated
 * rate is within half a unit of its last decimal of the computed one (a tiny epsilon
 * absorbs binary floating point: 0.5 steps are not exact in binary).
 */
export function checkRate(
  stated: string | number,
  numerator: number,
  denominator: number,
): RateCheck {
  const computed = (numerator / denominator) * 100;
  // Written text keeps its precision (35.0); a parsed number has lost it (35).
  return { computed, agrees: rateAgrees(String(stated), numerator, denominator) };
}

/** An observation for a period with no data. */
export function noData(period: Period): Observation {
  return {
    period,
    value: undefined,
    origin: "none",
    qualifier: undefined,
    source: undefined,
    note: undefined,
    reporting: undefined,
    rate: undefined,
  };
}

/** One observation per period of `periods`, taking each from `byPeriod` or no data. */
export function fillPeriods(
  periods: readonly Period[],
  byPeriod: ReadonlyMap<string, Observation>,
): Observation[] {
  return periods.map((period) => byPeriod.get(period.code) ?? noData(period));
}

/**
 * The city total of each period: the sum of the county values when every county reported.
 * When some county has no data, the total is no data too (a partial sum is not the city's
 * figure), and `reporting` says how many reported and what they add up to.
 */
export function sumCounties(
  periods: readonly Period[],
  counties: readonly Series[],
): Observation[] {
  return periods.map((period, i) => {
    let reported = 0;
    let reportedSum = 0;
    let source: IndicatorSource | undefined;
    for (const county of counties) {
      const observation = county.observations[i];
      if (observation?.value === undefined) continue;
      reported++;
      reportedSum += observation.value;
      source ??= observation.source;
    }
    const complete = counties.length > 0 && reported === counties.length;
    return {
      ...noData(period),
      value: complete ? reportedSum : undefined,
      origin: complete ? "sum" : "none",
      source,
      reporting: { reported, of: counties.length, reportedSum },
    };
  });
}

function countyStatus(county: Series, region: Region, asOf: string): CountyZeroStatus {
  let lastNonZero: Period | undefined;
  let nonZeroPeriods = 0;
  let noDataPeriods = 0;
  for (const observation of county.observations) {
    if (observation.value === undefined) noDataPeriods++;
    else if (observation.value !== 0) {
      nonZeroPeriods++;
      lastNonZero = observation.period;
    }
  }
  return {
    region,
    latest: county.observations.at(-1)?.value,
    lastNonZero,
    monthsSince: lastNonZero ? monthsSince(lastNonZero, asOf) : undefined,
    nonZeroPeriods,
    noDataPeriods,
  };
}

/**
 * Where a zero-target indicator stands. With county series, a period is non-zero when any
 * county reported a non-zero value (a fact even if others are missing), zero only when every
 * county reported 0, and incomplete when some county has no data. Without county series the
 * headline series decides alone.
 */
export function zeroStatus(
  periods: readonly Period[],
  headline: Series,
  counties: readonly { series: Series; region: Region }[],
  asOf: string,
): ZeroStatus | undefined {
  const latest = periods.at(-1);
  if (!latest) return undefined;
  const places = counties.length > 0 ? counties.map((c) => c.series) : [headline];

  const stateAt = (i: number) => {
    let reporting = 0;
    let reportedSum = 0;
    const nonZeroPlaces: string[] = [];
    for (const place of places) {
      const value = place.observations[i]?.value;
      if (value === undefined) continue;
      reporting++;
      reportedSum += value;
      if (value !== 0) nonZeroPlaces.push(place.placeName);
    }
    const state: ZeroState =
      nonZeroPlaces.length > 0
        ? "nonzero"
        : reporting === 0
          ? "nodata"
          : reporting < places.length
            ? "partial"
            : "zero";
    return { state, reporting, reportedSum, nonZeroPlaces };
  };

  let lastNonZero: ZeroStatus["lastNonZero"];
  let nonZeroPeriods = 0;
  let incompletePeriods = 0;
  periods.forEach((period, i) => {
    const at = stateAt(i);
    if (at.state === "nonzero") {
      nonZeroPeriods++;
      lastNonZero = { period, reportedSum: at.reportedSum, placeNames: at.nonZeroPlaces };
    }
    if (at.reporting < places.length) incompletePeriods++;
  });
  const now = stateAt(periods.length - 1);
  return {
    latest,
    state: now.state,
    latestReportedSum: now.reportedSum,
    reporting: now.reporting,
    expected: places.length,
    lastNonZero,
    monthsSince: lastNonZero ? monthsSince(lastNonZero.period, asOf) : undefined,
    periodCount: periods.length,
    nonZeroPeriods,
    incompletePeriods,
    counties: counties.map(({ series, region }) => countyStatus(series, region, asOf)),
  };
}
