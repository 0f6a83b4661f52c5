import type { Region } from "../../data/regions.ts";
import { publishTable } from "../../open-data/published-table.ts";
import type { PublishedTable } from "../../open-data/published-table.ts";
import type { RegisterFeedSource } from "../../open-data/register-feeds.ts";
import { facetBase } from "../listing.ts";
import {
  HEARINGS_BASE,
  HEARING_PROBLEMS_BASE,
  hearingPath,
  hearingProblemPath,
} from "./listing.ts";
import type { HearingRegister } from "./load.ts";
import {
  hearingProblemRegister,
  hearingProblemsTable,
  hearingUpdatesTable,
  hearingsTable,
} from "./schema.ts";
import type { HearingProblemRow, HearingRow } from "./schema.ts";
import { ACCOUNTABILITY_COLUMNS } from "./vocabulary.ts";

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
    publishTable({
      name: "hearing-problems",
      title: hearingProblemsTable.title,
      description:
        "节目曝光的每一个问题：所属节目、区县、被质询单位、曝光内容、现场承诺、整改期限与状态，以及按方式统计的问责人数（只有人数，没有姓名）。",
      spec: hearingProblemsTable,
      rows: register.problems.map((problem): HearingProblemRow => ({
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
        [ACCOUNTABILITY_COLUMNS["诫勉谈话"]]: problem.accountability["诫勉谈话"],
        [ACCOUNTABILITY_COLUMNS["党纪处分"]]: problem.accountability["党纪处分"],
        [ACCOUNTABILITY_COLUMNS["政务处分"]]: problem.accountability["政务处分"],
        [ACCOUNTABILITY_COLUMNS["组织处理"]]: problem.accountability["组织处理"],
        [ACCOUNTABILITY_COLUMNS["其他问责"]]: problem.accountability["其他问责"],
        accountability_announced_on: problem.accountabilityAnnouncedOn,
      })),
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
