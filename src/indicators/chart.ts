import type { ChartSpec } from "../components/chart/spec.ts";
import { toCsv } from "../open-data/csv.ts";
import { citation, describeFigures, formatNumber, formatValue, placeLabel } from "./format.ts";
import type { IndicatorFigures, Observation, Origin } from "./model.ts";
import { formatPeriod } from "./period.ts";

/**
 * What an indicator page draws, tables and offers for download: the headline series (the
 * city's figures, its counties' total, or the other place's), one point per period.
 * The chart, the table and both files are built from these same observations.
 */

/** A run of periods reads best as a line (gaps stay visible); a few figures as bars. */
const LINE_FROM = 7;

export function indicatorChartTitle(figures: IndicatorFigures): string {
  return `${figures.indicator.name}(${placeLabel(figures)}${figures.isSample ? ",示例数据" : ""})`;
}

/** Table text of a plotted value: the number with the source's qualifier, or 无数据. */
function cellText(observation: Observation): string {
  return observation.value === undefined
    ? "无数据"
    : formatValue(observation.value, observation.qualifier);
}

export function indicatorChartSpec(figures: IndicatorFigures): ChartSpec {
  const { indicator, periods, headline } = figures;
  return {
    kind: periods.length >= LINE_FROM ? "line" : "bar",
    title: indicatorChartTitle(figures),
    unit: indicator.unit,
    categoryHeading: "时期",
    categories: periods.map((period) => ({ key: period.code, label: formatPeriod(period) })),
    series: [
      {
        label: indicator.cityTotal ? "全市合计" : headline.placeName,
        values: headline.observations.map((o) => o.value ?? null),
        display: headline.observations.map(cellText),
      },
      // The target as a flat line, so each period reads against the promise.
      ...(indicator.targetValue === undefined
        ? []
        : [
            {
              label: `目标（${formatNumber(indicator.targetValue)}${indicator.unit}）`,
              values: periods.map(() => indicator.targetValue ?? null),
            },
          ]),
    ],
    summary: describeFigures(figures),
    // A share is read against the whole: 34.6% should look like about a third.
    ...(indicator.unit === "%" ? { suggestedMax: 100 } : {}),
  };
}

function reportingText(observation: Observation, figures: IndicatorFigures): string {
  const reporting = observation.reporting;
  if (!reporting) return "";
  const i = figures.periods.findIndex((p) => p.code === observation.period.code);
  const missing = figures.counties
    .filter((county) => county.observations[i]?.value === undefined)
    .map((county) => county.placeName);
  const base = `${reporting.reported}/${reporting.of}`;
  if (missing.length === 0) return base;
  const partial =
    reporting.reported > 0 ? `;已报送的合计 ${formatNumber(reporting.reportedSum)}` : "";
  return `${base}(${missing.length <= 3 ? `${missing.join("、")}未报送` : `${missing.length} 个县区未报送`}${partial})`;
}

/** Table-only columns that explain a plotted value: who reported, counts, notes, sources. */
export function indicatorExtraColumns(
  figures: IndicatorFigures,
): { heading: string; cells: string[] }[] {
  const observations = figures.headline.observations;
  const columns: { heading: string; cells: string[] }[] = [];
  if (figures.indicator.cityTotal) {
    columns.push({
      heading: "报送县区",
      cells: observations.map((o) => reportingText(o, figures)),
    });
  }
  if (figures.indicator.rateOf) {
    columns.push({
      heading: "计数(分子 ÷ 分母)",
      cells: observations.map((o) =>
        o.rate ? `${formatNumber(o.rate.numerator)} ÷ ${formatNumber(o.rate.denominator)}` : "",
      ),
    });
    columns.push({
      heading: "原文所报",
      cells: observations.map((o) =>
        o.rate
          ? o.rate.stated === undefined
            ? "未报,由本站计算"
            : `${formatNumber(o.rate.stated)}%`
          : "",
      ),
    });
  }
  if (observations.some((o) => o.note !== undefined)) {
    columns.push({ heading: "说明", cells: observations.map((o) => o.note ?? "") });
  }
  if (figures.sources.length > 1) {
    columns.push({
      heading: "出处",
      cells: observations.map((o) => (o.source ? citation(o.source) : "")),
    });
  }
  return columns;
}

