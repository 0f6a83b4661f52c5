import { defineFigures } from "../figures/registry.ts";
import { getPublishedTables } from "./catalogue.ts";
import type { Dataset } from "./dataset.ts";

/** Figures from the site configuration: what makes prose right for any city. */
export const siteFigures = defineFigures<Dataset>("site", {
  asOf: {
    doc: "数据截至日期",
    compute: ({ site }) => ({ type: "date", value: site.asOf }),
  },
  jurisdiction: {
    doc: "本站覆盖的城市名称（site.json中的jurisdiction.name）",
    compute: ({ site }) => ({ type: "text", value: site.jurisdiction.name }),
  },
  publisher: {
    doc: "数据发布者",
    compute: ({ site }) => ({ type: "text", value: site.publisher }),
  },
  replyPromiseWorkingDays: {
    doc: "书记信箱承诺答复的时限（工作日数）",
    compute: ({ site }) => ({ type: "count", value: site.replyPromiseWorkingDays }),
  },
  stalledAfterDays: {
    doc: "未办结的事项超过多少天没有新进展即标为「久未更新」",
    compute: ({ site }) => ({ type: "count", value: site.stalledAfterDays }),
  },
});

/** Figures from regions.csv. */
export const regionFigures = defineFigures<Dataset>("regions", {
  countyCount: {
    doc: "所辖县级区划的个数",
    compute: ({ counties }) => ({ type: "count", value: counties.length }),
  },
  countyNames: {
    doc: "所辖县级区划的名称，以顿号分隔",
    compute: ({ counties }) => ({
      type: "text",
      value: counties.map((county) => county.name).join("、"),
    }),
  },
});

/** Figures about what the site publishes for download. */
export const openDataFigures = defineFigures<Dataset>("data", {
  datasetCount: {
    doc: "可下载的数据集个数",
    compute: (dataset) => ({ type: "count", value: getPublishedTables(dataset).length }),
  },
  recordCount: {
    doc: "可下载的记录总条数（各数据集相加）",
    compute: (dataset) => ({
      type: "count",
      value: getPublishedTables(dataset).reduce((sum, table) => sum + table.records.length, 0),
    }),
  },
});
