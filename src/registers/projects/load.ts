import type { DataContext } from "../../data/context.ts";
import { yearOf } from "../../data/dates.ts";
import { quote } from "../../data/issues.ts";
import type { Region } from "../../data/regions.ts";
import { groupTimelines } from "../timeline.ts";
import { checkProjectTimeline } from "./checks.ts";
import { scheduleFacts } from "./derive.ts";
import type { Project, ProjectEvent } from "./model.ts";
import { projectUpdatesTable, projectsTable } from "./schema.ts";
import { computeProjectStats } from "./stats.ts";
import type { ProjectStats } from "./stats.ts";

export type { Project, ProjectEvent } from "./model.ts";

export interface ProjectRegister {
  /** Latest listed first (ties: higher id first), the order every list uses. */
  items: readonly Project[];
  byId: ReadonlyMap<string, Project>;
  stats: ProjectStats;
}

/** Reads, checks and derives the benchmark-project register. */
export function loadProjects(
  ctx: DataContext,
  regions: { counties: readonly Region[]; regionsByCode: ReadonlyMap<string, Region> },
): ProjectRegister {
  const { counties, regionsByCode } = regions;
  const rows = ctx.read(projectsTable);
  const updates = ctx.read(projectUpdatesTable);
  const timelines = groupTimelines(
    updates.map(({ line, row }): ProjectEvent => ({
      itemId: row.item_id,
      date: row.date,
      kind: row.kind,
      status: row.status,
      summary: row.summary,
      sourceUrl: row.source_url,
      investmentToDate: row.investment_to_date,
      progress: row.progress,
      line,
    })),
  );
  const projectsFile = ctx.displayPath(projectsTable.file);
  const updatesFile = ctx.displayPath(projectUpdatesTable.file);
  const countyByCode = new Map(counties.map((county) => [county.code, county]));
  const items: Project[] = [];
  for (const { line, row } of rows) {
    const timeline = timelines.get(row.id) ?? [];
    const issues = checkProjectTimeline({
      projectsFile,
      updatesFile,
      project: {
        id: row.id,
        line,
        status: row.status,
        listedOn: row.listed_on,
        totalInvestment: row.total_investment,
        overrunReason: row.overrun_reason,
      },
      events: timeline,
    });
    for (const issue of issues) ctx.report(issue);
    const county = countyByCode.get(row.region_code);
    if (!county) {
      // Codes missing from regions.csv are reported by the loader already.
      if (regionsByCode.has(row.region_code)) {
        ctx.report({
          file: projectsFile,
          line,
          column: "region_code",
          problem: `行政区划代码 ${quote(row.region_code)} 不是县级区划`,
          allowed: "regions.csv 中本市所辖县级区划（层级为「县」）的代码",
        });
      }
      continue;
    }
    items.push({
      id: row.id,
      name: row.name,
      category: row.category,
      county,
      responsibleUnit: row.responsible_unit,
      shortfall: row.shortfall,
      scope: row.scope,
      totalInvestment: row.total_investment,
      listedOn: row.listed_on,
      plannedStartOn: row.planned_start_on,
      plannedFinishOn: row.planned_finish_on,
      year: yearOf(row.planned_finish_on),
      status: row.status,
      statusReason: row.status_reason,
      startedOn: row.started_on,
      completedOn: row.completed_on,
      overrunReason: row.overrun_reason,
      timeline,
      line,
      ...scheduleFacts(
        {
          plannedStartOn: row.planned_start_on,
          plannedFinishOn: row.planned_finish_on,
          status: row.status,
          totalInvestment: row.total_investment,
          completedOn: row.completed_on,
          events: timeline,
        },
        ctx.asOf,
      ),
    });
  }
  items.sort((a, b) =>
    a.listedOn === b.listedOn ? (a.id < b.id ? 1 : -1) : a.listedOn < b.listedOn ? 1 : -1,
  );
  return {
    items,
    byId: new Map(items.map((item) => [item.id, item])),
    stats: computeProjectStats(items, counties, ctx.asOf),
  };
}
