import type { Region } from "../../data/regions.ts";
import { memoisedListing } from "../listing.ts";
import type { ListRow, RegisterListing, RegisterListingData } from "../listing.ts";
import type { ProjectRegister } from "./load.ts";
import type { Project } from "./model.ts";
import { projectCategories, projectStatuses } from "./vocabulary.ts";

export const PROJECTS_BASE = "/projects/";

/** Percentage points to one decimal, as lists show them (the stats page states the rule). */
export function roundPoints(points: number | undefined): number | undefined {
  return points === undefined ? undefined : Math.round(points * 10) / 10;
}

/** How the project register is listed, filtered and sorted. */
export function projectListing(
  register: ProjectRegister,
  counties: readonly Region[],
): RegisterListing {
  const years = [...new Set(register.items.map((item) => item.year))].sort((a, b) => b - a);
  return {
    base: PROJECTS_BASE,
    pageSize: 50,
    indexPath: `${PROJECTS_BASE}filter-index.json`,
    columns: [
      { kind: "title", label: "项目" },
      { kind: "facet", label: "区县", facet: "county" },
      { kind: "facet", label: "状态", facet: "status" },
      { kind: "date", label: "计划建成", value: "plannedFinishOn" },
      { kind: "days", label: "总投资（万元）", value: "totalInvestment" },
      { kind: "days", label: "进度（%）", value: "progress" },
      { kind: "days", label: "落后计划（百分点）", value: "behindBy" },
    ],
    facets: [
      {
        key: "county",
        label: "区县",
        values: counties.map((county) => ({ value: county.code, label: county.name })),
      },
      {
        key: "status",
        label: "状态",
        values: projectStatuses.terms.map((term) => ({
          value: term.slug,
          label: term.value,
          tone: term.tone,
        })),
      },
      {
        key: "category",
        label: "类别",
        values: projectCategories.terms.map((term) => ({ value: term.slug, label: term.value })),
      },
      {
        key: "year",
        label: "计划建成年份",
        values: years.map((year) => ({ value: String(year), label: `${year}年` })),
      },
    ],
    flags: [
      { key: "behind", label: "只看进度落后于计划的项目" },
      { key: "overdue", label: "只看过了计划建成日期仍未建成的项目" },
    ],
    sorts: [
      { key: "newest", label: "列入计划日期，新的在前", value: "listedOn", descending: true },
      {
        key: "finish",
        label: "计划建成日期，早的在前",
        value: "plannedFinishOn",
        descending: false,
      },
      { key: "behind", label: "落后计划，多的在前", value: "behindBy", descending: true },
      { key: "investment", label: "总投资，大的在前", value: "totalInvestment", descending: true },
    ],
  };
}

export function projectListRow(item: Project): ListRow {
  return {
    id: item.id,
    title: item.name,
    facets: {
      county: item.county.code,
      status: projectStatuses.get(item.status).slug,
      category: projectCategories.get(item.category).slug,
      year: String(item.year),
    },
    values: {
      listedOn: item.listedOn,
      plannedFinishOn: item.plannedFinishOn,
      totalInvestment: item.totalInvestment,
      progress: item.progress,
      behindBy: roundPoints(item.behindBy),
    },
    flags: { behind: item.behind, overdue: item.overdue },
  };
}

/** The listing, rows and facet counts, made once per loaded register. */
export function projectListingData(
  register: ProjectRegister,
  counties: readonly Region[],
): RegisterListingData {
  return memoisedListing(register, () => ({
    listing: projectListing(register, counties),
    rows: register.items.map(projectListRow),
  }));
}
