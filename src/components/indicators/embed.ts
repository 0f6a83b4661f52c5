import { embedText, type EmbedText } from "../chart/embed-layout.ts";
import { displayValue, type ChartSpec } from "../chart/spec.ts";
import { indicatorChartSpec } from "../../indicators/chart.ts";
import { citation, latestFigureSentence } from "../../indicators/format.ts";
import type { IndicatorFigures } from "../../indicators/model.ts";

/**
 * An indicator's embed, worded once: the embed page renders it and the indicator page
 * measures it for the iframe code it suggests, so the height fits the text shown.
 */
export function indicatorEmbed(
  figures: IndicatorFigures,
  site: { siteName: string; asOf: string },
): { spec: ChartSpec; text: EmbedText } {
  const spec = indicatorChartSpec(figures);
  const only = singleFigure(spec);
  const text = embedText({
    ...(figures.isSample
      ? { notice: { label: "示例数据：", text: "数值为演示用的虚构数据。" } }
      : {}),
    title: spec.title,
    ...(only === undefined ? {} : { figure: only }),
    summary: latestFigureSentence(figures),
    sources: figures.sources.map(citation),
    siteName: site.siteName,
    asOf: site.asOf,
    fullPageHas: "定义、各县区、下载",
  });
  return { spec, text };
}

/** `82.5%（2024年）` when the chart would have one bar; undefined when there is a series. */
function singleFigure(spec: ChartSpec): string | undefined {
  const [category] = spec.categories;
  const [series] = spec.series;
  if (spec.categories.length !== 1 || !category || !series) return undefined;
  const value = series.values[0];
  const text =
    value === null || value === undefined ? "无数据" : `${displayValue(series, 0)}${spec.unit}`;
  return `${text}（${category.label}）`;
}
