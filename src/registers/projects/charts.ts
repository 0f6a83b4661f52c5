import type { ChartSpec } from "../../components/chart/spec.ts";
import type { IsoDate } from "../../data/dates.ts";
import { formatChineseDate } from "../../data/dates.ts";
import { formatCount } from "../../format/numbers.ts";
import { formatInvestment, formatPercent, formatPoints, toYi } from "./describe.ts";
import type { ProjectStats } from "./stats.ts";

/**
 * The register's two charts, as specs for the site's `<Chart>` (table, summary and canvas
 * from one spec). Both count only projects in the plan (not terminated), as the stats do.
 */

/** `2019-03-31` → `2019年3月末`; the as-of date itself is written out in full. */
function pointLabel(on: IsoDate, asOf: IsoDate): string {
  if (on === asOf) return `${formatChineseDate(on)}（截至）`;
  const [year, month] = on.split("-");
  return `${year}年${Number(month)}月末`;
}

/** Cumulative investment, planned (straight lines) against completed (reports), per quarter. */
export function cumulativeInvestmentChart(stats: ProjectStats, asOf: IsoDate): ChartSpec {
  const last = stats.cumulative.at(-1);
  const summary = last
    ? `按各项目的直线计划，截至${formatChineseDate(asOf)}计划内 ${formatCount(stats.overall.count)} 个项目应累计完成投资 ${formatInvestment(last.planned)}，各项目最新报送的累计完成投资合计 ${formatInvestment(last.completed)}，为计划的 ${formatPercent(last.planned > 0 ? (last.completed / last.planned) * 100 : undefined)}。`
    : "暂无计划内的项目。";
  return {
    kind: "line",
    title: "累计投资：计划与完成",
    unit: "亿元",
    categoryHeading: "时点",
    categories: stats.cumulative.map((point) => ({
      key: point.on,
      label: pointLabel(point.on, asOf),
    })),
    series: [
      { label: "按直线计划应完成", values: stats.cumulative.map((point) => toYi(point.planned)) },
      { label: "报送的累计完成", values: stats.cumulative.map((point) => toYi(point.completed)) },
    ],
    summary,
  };
}

/** Mean physical progress per category against where the straight lines stand. */
export function progressByCategoryChart(stats: ProjectStats): ChartSpec {
  const rows = stats.byCategory.filter((row) => row.count > 0);
  const furthest = [...rows]
    .filter((row) => row.meanProgress !== undefined && row.meanPlannedProgress !== undefined)
    .map((row) => ({ row, gap: (row.meanPlannedProgress ?? 0) - (row.meanProgress ?? 0) }))
    .sort((a, b) => b.gap - a.gap)[0];
  const summary =
    furthest && furthest.gap > 0
      ? `按项目个数平均，${furthest.row.label}类项目的实物形象进度比直线计划落后最多，平均落后 ${formatPoints(furthest.gap)} 个百分点（实际 ${formatPercent(furthest.row.meanProgress)}，计划 ${formatPercent(furthest.row.meanPlannedProgress)}）。`
      : "各类项目的平均实物形象进度都不低于直线计划。";
  return {
    kind: "bar",
    title: "各类项目的平均实物形象进度",
    unit: "%",
    categoryHeading: "类别",
    categories: rows.map((row) => ({ key: row.key, label: row.label })),
    series: [
      {
        label: "实际进度",
        values: rows.map((row) => round1(row.meanProgress)),
      },
      {
        label: "直线计划进度",
        values: rows.map((row) => round1(row.meanPlannedProgress)),
      },
    ],
    summary,
    suggestedMax: 100,
  };
}

/** One decimal, half up (the table shows the value as the site rounds percentages). */
function round1(value: number | undefined): number | null {
  return value === undefined ? null : Math.floor(Number((value * 10).toPrecision(15)) + 0.5) / 10;
}
