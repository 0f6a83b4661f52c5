import { embedText, type EmbedText } from "../chart/embed-layout.ts";
import type { ChartSpec } from "../chart/spec.ts";
import { indicatorChartSpec } from "../../indicators/chart.ts";
import { citation, formatObservation, latestFigureSentence } from "../../indicators/format.ts";
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
  const only = singleFigure(spec, figures);
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

/**
 * `82.5%（2024年）` or `95%以上（2019年）` when the chart would have one bar; undefined when
 * there is a series. Worded from the observation as the source gave it (its qualifier after
 * the unit), as the indicator page words it.
 */
function singleFigure(spec: ChartSpec, figures: IndicatorFigures): string | undefined {
  const [category] = spec.categories;
  if (spec.categories.length !== 1 || !category) return undefined;
  const latest = figures.headline.observations.filter((o) => o.value !== undefined).at(-1);
  const text = latest === undefined ? "无数据" : formatObservation(latest, figures.indicator.unit);
  return `${text}（${category.label}）`;
}
