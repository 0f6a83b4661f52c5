import type { Dataset } from "../../site/dataset.ts";
import { registerData } from "../../site/dataset.ts";
import { mailbox } from "../../registers/mailbox/index.ts";
import type { LetterGroupStatistics } from "../../registers/mailbox/statistics.ts";
import type { StatCharts } from "../register/stat-charts.ts";
import {
  countsOverChart,
  distributionChart,
  rateChart,
  rowNumbers,
} from "../register/stat-charts.ts";

const onTime = (group: LetterGroupStatistics, key: string, label: string) => ({
  key,
  label,
  part: group.repliedWithinPromise,
  whole: group.replied,
});

/** The mailbox stats page's charts; undefined on a site without the mailbox. */
export function mailboxCharts(dataset: Dataset): StatCharts | undefined {
  const data = registerData(dataset, mailbox);
  if (!data) return undefined;
  const stats = data.statistics;
  const listing = mailbox.typed.listing(data, dataset);
  const promise = stats.promiseWorkingDays;
  return {
    "on-time-by-county": rateChart({
      title: "各区县来信的按时答复率",
      categoryHeading: "区县",
      seriesLabel: "按时答复率",
      rateName: "按时答复率",
      groups: stats.byCounty.map((group) => onTime(group, group.label, group.label)),
    }),
    "on-time-by-year": rateChart({
      title: "各年来信的按时答复率",
      categoryHeading: "收信年份",
      seriesLabel: "按时答复率",
      rateName: "按时答复率",
      groups: stats.byYear.map((group) => onTime(group, group.label, `${group.label}年`)),
    }),
    "status-by-year": countsOverChart(listing, {
      title: "各年来信的当前状态",
      over: "year",
      by: "status",
      noun: "来信",
    }),
    "reply-time": distributionChart(rowNumbers(listing, "workingDaysToReply"), {
      title: "答复用时分布",
      bins: [
        { label: "5 个工作日以内", upTo: 5 },
        { label: "6–10 个工作日", upTo: 10 },
        { label: `11–${promise} 个工作日`, upTo: promise },
        { label: `${promise + 1}–30 个工作日`, upTo: 30 },
      ],
      unitName: "个工作日",
      noun: "已答复来信",
    }),
  };
}
