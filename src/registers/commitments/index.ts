import { formatChineseDate } from "../../data/dates.ts";
import { formatCount, percentOf } from "../../format/numbers.ts";
import { defineRegister } from "../module.ts";
import { commitmentComparisonsTable } from "./comparisons.ts";
import { commitmentFigures } from "./figures.ts";
import { COMMITMENTS_BASE, commitmentListingData } from "./listing.ts";
import { loadCommitments } from "./load.ts";
import { commitmentFeedSource, commitmentTables } from "./open-data.ts";
import { commitmentRegister, commitmentUpdatesTable, commitmentsTable } from "./schema.ts";
import { generateCommitments } from "./synthetic.ts";
import { commitmentStatuses } from "./vocabulary.ts";

/** 民生实事: the 民生实事计划 and 为民办事清单, one row per promise, and whether it was kept. */
export const commitments = defineRegister({
  key: commitmentRegister.key,
  title: commitmentRegister.title,
  base: COMMITMENTS_BASE,
  noun: "事项",
  statuses: commitmentStatuses,
  tables: [commitmentsTable, commitmentUpdatesTable, commitmentComparisonsTable],
  load: (ctx, env) => loadCommitments(ctx, env),
  facetLinks: ["county", "status", "year", "list", "level"],
  primaryDataset: "commitments",
  timelineDataset: "commitment-updates",
  listing: (register, { counties }) => commitmentListingData(register, counties),
  openData: (register) => commitmentTables(register),
  feeds: (register) => commitmentFeedSource(register),
  figures: commitmentFigures,
  synthetic: { weight: 1, generate: generateCommitments },
  headline: ({ stats }, { site }) => {
    const { overall } = stats;
    return {
      summary: `单位、班子成员、基层党组织和党员承诺为群众办的实事，逐项公开责任单位、完成时限和办理结果${site.sample ? "（示例数据）" : ""}。`,
      figures: [
        { label: "项承诺", value: formatCount(stats.total), href: COMMITMENTS_BASE },
        {
          label: `完成率（${formatCount(overall.total)} 项中 ${formatCount(overall.done)} 项已完成）`,
          value: percentOf(overall.done, overall.total),
          href: `${COMMITMENTS_BASE}stats/`,
        },
        {
          label: `项截至 ${formatChineseDate(site.asOf)} 逾期未完成`,
          value: formatCount(overall.overdue),
          href: `${COMMITMENTS_BASE}stats/#overdue`,
          alert: overall.overdue > 0,
        },
        { label: "项已调整", value: formatCount(overall.adjusted) },
      ],
      links: [
        { href: COMMITMENTS_BASE, label: "查看全部民生实事" },
        { href: `${COMMITMENTS_BASE}stats/`, label: "完成率统计与计算口径" },
      ],
    };
  },
});
