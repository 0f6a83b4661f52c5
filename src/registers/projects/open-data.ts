import type { Region } from "../../data/regions.ts";
import type { ColumnDoc, TableDescription } from "../../data/tables.ts";
import { publishTable, publishView } from "../../open-data/published-table.ts";
import type { PublishedTable, PublishedValue } from "../../open-data/published-table.ts";
import type { RegisterFeedSource } from "../../open-data/register-feeds.ts";
import { facetBase } from "../listing.ts";
import { PROJECTS_BASE } from "./listing.ts";
import type { ProjectRegister } from "./load.ts";
import type { Project } from "./model.ts";
import { projectRegister, projectUpdatesTable, projectsTable } from "./schema.ts";
import type { ProjectRow, ProjectUpdateRow } from "./schema.ts";

const YES_NO = { kind: "boolean", values: ["是", "否"], allowed: "是 或 否" } as const;
const WHOLE = (doc: string): ColumnDoc => ({
  kind: "integer",
  required: false,
  doc,
  allowed: "不小于 0 的整数",
});

/**
 * `/data/projects.csv`: the editors' columns under the same names, then what the pages compute
 * from them (the rules are on the stats page), so a download carries what the screen shows.
 */
export const projectsView: TableDescription = {
  file: projectsTable.file,
  title: projectsTable.title,
  primaryKey: "id",
  columns: {
    ...projectsTable.columns,
    region_name: {
      kind: "text",
      required: true,
      doc: "区县名称（由 region_code 得出）",
      allowed: "regions.csv 中的名称",
    },
    investment_to_date: {
      ...WHOLE("最近一次报送的累计完成投资（万元）；没有报送为 0"),
      required: true,
    },
    progress: { ...WHOLE("判断进度所用的实物形象进度（%）"), required: true },
    planned_progress: {
      kind: "number",
      required: true,
      doc: "按计划开工到计划建成匀速推进，截至数据日期应达到的进度（%，一位小数）",
      allowed: "0 到 100",
    },
    behind_schedule: { ...YES_NO, required: true, doc: "进度是否低于计划进度（终止的项目为否）" },
    overdue: { ...YES_NO, required: true, doc: "已过计划建成日期，仍未建成也未终止" },
    days_overdue: WHOLE("逾期天数：截至数据日期减计划建成日期；未逾期为空"),
    finished_late: { ...YES_NO, required: true, doc: "建成晚于计划建成日期" },
    days_late: WHOLE("晚于计划建成的天数；按期或未建成为空"),
  },
};

function projectRow(item: Project): ProjectRow {
  return {
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
  };
}

function projectRecord(item: Project): Record<string, PublishedValue> {
  return {
    ...projectRow(item),
    region_name: item.county.name,
    investment_to_date: item.investmentToDate,
    progress: item.progress,
    planned_progress: Math.round(item.plannedProgress * 10) / 10,
    behind_schedule: item.behind,
    overdue: item.overdue,
    days_overdue: item.daysOverdue,
    finished_late: item.finishedLate,
    days_late: item.daysLate,
  };
}

/**
 * The project register as open data: its two files in the editors' own columns (newest
 * listed first, each project's updates oldest first), and its feeds.
 */
export function projectTables(register: ProjectRegister): PublishedTable[] {
  const path = (record: { id?: unknown }) => `${PROJECTS_BASE}${String(record.id)}/`;
  return [
    publishView({
      name: "projects",
      title: projectsTable.title,
      description:
        "对标补短的每一个项目：类别、所在区县、责任单位、补的短板、建设内容、总投资（万元）、计划开工和建成日期、状态及原因、实际开工和建成日期，以及本站按数据截至日期算出的累计完成投资、进度、计划进度、是否落后于计划和逾期（与网页上显示的相同）。",
      spec: projectsView,
      records: register.items.map(projectRecord),
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
