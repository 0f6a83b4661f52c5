import { choice, date, id, integer, regionCode, text } from "../../data/fields.ts";
import type { Column, RowOf } from "../../data/fields.ts";
import { quote } from "../../data/issues.ts";
import { defineTable } from "../../data/table.ts";
import { timelineTable } from "../timeline.ts";
import type { TimelineColumns } from "../timeline.ts";
import {
  BUILT_STATUSES,
  STATUSES_WITH_REASON,
  projectCategories,
  projectEventKinds,
  projectStatuses,
} from "./vocabulary.ts";
import type { ProjectEventKind, ProjectStatus } from "./vocabulary.ts";

export const PROJECTS_FILE = "projects.csv";
export const PROJECT_UPDATES_FILE = "project-updates.csv";

/** Statuses in which the project has broken ground, so `started_on` is known. */
const STARTED_STATUSES: ReadonlySet<ProjectStatus> = new Set(["在建", "建成", "投用"]);

/** `projects.csv`: one row per 对标补短 project. */
export const projectsTable = defineTable({
  file: PROJECTS_FILE,
  title: "对标补短项目清单",
  primaryKey: "id",
  nonEmpty: true,
  columns: {
    /** Stable id, DB-<year listed>-<3 or 4 digit serial>; page URLs are made from it. */
    id: id({
      doc: "项目编号：DB-列入计划的年份-序号，如 DB-2018-007；发布后不再更改",
      pattern: /^DB-\d{4}-\d{3,4}$/,
      example: "DB-2018-007",
    }),
    /** The project's name as the plan lists it. */
    name: text({ doc: "项目名称，照计划文件写，如 某某县人民医院门急诊综合楼建设项目", max: 60 }),
    /** Area of need the project answers. */
    category: choice(projectCategories.values, { doc: "项目类别（补哪一方面的短板）" }),
    /** County-level division where it is built; for a cross-county project, its main works. */
    region_code: regionCode({
      doc: "项目所在县级区划的代码（见 regions.csv）；跨区县的项目填主体工程所在的区县",
    }),
    /** Body answerable for delivering it (业主 or lead department). */
    responsible_unit: text({ doc: "责任单位（项目业主或牵头部门）", max: 60 }),
    /** What the shortfall is, against the benchmark the plan set. */
    shortfall: text({
      doc: "对标补的是什么短板：与对标对象相比差在哪里、项目建成后达到什么",
      max: 300,
    }),
    /** Scope of works as approved. */
    scope: text({ doc: "主要建设内容和规模", max: 2000 }),
    /** Total investment in 万元, whole number, as currently approved. */
    total_investment: integer({
      doc: "项目总投资（万元，整数）；概算调整后写调整后的数，并在时间线记一条「调整」",
      min: 1,
    }),
    /** Day the project entered the plan; no timeline event may precede it. */
    listed_on: date({ doc: "列入对标补短计划的日期" }),
    /** Planned day construction starts. */
    planned_start_on: date({ doc: "计划开工日期，可晚于数据截至日期", planned: true }),
    /** Planned day it is built (completion accepted). */
    planned_finish_on: date({ doc: "计划建成日期，可晚于数据截至日期", planned: true }),
    /** Where the project stands; must agree with the timeline's latest status. */
    status: choice(projectStatuses.values, { doc: "项目状态，须与时间线中最新的状态一致" }),
    /** Why it is paused or ended; required for 暂缓 and 终止, empty otherwise. */
    status_reason: text({
      doc: "暂缓或终止的原因；状态为暂缓、终止时必填，其他状态留空",
      max: 300,
      required: false,
    }),
    /** Day construction actually started; required once the project is 在建 or later. */
    started_on: date({
      doc: "实际开工日期；状态为在建、建成、投用时必填，尚未开工留空",
      required: false,
    }),
    /** Day completion was accepted; required for 建成 and 投用. */
    completed_on: date({
      doc: "实际建成（竣工验收）日期；状态为建成、投用时必填",
      required: false,
    }),
    /** Why cumulative investment may exceed the total (e.g. an adjustment awaiting approval). */
    overrun_reason: text({
      doc: "累计完成投资超过总投资的原因（如概算调增尚待批复）；没有超出时留空",
      max: 300,
      required: false,
    }),
  },
  check(row, report) {
    if (row.planned_finish_on < row.planned_start_on) {
      report(
        "planned_finish_on",
        `计划建成日期 ${row.planned_finish_on} 早于计划开工日期 ${row.planned_start_on}`,
        "不早于计划开工日期（planned_start_on）",
      );
    }
    if (row.planned_start_on < row.listed_on) {
      report(
        "planned_start_on",
        `计划开工日期 ${row.planned_start_on} 早于列入计划日期 ${row.listed_on}`,
        "不早于列入计划日期（listed_on）",
      );
    }
    const needsReason = STATUSES_WITH_REASON.has(row.status);
    if (needsReason && row.status_reason === undefined) {
      report(
        "status_reason",
        `状态为${quote(row.status)}，但没有写原因`,
        "状态为暂缓或终止时必填，写明依据哪项决定、为什么",
      );
    }
    if (!needsReason && row.status_reason !== undefined) {
      report(
        "status_reason",
        `状态为${quote(row.status)}，却填了暂缓或终止的原因`,
        "只在状态为暂缓或终止时填写；项目恢复后请清空，原因留在时间线里",
      );
    }
    if (STARTED_STATUSES.has(row.status) && row.started_on === undefined) {
      report(
        "started_on",
        `状态为${quote(row.status)}，但没有填实际开工日期`,
        "状态为在建、建成、投用时必填，日期写作 YYYY-MM-DD",
      );
    }
    if (row.status === "前期" && row.started_on !== undefined) {
      report(
        "started_on",
        `状态为「前期」，却填了实际开工日期 ${row.started_on}`,
        "开工后请把状态改为在建；尚未开工时留空",
      );
    }
    const built = BUILT_STATUSES.has(row.status);
    if (built && row.completed_on === undefined) {
      report(
        "completed_on",
        `状态为${quote(row.status)}，但没有填实际建成日期`,
        "状态为建成或投用时必填，日期写作 YYYY-MM-DD",
      );
    }
    if (!built && row.completed_on !== undefined) {
      report(
        "completed_on",
        `状态为${quote(row.status)}，却填了实际建成日期 ${row.completed_on}`,
        "建成后请把状态改为建成或投用；未建成时留空",
      );
    }
    if (row.started_on !== undefined && row.started_on < row.listed_on) {
      report(
        "started_on",
        `实际开工日期 ${row.started_on} 早于列入计划日期 ${row.listed_on}`,
        "不早于列入计划日期（listed_on）",
      );
    }
    if (row.completed_on !== undefined && row.started_on !== undefined) {
      if (row.completed_on < row.started_on) {
        report(
          "completed_on",
          `实际建成日期 ${row.completed_on} 早于实际开工日期 ${row.started_on}`,
          "不早于实际开工日期（started_on）",
        );
      }
    }
  },
});

