import { formatChineseDate } from "../data/dates.ts";
import type { Tone } from "../format/tone.ts";
import type { IndicatorFigures, IndicatorSource, Observation } from "./model.ts";
import { formatPeriod } from "./period.ts";
import type { PeriodKind } from "./period.ts";
import type { Qualifier } from "./schema.ts";

/**
 * How figures read in Chinese: `1.6万`, `3000余件`, `近4万件`, `95%以上`. Sources write large
 * round numbers in 万 and qualify approximate ones; the site says them the same way, so a
 * reader can match every figure to its source.
 */

const grouped = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });

/** `16000` → `1.6万`, `2856` → `2,856`, `34.62` → `34.62`. */
export function formatNumber(value: number): string {
  if (Math.abs(value) >= 10_000 && value % 100 === 0) return `${grouped.format(value / 10_000)}万`;
  return grouped.format(value);
}

const PREFIX: readonly Qualifier[] = ["约", "近", "超过", "不足"];

/** A value with its qualifier and (optionally) its unit, as a source would write it. */
export function formatValue(value: number, qualifier: Qualifier | undefined, unit = ""): string {
  const number = formatNumber(value);
  if (qualifier === undefined) return `${number}${unit}`;
  if (PREFIX.includes(qualifier)) return `${qualifier}${number}${unit}`;
  if (qualifier === "余") return `${number}余${unit}`;
  return `${number}${unit}${qualifier}`;
}

/** An observation as text; no data says so in words, never as 0. */
export function formatObservation(observation: Observation, unit = ""): string {
  return observation.value === undefined
    ? "无数据"
    : formatValue(observation.value, observation.qualifier, unit);
}

function firstSentence(text: string): string {
  const end = text.search(/[。;]/);
  return end < 0 ? text : text.slice(0, end);
}

/**
 * A citation a reader can follow: publisher, 《title》, byline, date. Material without a
 * title (the text did not carry one) is described by its note's first sentence instead.
 */
export function citation(source: IndicatorSource): string {
  if (source.isSample) return `示例数据(虚构):${source.title ?? firstSentence(source.note ?? "")}`;
  const parts: string[] = [];
  if (source.title !== undefined) {
    parts.push(`${source.publisher ?? ""}《${source.title}》`);
    if (source.author !== undefined) parts.push(source.author);
  } else {
    const description = firstSentence(source.note ?? "");
    parts.push(source.author !== undefined ? `${source.author}${description}` : description);
    if (source.publisher !== undefined) parts.push(source.publisher);
  }
  parts.push(source.date !== undefined ? formatChineseDate(source.date) : "未载日期");
  return parts.join(",");
}

/** What the chart plots about: the city (its counties' total) or the other place. */
export function placeLabel(figures: IndicatorFigures): string {
  const { indicator, headline } = figures;
  return indicator.cityTotal ? `${headline.placeName}各县区合计` : headline.placeName;
}

/** `36 个月`, `4 个季度`, `3 年`. */
export function periodCount(count: number, kind: PeriodKind): string {
  return kind === "month"
    ? `${count} 个月`
    : kind === "quarter"
      ? `${count} 个季度`
      : `${count} 年`;
}

function list(items: readonly string[]): string {
  return items.join("、");
}

/**
 * The text summary beside every chart: what the values are and what stands out, in
 * sentences. It is the content for readers who cannot see the chart, so it names gaps
 * (no data) as gaps.
 */
