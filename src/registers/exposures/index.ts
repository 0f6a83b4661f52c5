import { formatCount, formatDays, percentOf } from "../../format/numbers.ts";
import { defineRegister } from "../module.ts";
import { generateExposures } from "./synthetic.ts";
import { exposureFigures } from "./figures.ts";
import { EXPOSURES_BASE, exposureListingData } from "./listing.ts";
import { exposureStatuses } from "./vocabulary.ts";
import { loadExposures } from "./load.ts";
import { exposureFeedSource, exposureTables } from "./open-data.ts";
import { exposureRegister, exposuresTable, exposureUpdatesTable } from "./schema.ts";

/** 环保曝光台: environmental problems exposed by the media and their rectification. */
export const exposures = defineRegister({
  key: "exposures",
  title: exposureRegister.title,
  base: EXPOSURES_BASE,
  noun: "问题",
  statuses: exposureStatuses,
  tables: [exposuresTable, exposureUpdatesTable],
  load: (ctx, env) => loadExposures(ctx, env),
  facetLinks: ["county", "status", "timeliness", "year"],
  primaryDataset: "exposures",
  timelineDataset: "exposure-updates",
  listing: (register, { counties }) => exposureListingData(register, counties),
  openData: (register) => exposureTables(register),
  feeds: (register) => exposureFeedSource(register),
  figures: exposureFigures,
  headline: ({ stats }, { site }) => ({
    summary: `媒体曝光的生态环境问题逐条公开整改进展${site.sample ? "（示例数据）" : ""}。`,
    figures: [
      { label: "个曝光问题", value: formatCount(stats.total), href: EXPOSURES_BASE },
      {
        label: `个已完成整改（其中 ${formatCount(stats.byStatus["已销号"])} 个已销号）`,
        value: formatCount(stats.byStatus["已整改"] + stats.byStatus["已销号"]),
      },
      {
        label: `按时整改率（已到期的 ${formatCount(stats.overall.due)} 个问题中 ${formatCount(stats.overall.onTime)} 个按期）`,
        value: percentOf(stats.overall.onTime, stats.overall.due),
        href: `${EXPOSURES_BASE}stats/`,
      },
      {
        label: "个逾期未整改",
        value: formatCount(stats.overall.overdue),
        alert: stats.overall.overdue > 0,
      },
      { label: "天：整改用时中位数", value: formatDays(stats.overall.medianDaysToRectify) },
    ],
    links: [
      { href: EXPOSURES_BASE, label: "查看全部曝光问题" },
      { href: `${EXPOSURES_BASE}stats/`, label: "整改统计与“按时”的定义" },
    ],
  }),
  synthetic: { weight: 1, generate: generateExposures },
});
