import type { Dataset } from "../../site/dataset.ts";
import { registerData } from "../../site/dataset.ts";
import { exposures } from "../../registers/exposures/index.ts";
import { exposureSection } from "../../registers/exposures/section.ts";
import type { StatCharts } from "../register/stat-charts.ts";
import { countsOverChart, distributionChart, rateChart } from "../register/stat-charts.ts";

/** The exposure stats page's charts; undefined on a site without the register. */
export function exposureCharts(dataset: Dataset): StatCharts | undefined {
  const section = exposureSection(registerData(dataset, exposures), dataset.counties);
  if (!section) return undefined;
  const { stats, items } = section.register;
  const byCounty = stats.byCounty.map((row, i) => ({
    key: dataset.counties[i]?.code ?? row.label,
    label: row.label,
    part: row.onTime,
    whole: row.due,
  }));
  const byYear = stats.byYear.map((row) => ({
    key: row.label,
    label: `${row.label}年`,
    part: row.onTime,
    whole: row.due,
  }));
  const days = items.flatMap((item) =>
    item.daysToRectify === undefined ? [] : [item.daysToRectify],
  );
  return {
    "on-time-by-county": rateChart({
      title: "各区县按时整改率",
      categoryHeading: "区县",
      seriesLabel: "按时整改率",
      rateName: "按时整改率",
      groups: byCounty,
    }),
    "on-time-by-year": rateChart({
      title: "各年曝光问题的按时整改率",
      categoryHeading: "曝光年份",
      seriesLabel: "按时整改率",
      rateName: "按时整改率",
      groups: byYear,
    }),
    "status-by-year": countsOverChart(section, {
      title: "各年曝光问题的当前状态",
      over: "year",
      by: "status",
      noun: "问题",
    }),
    "days-to-rectify": distributionChart(days, {
      title: "整改用时分布",
      bins: [
        { label: "30 天以内", upTo: 30 },
        { label: "31–60 天", upTo: 60 },
        { label: "61–90 天", upTo: 90 },
        { label: "91–180 天", upTo: 180 },
        { label: "181–365 天", upTo: 365 },
      ],
      unitName: "天",
      noun: "已整改问题",
    }),
  };
}
