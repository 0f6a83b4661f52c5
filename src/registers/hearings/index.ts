import { formatCount, percentOf } from "../../format/numbers.ts";
import { defineRegister } from "../module.ts";
import { hearingFigures } from "./figures.ts";
import { HEARINGS_BASE, HEARING_PROBLEMS_BASE, hearingListingData } from "./listing.ts";
import { loadHearings } from "./load.ts";
import { hearingFeedSource, hearingTables } from "./open-data.ts";
import {
  hearingProblemRegister,
  hearingProblemsTable,
  hearingUpdatesTable,
  hearingsTable,
} from "./schema.ts";
import { hearingProblemStatuses } from "./vocabulary.ts";

/** 阳光问廉: televised hearings, the problems they exposed, rectification and accountability. */
export const hearings = defineRegister({
  key: hearingProblemRegister.key,
  title: hearingProblemRegister.title,
  base: HEARINGS_BASE,
  noun: "问题",
  statuses: hearingProblemStatuses,
  tables: [hearingsTable, hearingProblemsTable, hearingUpdatesTable],
  // The problems are the items (their own pages, history, withdrawals); episodes come first.
  itemsFile: hearingProblemsTable.file,
  load: (ctx, env) => loadHearings(ctx, env),
  facetLinks: ["county", "status", "timeliness", "year"],
  primaryDataset: "hearing-problems",
  // The items are the problems, with pages under /hearings/problems/; episodes have their own.
  itemBase: HEARING_PROBLEMS_BASE,
  timelineDataset: "hearing-problem-updates",
  // The items are the problems, listed under /hearings/problems/ (the register's own page,
  // /hearings/, lists the episodes).
  listing: (register, { counties }) => hearingListingData(register, counties),
  openData: (register) => hearingTables(register),
  feeds: (register) => hearingFeedSource(register),
  figures: hearingFigures,
  headline: ({ stats }, { site }) => ({
    summary: `直播问政节目曝光的问题，逐条公开现场承诺、整改进展和问责人数${site.sample ? "（示例数据）" : ""}。`,
    figures: [
      { label: "期节目", value: formatCount(stats.hearingCount), href: HEARINGS_BASE },
      { label: "个曝光问题", value: formatCount(stats.problemCount), href: HEARING_PROBLEMS_BASE },
      {
        label: `按时整改率（已到期的${formatCount(stats.overall.due)}个问题中${formatCount(stats.overall.onTime)}个按期）`,
        value: percentOf(stats.overall.onTime, stats.overall.due),
        href: `${HEARINGS_BASE}stats/`,
      },
      {
        label: "个逾期未整改",
        value: formatCount(stats.overall.overdue),
        alert: stats.overall.overdue > 0,
      },
      { label: "人被问责（只公布人数）", value: formatCount(stats.accountability.total) },
    ],
    links: [
      { href: HEARINGS_BASE, label: "历期节目" },
      { href: HEARING_PROBLEMS_BASE, label: "全部曝光问题" },
      { href: `${HEARINGS_BASE}stats/`, label: "整改与问责统计" },
    ],
  }),
});

/**
 * The problems as the kit's item and JSON routes see them: the same module and data, with the
 * problems' own base (`/hearings/problems/`), since the register's page (`/hearings/`) lists
 * the episodes. The title stays the register's, so search files episodes and problems alike
 * under 阳光问廉.
 */
export const hearingProblemPages = { ...hearings, base: HEARING_PROBLEMS_BASE };

/** The problem list pages: their heading names what they list. */
export const hearingProblemList = {
  ...hearingProblemPages,
  title: `${hearingProblemRegister.title}曝光问题`,
};
