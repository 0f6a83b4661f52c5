/**
 * Reporting periods of indicator values: a year (`2021`), a month (`2021-03`) or a quarter
 * (`2021-Q1`), the three ways the sources and the county reports give figures. A period is
 * compared and counted in whole months, so "months since" and axis gaps need no calendar
 * arithmetic beyond `year * 12 + month`.
 */
export type PeriodKind = "year" | "quarter" | "month";

export interface Period {
  /** The text as written in the data, e.g. `2021-Q1`; also the period's key in downloads. */
  code: string;
  kind: PeriodKind;
  year: number;
  /** 1–12 for months, 1–4 for quarters, absent for years. */
  part?: number;
}

/** Editor-facing description of the accepted forms, shown after every period error. */
export const PERIOD_FORMS = "年份写作 2021,月份写作 2021-03,季度写作 2021-Q1";

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** Parses a period code; `undefined` when the text is none of the three forms. */
export function parsePeriod(text: string): Period | undefined {
  const code = text.trim();
  let m = YEAR.exec(code);
  if (m) return { code, kind: "year", year: Number(m[1]) };
  m = MONTH.exec(code);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    return { code, kind: "month", year: Number(m[1]), part: month };
  }
  m = QUARTER.exec(code);
  if (m) return { code, kind: "quarter", year: Number(m[1]), part: Number(m[2]) };
  return undefined;
}

/** Month index (`year * 12 + month - 1`) of the first month a period covers. */
export function firstMonth(period: Period): number {
  const base = period.year * 12;
  if (period.kind === "month") return base + (period.part ?? 1) - 1;
  if (period.kind === "quarter") return base + ((period.part ?? 1) - 1) * 3;
  return base;
}

/** Month index of the last month a period covers. */
export function lastMonth(period: Period): number {
  if (period.kind === "month") return firstMonth(period);
  if (period.kind === "quarter") return firstMonth(period) + 2;
  return period.year * 12 + 11;
}

/** Month index of a calendar date `YYYY-MM-DD`. */
export function monthOfDate(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** Orders periods by the months they start in, then shorter periods first. */
export function comparePeriods(a: Period, b: Period): number {
  return firstMonth(a) - firstMonth(b) || lastMonth(a) - lastMonth(b);
}

/**
 * Whole months from the end of `period` to the month of `asOf`: 0 when the period ends in
 * the as-of month. The board's "months since the last non-zero value" is this count.
 */
export function monthsSince(period: Period, asOf: string): number {
  return monthOfDate(asOf) - lastMonth(period);
}

/** The period that follows `period` and has the same kind (the next month, quarter or year). */
export function nextPeriod(period: Period): Period {
  if (period.kind === "year") return periodOf("year", period.year + 1);
  const parts = period.kind === "month" ? 12 : 4;
  const part = period.part ?? 1;
  return part === parts
    ? periodOf(period.kind, period.year + 1, 1)
    : periodOf(period.kind, period.year, part + 1);
}

/** Every period of one kind from `first` to `last` inclusive, so gaps in data stay visible. */
export function periodRange(first: Period, last: Period): Period[] {
  const range: Period[] = [];
  for (let p = first; comparePeriods(p, last) <= 0; p = nextPeriod(p)) range.push(p);
  return range;
}

export function periodOf(kind: PeriodKind, year: number, part?: number): Period {
  if (kind === "year") return { code: String(year), kind, year };
  const p = part ?? 1;
  const code = kind === "month" ? `${year}-${String(p).padStart(2, "0")}` : `${year}-Q${p}`;
  return { code, kind, year, part: p };
}

const QUARTER_NAMES = ["一", "二", "三", "四"] as const;

/** `2021年`, `2021年3月`, `2021年第一季度`: how a period reads in running text and tables. */
export function formatPeriod(period: Period): string {
  if (period.kind === "year") return `${period.year}年`;
  if (period.kind === "month") return `${period.year}年${period.part}月`;
  return `${period.year}年第${QUARTER_NAMES[(period.part ?? 1) - 1]}季度`;
}

/** The period kind in words, for messages and method notes. */
export const PERIOD_KIND_NAMES: Record<PeriodKind, string> = {
  year: "年",
  quarter: "季度",
  month: "月",
};

/** First and last calendar day of a set of periods; undefined when there are none. */
export function periodsSpan(periods: Iterable<Period>): { start: string; end: string } | undefined {
  let first: number | undefined;
  let last: number | undefined;
  for (const period of periods) {
    const from = firstMonth(period);
    const to = lastMonth(period);
    if (first === undefined || from < first) first = from;
    if (last === undefined || to > last) last = to;
  }
  if (first === undefined || last === undefined) return undefined;
  const year = (month: number) => String(Math.floor(month / 12)).padStart(4, "0");
  const month = (index: number) => String((index % 12) + 1).padStart(2, "0");
  // Day 0 of the following month is the last day of this one.
  const lastDay = new Date(Date.UTC(Math.floor(last / 12), (last % 12) + 1, 0)).getUTCDate();
  return {
    start: `${year(first)}-${month(first)}-01`,
    end: `${year(last)}-${month(last)}-${String(lastDay).padStart(2, "0")}`,
  };
}
