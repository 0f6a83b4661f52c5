import { toCsv } from "../../open-data/csv.ts";
/**
 * The contract between a page and `<Chart>`: what to plot, as plain data. The same spec
 * renders the table (always), feeds the canvas (when JS runs), and builds the CSV and JSON
 * downloads, so the table, the drawing and the files cannot disagree.
 */

/** One category on the x axis: a period, a county, a status. */
export interface ChartCategory {
  /** Machine key, e.g. `2024-03` or a region code; the first column of the CSV download. */
  key: string;
  /** What a reader sees, e.g. `2024年3月`. */
  label: string;
}

export interface ChartSeries {
  /** Legend entry and table column heading, e.g. `全市合计`. */
  label: string;
  /** One value per category; `null` is no data: a gap in the drawing, never 0. */
  values: readonly (number | null)[];
  /**
   * How each value reads in the table, when plain digits would say less than the source
   * (e.g. `3000余`). Defaults to the number, or `无数据` for null.
   */
  display?: readonly string[];
}

export interface ChartSpec {
  /** `line` for a run of periods, `bar` for a few categories. */
  kind: "line" | "bar";
  /** What the chart shows; the table caption and the start of the canvas label. */
  title: string;
  /** Unit of every value, e.g. `起`, `%`; shown on the axis and in the table heading. */
  unit: string;
  /** Heading of the table's first column, e.g. `月份`. */
  categoryHeading: string;
  categories: readonly ChartCategory[];
  /** At most six series: each has its own colour, point shape and dash or hatch pattern. */
  series: readonly ChartSeries[];
  /** Plain-language summary of what the chart shows; read by everyone, drawn or not. */
  summary: string;
  /** Stack bar series (parts of a whole). */
  stacked?: boolean;
  /** Top of the value axis unless a value is higher, e.g. 100 for a percentage. */
  suggestedMax?: number;
}

/** The part of a spec the browser needs; embedded in the page as JSON. */
export interface ClientChartSpec {
  kind: ChartSpec["kind"];
  /** The canvas's accessible name. */
  label: string;
  unit: string;
  categories: string[];
  series: { label: string; values: (number | null)[] }[];
  stacked: boolean;
  suggestedMax: number | null;
  /** Every value is a whole number: the axis shows no fractional ticks. */
  integer: boolean;
}

export const MAX_SERIES = 6;

/** Checks the shape a page built (lengths, series count) and fails the build if it is off. */
export function checkChartSpec(spec: ChartSpec): ChartSpec {
  if (spec.series.length === 0 || spec.series.length > MAX_SERIES) {
    throw new Error(
      `图表「${spec.title}」有 ${spec.series.length} 个系列,须为 1 到 ${MAX_SERIES} 个`,
    );
  }
  for (const series of spec.series) {
    if (series.values.length !== spec.categories.length) {
      throw new Error(
        `图表「${spec.title}」的系列「${series.label}」有 ${series.values.length} 个值,分类有 ${spec.categories.length} 个`,
      );
    }
    if (series.display && series.display.length !== series.values.length) {
      throw new Error(`图表「${spec.title}」的系列「${series.label}」显示文字与数值个数不同`);
    }
    for (const value of series.values) {
      if (value !== null && !Number.isFinite(value)) {
        throw new Error(`图表「${spec.title}」的系列「${series.label}」有非有限数值`);
      }
    }
  }
  return spec;
}

const numberFormat = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });

/** The table text of one value. */
export function displayValue(series: ChartSeries, index: number): string {
  const shown = series.display?.[index];
  if (shown !== undefined) return shown;
  const value = series.values[index];
  return value === null || value === undefined ? "无数据" : numberFormat.format(value);
}

export function toClientSpec(spec: ChartSpec): ClientChartSpec {
  const values = spec.series.flatMap((s) => s.values);
  return {
    kind: spec.kind,
    label: `${spec.kind === "line" ? "折线图" : "柱状图"}：${spec.title}（单位：${spec.unit}）。${spec.summary}数据见图下的表格。`,
    unit: spec.unit,
    categories: spec.categories.map((c) => c.label),
    series: spec.series.map((s) => ({ label: s.label, values: [...s.values] })),
    stacked: spec.stacked ?? false,
    suggestedMax: spec.suggestedMax ?? null,
    integer: values.every((v) => v === null || Number.isInteger(v)),
  };
}

/**
 * The plotted data as CSV: a key column, a label column, one column per series (empty =
 * no data), written by the site's one CSV writer (BOM, RFC 4180, formula-safe; see
 * src/open-data/csv.ts).
 */
export function chartCsv(spec: ChartSpec): string {
  const header = [
    "key",
    spec.categoryHeading,
    ...spec.series.map((s) => `${s.label}(${spec.unit})`),
  ];
  const rows = spec.categories.map((category, i) => [
    category.key,
    category.label,
    ...spec.series.map((s) => s.values[i]),
  ]);
  return toCsv(header, rows);
}
