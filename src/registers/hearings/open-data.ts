import type { Region } from "../../data/regions.ts";
import type { TableDescription } from "../../data/tables.ts";
import { publishTable, publishView } from "../../open-data/published-table.ts";
import type { PublishedTable, PublishedValue } from "../../open-data/published-table.ts";
import type { RegisterFeedSource } from "../../open-data/register-feeds.ts";
import { facetBase } from "../listing.ts";
import { timelinessColumns, timelinessRecord } from "../timeliness.ts";
import {
  HEARINGS_BASE,
  HEARING_PROBLEMS_BASE,
  hearingPath,
  hearingProblemPath,
} from "./listing.ts";
import type { HearingRegister } from "./load.ts";
import type { HearingProblem } from "./model.ts";
import {
  hearingProblemRegister,
  hearingProblemsTable,
  hearingUpdatesTable,
  hearingsTable,
} from "./schema.ts";
import type { HearingProblemRow, HearingRow } from "./schema.ts";

const YES_NO = { kind: "boolean", values: ["是", "否"], allowed: "是 或 否" } as const;

/**
 * `/data/hearing-problems.csv`: the editors' columns under the same names, then what the pages
 * compute from them (the county's name, 按期情况, the people held accountable in total).
 */
export const hearingProblemsView: TableDescription = {
  file: hearingProblemsTable.file,
  title: hearingProblemsTable.title,
  primaryKey: "id",
  columns: {
    ...hearingProblemsTable.columns,
    region_name: {
      kind: "text",
      required: true,
      doc: "区县名称（由 region_code 得出）",
      allowed: "regions.csv 中的名称",
    },
    aired_on: {
      kind: "date",
      required: true,
      doc: "所属节目的直播日期（由 hearing_id 得出）",
      allowed: "日期写作 YYYY-MM-DD",
    },
    ...timelinessColumns,
    due: { ...YES_NO, required: true, doc: "是否已到承诺期限（计入按时整改率）" },
    overdue: { ...YES_NO, required: true, doc: "截至数据日期已过承诺期限仍未整改" },
    accountable_total: {
      kind: "integer",
      required: true,
      doc: "被问责的总人数（各种问责方式相加）",
      allowed: "不小于 0 的整数",
    },
  },
};

function problemRecord(problem: HearingProblem): Record<string, PublishedValue> {
  const row: HearingProblemRow = {
    id: problem.id,
    hearing_id: problem.hearingId,
    title: problem.title,
    region_code: problem.county.code,
    unit_questioned: problem.unitQuestioned,
    exposed: problem.exposed,
    commitment: problem.commitment,
    deadline: problem.deadline,
    status: problem.status,
    rectified_on: problem.rectifiedOn,
    closed_on: problem.closedOn,
    measures: problem.measures,
    accountable_admonition: problem.accountability["诫勉谈话"],
    accountable_party_discipline: problem.accountability["党纪处分"],
    accountable_government_discipline: problem.accountability["政务处分"],
    accountable_organisational: problem.accountability["组织处理"],
    accountable_other: problem.accountability["其他问责"],
    accountability_announced_on: problem.accountabilityAnnouncedOn,
  };
  return {
    ...row,
    region_name: problem.county.name,
    aired_on: problem.airedOn,
    ...timelinessRecord(problem.timeliness),
    due: problem.due,
    overdue: problem.overdue,
    accountable_total: problem.accountableTotal,
  };
}

/**
 * The register as open data, in the editors' own columns: episodes (newest first), problems
 * (newest episode first) and their timelines (oldest event first). Every column is public;
 * there is no personal data to project away, because no file may hold any (see names.ts).
 */
export function hearingTables(register: HearingRegister): PublishedTable[] {
  return [
    publishTable({
      name: "hearings",
      title: hearingsTable.title,
      description: "阳光问廉每一期直播节目：期数、直播日期、播出机构、主题和到场接受质询的单位。",
      spec: hearingsTable,
      rows: register.hearings.map((hearing): HearingRow => ({
        id: hearing.id,
        number: hearing.number,
        aired_on: hearing.airedOn,
        broadcaster: hearing.broadcaster,
        theme: hearing.theme,
        units_questioned: hearing.unitsQuestioned.join("、"),
        video_url: hearing.videoUrl,
        summary: hearing.summary,
      })),
      recordPath: (record) => hearingPath(String(record["id"])),
    }),
    publishView({
      name: "hearing-problems",
      title: hearingProblemsView.title,
      description:
        "节目曝光的每一个问题：所属节目、区县、被质询单位、曝光内容、现场承诺、承诺期限与整改状态，按方式统计的问责人数（只有人数，没有姓名），以及本站按数据截至日期算出的按期情况和逾期天数（与网页上显示的相同）。",
      spec: hearingProblemsView,
      records: register.problems.map(problemRecord),
      recordPath: (record) => hearingProblemPath(String(record["id"])),
    }),
    publishTable({
      name: "hearing-problem-updates",
      title: hearingUpdatesTable.title,
      description:
        "每个问题的时间线：节目质询、交办、进展、问责通报、回访、验收等事件的日期、类型、事件后的状态、说明和公开来源。",
      spec: hearingUpdatesTable,
      rows: register.problems.flatMap((problem) =>
        problem.timeline.map((event) => ({
          item_id: event.itemId,
          date: event.date,
          kind: event.kind,
          status: event.status,
          summary: event.summary,
          source_url: event.sourceUrl,
        })),
      ),
    }),
  ];
}

export function hearingFeedSource(register: HearingRegister): RegisterFeedSource {
  return {
    key: hearingProblemRegister.key,
    title: hearingProblemRegister.title,
    noun: "问题",
    listPath: HEARINGS_BASE,
    countyPath: (county: Region) =>
      facetBase({ base: HEARING_PROBLEMS_BASE }, "county", county.code),
    items: register.problems.map((problem) => ({
      id: problem.id,
      title: problem.title,
      path: hearingProblemPath(problem.id),
      county: problem.county,
      openedOn: problem.airedOn,
      status: problem.status,
      events: problem.timeline,
    })),
    eventFeeds: [{ slug: "accountability", title: "问责通报", kinds: ["问责"] }],
  };
}
