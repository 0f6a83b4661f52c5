import { defineFigures } from "../figures/registry.ts";

/** Figures about the indicators that prose may quote (see src/figures/registry.ts). */
export const indicatorFigures = defineFigures("indicators", {
  count: {
    doc: "公开指标的个数",
    compute: ({ indicators }) => ({ type: "count", value: indicators.indicators.length }),
  },
  zeroTargetCount: {
    doc: "以零为目标的指标个数(如「十零」)",
    compute: ({ indicators }) => ({
      type: "count",
      value: indicators.indicators.filter((figures) => figures.indicator.direction === "零目标")
        .length,
    }),
  },
  publishedSourceCount: {
    doc: "指标数字所引用的公开报道篇数(不含示例数据)",
    compute: ({ indicators }) => ({
      type: "count",
      value: indicators.sources.filter((source) => !source.isSample).length,
    }),
  },
});
