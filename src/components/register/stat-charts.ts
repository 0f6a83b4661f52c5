import type { ChartSpec } from "../chart/spec.ts";
import type { RegisterListingData } from "../../registers/listing.ts";
import { percentOf, percentValue } from "../../format/numbers.ts";

/**
 * Chart specs for a register's statistics page, built from figures the page already shows
 * (so the chart, its table and its CSV agree with the page's tables) or from the list rows
 * (so every count is the size of a list). A stats page names them in a `StatCharts` record;
 * the same record serves `/<key>/stats/<name>.csv`.
 */
export type StatCharts = Record<string, ChartSpec>;

export interface RateGroup {
  key: string;
  label: string;
  part: number;
  whole: number;
}

/** An on-time rate per group (county, year …); groups with nothing due are left out. */
export function rateChart(options: {
  title: string;
  categoryHeading: string;
  seriesLabel: string;
  groups: readonly RateGroup[];
  /** What the rate is, for the summary, e.g. `按时整改率`. */
  rateName: string;
}): ChartSpec {
  const groups = options.groups.filter((group) => group.whole > 0);
  const ranked = [...groups].sort((a, b) => b.part / b.whole - a.part / a.whole);
  const best = ranked[0];
  const worst = ranked.at(-1);
  const summary =
    best && worst && ranked.length > 1
      ? `${options.rateName}最高的是${best.label}(${percentOf(best.part, best.whole)},${best.whole} 个中 ${best.part} 个),最低的是${worst.label}(${percentOf(worst.part, worst.whole)},${worst.whole} 个中 ${worst.part} 个)。`
      : best
        ? `${best.label}的${options.rateName}为 ${percentOf(best.part, best.whole)}(${best.whole} 个中 ${best.part} 个)。`
        : `没有可计算${options.rateName}的数据。`;
  return {
    kind: "bar",
    title: options.title,
    unit: "%",
    categoryHeading: options.categoryHeading,
    categories: groups.map(({ key, label }) => ({ key, label })),
    series: [
      {
        label: options.seriesLabel,
        values: groups.map((group) => percentValue(group.part, group.whole) ?? null),
      },
    ],
    summary,
    suggestedMax: 100,
  };
}

/** Items per value of one facet (status) per value of another (year), stacked, from the rows. */
export function countsOverChart(
  data: RegisterListingData,
  options: { title: string; over: string; by: string; noun: string },
): ChartSpec {
  const { listing, rows } = data;
  const facet = (key: string) => {
    const found = listing.facets.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`${listing.base}: 没有筛选项 ${key}`);
    return found;
  };
  const over = facet(options.over);
  const by = facet(options.by);
  // Periods in time order (facet values may list the newest first).
  const periods = [...over.values].sort((a, b) => (a.value < b.value ? -1 : 1));
  const counts = new Map<string, number>();
  for (const row of rows) {
    const k = `${row.facets[over.key] ?? ""}|${row.facets[by.key] ?? ""}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const series = by.values
    .map((value) => ({
      label: value.label,
      values: periods.map((period) => counts.get(`${period.value}|${value.value}`) ?? 0),
    }))
    .filter((s) => s.values.some((n) => n > 0));
  const totals = periods.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const first = periods[0];
  const last = periods.at(-1);
  const summary =
    first && last && periods.length > 1
      ? `${first.label}有 ${totals[0]} 个${options.noun},${last.label}有 ${totals.at(-1)} 个;各色块是当期各${by.label}的数目。`
      : `共 ${totals[0] ?? 0} 个${options.noun}。`;
  return {
    kind: "bar",
    title: options.title,
    unit: "个",
    categoryHeading: over.label,
    categories: periods.map(({ value, label }) => ({ key: value, label })),
    series,
    stacked: true,
    summary,
  };
}

/** How a day count (reply time …) is distributed, in bins. */
export function distributionChart(
  values: readonly number[],
  options: {
    title: string;
    bins: readonly { label: string; upTo: number }[];
    unitName: string;
    noun: string;
  },
): ChartSpec {
  const counts = options.bins.map(() => 0);
  let beyond = 0;
  for (const value of values) {
    const bin = options.bins.findIndex((candidate) => value <= candidate.upTo);
    if (bin < 0) beyond += 1;
    else counts[bin] = (counts[bin] ?? 0) + 1;
  }
  const last = options.bins.at(-1);
  const categories = options.bins.map((bin) => ({ key: `le-${bin.upTo}`, label: bin.label }));
  const series = [...counts];
  if (last && beyond > 0) {
    categories.push({ key: `gt-${last.upTo}`, label: `超过 ${last.upTo} ${options.unitName}` });
    series.push(beyond);
  }
  const largest = series.indexOf(Math.max(...series));
  return {
    kind: "bar",
    title: options.title,
    unit: "件",
    categoryHeading: `用时(${options.unitName})`,
    categories,
    series: [{ label: options.noun, values: series }],
    summary: `${values.length} 个${options.noun}中,最多的一档是${categories[largest]?.label ?? ""}(${series[largest] ?? 0} 个)。`,
  };
}

/** The numbers one value of the list rows holds (e.g. working days to reply). */
export function rowNumbers(data: RegisterListingData, value: string): number[] {
  return data.rows
    .map((row) => row.values[value])
    .filter((n): n is number => typeof n === "number");
}
