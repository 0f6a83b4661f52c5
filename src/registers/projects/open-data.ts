import type { Region } from "../../data/regions.ts";
import { publishTable } from "../../open-data/published-table.ts";
import type { PublishedTable } from "../../open-data/published-table.ts";
import type { RegisterFeedSource } from "../../open-data/register-feeds.ts";
import { facetBase } from "../listing.ts";
import { PROJECTS_BASE } from "./listing.ts";
import type { ProjectRegister } from "./load.ts";
import { projectRegister, projectUpdatesTable, projectsTable } from "./schema.ts";
import type { ProjectRow, ProjectUpdateRow } from "./schema.ts";

/**
 * The project register as open data: its two files in the editors' own columns (newest
 * listed first, each project's updates oldest first), and its feeds.
 */
export function projectTables(register: ProjectRegister): PublishedTable[] {
  const path = (record: { id?: unknown }) => `${PROJECTS_BASE}${String(record.id)}/`;
  return [
    publishTable({
      name: "projects",
      title: projectsTable.title,
      description:
        "对标补短的每一个项目：类别、所在区县、责任单位、补的短板、建设内容、总投资（万元）、计划开工和建成日期、状态及原因、实际开工和建成日期。",
      spec: projectsTable,
      rows: register.items.map((item): ProjectRow => ({
        id: item.id,
        name: item.name,
        category: item.category,
        region_code: item.county.code,
        responsible_unit: item.responsibleUnit,
        shortfall: item.shortfall,
        scope: item.scope,
        total_investment: item.totalInvestment,
        listed_on: item.listedOn,
        planned_start_on: item.plannedStartOn,
        planned_finish_on: item.plannedFinishOn,
        status: item.status,
        status_reason: item.statusReason,
        started_on: item.startedOn,
        completed_on: item.completedOn,
        overrun_reason: item.overrunReason,
      })),
      recordPath: path,
    }),
    publishTable({
      name: "project-updates",
      title: projectUpdatesTable.title,
      description:
        "每个项目的时间线：列入计划、前期工作、开工、进度报送、完工验收、投入使用、暂缓、恢复、终止、调整等事件，进度报送带截至当日的累计完成投资（万元）和实物形象进度（%）。",
      spec: projectUpdatesTable,
      rows: register.items.flatMap((item) =>
        item.timeline.map((event): ProjectUpdateRow => ({
          item_id: event.itemId,
          date: event.date,
          kind: event.kind,
          status: event.status,
          investment_to_date: event.investmentToDate,
          progress: event.progress,
          summary: event.summary,
          source_url: event.sourceUrl,
        })),
      ),
    }),
  ];
}

export function projectFeedSource(register: ProjectRegister): RegisterFeedSource {
  return {
    key: projectRegister.key,
    title: projectRegister.title,
    noun: projectRegister.noun,
    listPath: PROJECTS_BASE,
    countyPath: (county: Region) => facetBase({ base: PROJECTS_BASE }, "county", county.code),
    items: register.items.map((item) => ({
      id: item.id,
      title: item.name,
      path: `${PROJECTS_BASE}${item.id}/`,
      county: item.county,
      openedOn: item.listedOn,
      status: item.status,
      events: item.timeline,
    })),
  };
}