const ORIGIN_WORDS: Record<Origin, string> = {
  reported: "报告值",
  sum: "各县区之和",
  computed: "按计数计算",
  none: "无数据",
};

/** One plotted observation as a download record. */
export interface IndicatorDownloadRow {
  period: string;
  period_label: string;
  place: string;
  region_code: string;
  /** null: no data (not 0). */
  value: number | null;
  qualifier: string;
  unit: string;
  value_text: string;
  origin: string;
  counties_reported: string;
  numerator: number | null;
  denominator: number | null;
  stated_rate: number | null;
  source: string;
  source_kind: string;
  sample: boolean;
  note: string;
}

export function indicatorDownloadRows(figures: IndicatorFigures): IndicatorDownloadRow[] {
  const { indicator, headline } = figures;
  return headline.observations.map((o) => ({
    period: o.period.code,
    period_label: formatPeriod(o.period),
    place: headline.placeName,
    region_code: headline.regionCode ?? "",
    value: o.value ?? null,
    qualifier: o.qualifier ?? "",
    unit: indicator.unit,
    value_text:
      o.value === undefined ? "无数据" : formatValue(o.value, o.qualifier, indicator.unit),
    origin: ORIGIN_WORDS[o.origin],
    counties_reported: o.reporting ? `${o.reporting.reported}/${o.reporting.of}` : "",
    numerator: o.rate?.numerator ?? null,
    denominator: o.rate?.denominator ?? null,
    stated_rate: o.rate?.stated ?? null,
    source: o.source?.id ?? "",
    source_kind: o.source?.kind ?? "",
    sample: o.source?.isSample ?? figures.isSample,
    note: o.note ?? "",
  }));
}

/**
 * The plotted data as CSV: UTF-8 with a byte-order mark (Excel on Chinese Windows opens
 * BOM-less UTF-8 as GBK and garbles it), CRLF line ends, an empty cell for no data, and
 * text that a spreadsheet would run as a formula made inert (src/open-data/csv.ts).
 */
export function indicatorCsv(figures: IndicatorFigures): string {
  const rows = indicatorDownloadRows(figures);
  const header: (keyof IndicatorDownloadRow)[] = [
    "period",
    "period_label",
    "place",
    "region_code",
    "value",
    "qualifier",
    "unit",
    "value_text",
    "origin",
    "counties_reported",
    "numerator",
    "denominator",
    "stated_rate",
    "source",
    "source_kind",
    "sample",
    "note",
  ];
  return toCsv(
    header,
    rows.map((row) => header.map((key) => row[key])),
  );
}

/** The plotted data as JSON, with the indicator's definition and its sources. */
export function indicatorJson(figures: IndicatorFigures, asOf: string, pageUrl: string): string {
  const { indicator } = figures;
  return `${JSON.stringify(
    {
      id: indicator.id,
      name: indicator.name,
      group: indicator.group,
      unit: indicator.unit,
      direction: indicator.direction,
      target: indicator.target ?? null,
      definition: indicator.definition,
      method_notes: indicator.methodNotes ?? null,
      place: placeLabel(figures),
      sample: figures.isSample,
      as_of: asOf,
      page: pageUrl,
      sources: figures.sources.map((source) => ({
        id: source.id,
        kind: source.kind,
        citation: citation(source),
        publisher: source.publisher ?? null,
        title: source.title ?? null,
        author: source.author ?? null,
        date: source.date ?? null,
        url: source.url ?? null,
        note: source.note ?? null,
      })),
      values: indicatorDownloadRows(figures),
    },
    null,
    2,
  )}\n`;
}