export function describeFigures(figures: IndicatorFigures): string {
  const { indicator, periods, headline, zero } = figures;
  const unit = indicator.unit;
  const first = periods[0];
  const last = periods.at(-1);
  if (!first || !last) return `${indicator.name}暂无数据。`;
  const sample = figures.isSample ? "以下为示例数据。" : "";
  const where = placeLabel(figures);

  if (zero) {
    const span = `${formatPeriod(first)}至${formatPeriod(last)}共 ${periodCount(periods.length, first.kind)}`;
    const history = zero.lastNonZero
      ? `其中 ${periodCount(zero.nonZeroPeriods, first.kind)}有报告非零,最近一次是${formatPeriod(zero.lastNonZero.period)}(${list(zero.lastNonZero.placeNames)}共报告 ${formatNumber(zero.lastNonZero.reportedSum)}${unit})`
      : "有报告的各期都是 0";
    const gaps =
      zero.incompletePeriods === 0
        ? ""
        : zero.counties.length > 0
          ? `有 ${periodCount(zero.incompletePeriods, first.kind)}部分县区没有报送,这几期的合计记为无数据,不按 0 计。`
          : `有 ${periodCount(zero.incompletePeriods, first.kind)}没有数据,不按 0 计。`;
    return `${sample}${where}的${indicator.name}:${span},${history}。${gaps}最近一期(${formatPeriod(zero.latest)})${latestZeroSentence(figures)}`;
  }

  const withValue = headline.observations.filter((o) => o.value !== undefined);
  const missing = headline.observations.filter((o) => o.value === undefined);
  const valueText = (o: Observation) => {
    const base = `${formatPeriod(o.period)} ${formatObservation(o, unit)}`;
    if (!o.rate) return base;
    const stated =
      o.rate.stated !== undefined
        ? `,原文为 ${formatNumber(o.rate.stated)}%`
        : ",由本站按原文计数算出";
    return `${base}(${formatNumber(o.rate.numerator)} ÷ ${formatNumber(o.rate.denominator)}${stated})`;
  };
  const gapText =
    missing.length > 0 ? `${list(missing.map((o) => formatPeriod(o.period)))}没有数据。` : "";
  if (withValue.length <= 6) {
    return `${sample}${where}的${indicator.name}:${list(withValue.map(valueText))}。${gapText}`;
  }
  const values = withValue.map((o) => o.value ?? 0);
  const latest = withValue.at(-1);
  return `${sample}${where}的${indicator.name}:${formatPeriod(first)}至${formatPeriod(last)}共 ${periodCount(periods.length, first.kind)},最低 ${formatNumber(Math.min(...values))}${unit},最高 ${formatNumber(Math.max(...values))}${unit}${latest ? `,最近一期${valueText(latest)}` : ""}。${gapText}`;
}

/** The latest period of a zero-target indicator, in words: 0 reported and no data differ. */
export function latestZeroSentence(figures: IndicatorFigures): string {
  const zero = figures.zero;
  if (!zero) return "";
  const unit = figures.indicator.unit;
  const missing = zero.counties.filter((c) => c.latest === undefined).map((c) => c.region.name);
  const nonZero = zero.counties.filter((c) => c.latest !== undefined && c.latest !== 0);
  switch (zero.state) {
    case "zero":
      return `${zero.expected > 1 ? `${zero.expected} 个县区均` : ""}报告 0 ${unit}。`;
    case "nonzero":
      return `报告 ${formatNumber(zero.latestReportedSum)} ${unit}${nonZero.length > 0 ? `(${list(nonZero.map((c) => `${c.region.name} ${formatNumber(c.latest ?? 0)}`))})` : ""}${missing.length > 0 ? `;${list(missing)}没有报送` : ""}。`;
    case "partial":
      return `${zero.reporting} 个县区报告 0 ${unit},${list(missing)}没有报送,全市是否为零尚不能确定。`;
    case "nodata":
      return "没有任何数据。";
  }
}

/** The tone tokens a status uses; always shown with its words, never colour alone. */
export type { Tone };

/** A zero-target status in words, for the board and the indicator page. */
export function zeroStateLabel(figures: IndicatorFigures): { text: string; tone: Tone } {
  const zero = figures.zero;
  if (!zero) return { text: "", tone: "closed" };
  const unit = figures.indicator.unit;
  switch (zero.state) {
    case "zero":
      return { text: "为零", tone: "done" };
    case "nonzero":
      return { text: `非零:${formatNumber(zero.latestReportedSum)} ${unit}`, tone: "todo" };
    case "partial":
      return { text: `数据不全:${zero.expected - zero.reporting} 个县区未报送`, tone: "progress" };
    case "nodata":
      return { text: "无数据", tone: "closed" };
  }
}

/** `上次非零:2026年3月(犍为县),距 2026年10月 7 个月` or why there is none. */
export function lastNonZeroText(figures: IndicatorFigures): string {
  const zero = figures.zero;
  if (!zero) return "";
  const kind = zero.latest.kind;
  if (!zero.lastNonZero) {
    return `${periodCount(zero.periodCount, kind)}里没有任何非零报告(未报送的月份不计)`;
  }
  const since =
    zero.monthsSince === undefined || zero.monthsSince <= 0
      ? "就在最近一期"
      : `距数据截至月 ${zero.monthsSince} 个月`;
  return `上次非零:${formatPeriod(zero.lastNonZero.period)}(${list(zero.lastNonZero.placeNames)}),${since}`;
}
