import type { FigureDefinition } from "../figures/registry.ts";
import type { IndicatorData } from "./model.ts";

const published = (indicators: IndicatorData): IndicatorData => indicators;

/** Figures about the indicators that prose may quote (see src/figures/registry.ts). */
export const indicatorFigures: Readonly<Record<string, FigureDefinition<IndicatorData>>> = {
  count: {
    doc: "公开指标的个数",
    compute: (dataset) => ({ type: "count", value: published(dataset).indicators.length }),
  },
  zeroTargetCount: {
    doc: "以零为目标的指标个数(如「十零」)",
    compute: (dataset) => ({
      type: "count",
      value: published(dataset).indicators.filter(
        (figures) => figures.indicator.direction === "零目标",
      ).length,
    }),
  },
  publishedSourceCount: {
    doc: "指标数字所引用的公开报道篇数(不含示例数据)",
    compute: (dataset) => ({
      type: "count",
      value: published(dataset).sources.filter((source) => !source.isSample).length,
    }),
  },
};