export type ProjectRow = RowOf<typeof projectsTable.columns>;

/**
 * `project-updates.csv`: the shared timeline columns plus what a progress report carries.
 * Both figures are optional on an event (a 列入计划 or 批复 event reports none), and each
 * is the figure as of that day, not the change since the last report.
 */
export interface ProjectUpdateColumns extends TimelineColumns<ProjectStatus, ProjectEventKind> {
  /** Cumulative investment completed since the project began, in 万元. */
  investment_to_date: Column<number | undefined>;
  /** Physical progress (实物形象进度), whole percent. */
  progress: Column<number | undefined>;
}

const sharedTimeline = timelineTable({
  file: PROJECT_UPDATES_FILE,
  title: "对标补短项目进展",
  itemsFile: PROJECTS_FILE,
  statuses: projectStatuses,
  kinds: projectEventKinds,
}).columns;

export const projectUpdatesTable = defineTable<ProjectUpdateColumns>({
  file: PROJECT_UPDATES_FILE,
  title: "对标补短项目进展",
  columns: {
    item_id: sharedTimeline.item_id,
    date: sharedTimeline.date,
    kind: sharedTimeline.kind,
    status: sharedTimeline.status,
    investment_to_date: integer({
      doc: "截至当日累计完成投资（万元，整数，自项目开始累计，不是本期新增）；本次没有报送留空",
      required: false,
    }),
    progress: integer({
      doc: "截至当日实物形象进度（%,0 到 100 的整数）；本次没有报送留空",
      max: 100,
      required: false,
    }),
    summary: sharedTimeline.summary,
    source_url: sharedTimeline.source_url,
  },
});

export type ProjectUpdateRow = RowOf<ProjectUpdateColumns>;

/** The register's identity, shared by pages, feeds and open data. */
export const projectRegister = {
  key: "projects",
  title: "对标补短项目",
  /** What one item is called. */
  noun: "项目",
  /**
   * The programme's name, as published figures about it are grouped in indicators.csv; the
   * stats page shows those figures beside (never mixed with) what the items add up to.
   */
  programme: "对标补短",
} as const;
