import { formatCount, formatShare } from "../../format/numbers.ts";
import { defineRegister } from "../module.ts";
import { formatInvestment } from "./describe.ts";
import { projectFigures } from "./figures.ts";
import { PROJECTS_BASE, projectListingData } from "./listing.ts";
import { loadProjects } from "./load.ts";
import { projectFeedSource, projectTables } from "./open-data.ts";
import { projectRegister, projectUpdatesTable, projectsTable } from "./schema.ts";
import { generateProjects } from "./synthetic.ts";
import { projectStatuses } from "./vocabulary.ts";

/** 对标补短: the projects a city lists to close the gaps its residents named, and their progress. */
export const projects = defineRegister({
  key: projectRegister.key,
  title: projectRegister.title,
  base: PROJECTS_BASE,
  noun: projectRegister.noun,
  statuses: projectStatuses,
  tables: [projectsTable, projectUpdatesTable],
  load: (ctx, env) => loadProjects(ctx, env),
  facetLinks: ["county", "status", "category", "year"],
  primaryDataset: "projects",
  timelineDataset: "project-updates",
  listing: (register, { counties }) => projectListingData(register, counties),
  openData: (register) => projectTables(register),
  feeds: (register) => projectFeedSource(register),
  figures: projectFigures,
  headline: ({ stats }, { site }) => ({
    summary: `对标补短项目逐个公开总投资、计划工期、累计完成投资和实物形象进度${site.sample ? "（示例数据）" : ""}。`,
    figures: [
      { label: "个项目", value: formatCount(stats.total), href: PROJECTS_BASE },
      { label: "总投资", value: formatInvestment(stats.totalInvestment) },
      {
        label: `投资完成率（累计完成 ${formatInvestment(stats.overall.completedToDate)}，按计划应完成 ${formatInvestment(stats.overall.plannedToDate)}）`,
        value: formatShare(stats.overall.completionOfPlan),
        href: `${PROJECTS_BASE}stats/`,
      },
      {
        label: "个进度落后于计划",
        value: formatCount(stats.overall.behind),
        href: `${PROJECTS_BASE}stats/#behind`,
        alert: stats.overall.behind > 0,
      },
      { label: "个已建成或投用", value: formatCount(stats.overall.built) },
    ],
    links: [
      { href: PROJECTS_BASE, label: "查看全部项目" },
      { href: `${PROJECTS_BASE}stats/`, label: "投资与进度统计，“落后于计划”的定义" },
    ],
  }),
  synthetic: { weight: 1, generate: generateProjects },
});
