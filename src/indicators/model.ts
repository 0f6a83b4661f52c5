import type { Region } from "../data/regions.ts";
import type { Period, PeriodKind } from "./period.ts";
import type {
  Direction,
  IndicatorRow,
  IndicatorSourceRow,
  IndicatorValueRow,
  Qualifier,
} from "./schema.ts";

/** A citation, with whether its figures are real or the demo site's sample values. */
export interface IndicatorSource extends IndicatorSourceRow {
  isSample: boolean;
}

/** One row of indicators.csv, with its source resolved. */
export interface Indicator {
  id: string;
  name: string;
  group: string;
  unit: string;
  direction: Direction;
  target: string | undefined;
  /**
   * The target as a number in the indicator's unit, when the target text begins with one
   * (`100%（承诺：社区 5 分钟响应）` → 100): the chart draws it as a line.
   */
  targetValue: number | undefined;
  definition: string;
  methodNotes: string | undefined;
  source: IndicatorSource;
  /** A place outside the jurisdiction, or undefined for the jurisdiction itself. */
  place: string | undefined;
  /** The city value of a period is the sum of its county values. */
  cityTotal: boolean;
  /** For a rate: ids of the counting indicators it divides. */
  rateOf: { numerator: string; denominator: string } | undefined;
}

/**
 * How an observation's value came about. `reported`: a row of indicator-values.csv;
 * `sum`: the city total of the county rows; `computed`: a rate computed from its counts
 * because the source gave no rate; `none`: no data (a row with an empty value, or no row).
 */
export type Origin = "reported" | "sum" | "computed" | "none";

/** One period of one series. `value` undefined means no data, never 0. */
export interface Observation {
  period: Period;
  value: number | undefined;
  origin: Origin;
  qualifier: Qualifier | undefined;
  source: IndicatorSource | undefined;
  note: string | undefined;
  /** For a city total: how many counties reported, and the sum of what they reported. */
  reporting: { reported: number; of: number; reportedSum: number } | undefined;
  /** For a rate with exact counts: the counts, and the rate the source stated (if any). */
  rate: { numerator: number; denominator: number; stated: number | undefined } | undefined;
}

/** The values of one indicator for one place, one observation per period of its range. */
export interface Series {
  /** Region code; undefined for a place outside the jurisdiction. */
  regionCode: string | undefined;
  placeName: string;
  observations: Observation[];
}

export type ZeroState = "zero" | "nonzero" | "partial" | "nodata";

/** Where one county stands against a zero target. */
export interface CountyZeroStatus {
  region: Region;
  latest: number | undefined;
  lastNonZero: Period | undefined;
  monthsSince: number | undefined;
  nonZeroPeriods: number;
  noDataPeriods: number;
}

/** Where a zero-target indicator stands, for the board. */
export interface ZeroStatus {
  /** The last period of the indicator's range. */
  latest: Period;
  state: ZeroState;
  /** Sum of what was reported for the latest period (a floor when not every place reported). */
  latestReportedSum: number;
  reporting: number;
  expected: number;
  /** The last period in which any place reported a non-zero value. */
  lastNonZero: { period: Period; reportedSum: number; placeNames: string[] } | undefined;
  /** Whole months from the last non-zero period to the data's as-of month. */
  monthsSince: number | undefined;
  /** Periods in the range, periods with any non-zero value, periods missing some data. */
  periodCount: number;
  nonZeroPeriods: number;
  incompletePeriods: number;
  counties: CountyZeroStatus[];
}

/** Everything a page needs about one indicator, derived once in the data path. */
export interface IndicatorFigures {
  indicator: Indicator;
  periodKind: PeriodKind | undefined;
  /** Every period from the first to the last value, so gaps are shown as gaps. */
  periods: Period[];
  /** The series the chart plots: the jurisdiction's (or the other place's) figures. */
  headline: Series;
  /** Per-county series, in regions.csv order; empty when values are not given per county. */
  counties: Series[];
  /** The sources of the values, in order of first use. */
  sources: IndicatorSource[];
  /** True when the values are the demo site's sample values. */
  isSample: boolean;
  /** The last headline observation that has a value. */
  latest: Observation | undefined;
  /** For zero-target indicators. */
  zero: ZeroStatus | undefined;
}

export interface IndicatorGroup {
  name: string;
  /** Every indicator of the group has a zero target: shown as the board of cards. */
  zeroBoard: boolean;
  indicators: IndicatorFigures[];
}

export interface IndicatorData {
  sources: IndicatorSource[];
  /** The validated rows as editors wrote them, in file order: the open-data downloads. */
  rows: { indicators: IndicatorRow[]; values: IndicatorValueRow[] };
  /** In file order. */
  indicators: IndicatorFigures[];
  /** In order of first appearance in indicators.csv. */
  groups: IndicatorGroup[];
  byId: ReadonlyMap<string, IndicatorFigures>;
}
