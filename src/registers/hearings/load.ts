import type { DataContext } from "../../data/context.ts";
import type { IsoDate } from "../../data/dates.ts";
import { yearOf } from "../../data/dates.ts";
import { quote } from "../../data/issues.ts";
import type { Region } from "../../data/regions.ts";
import { deadlineFacts } from "../exposures/derive.ts";
import { readRegister } from "../register.ts";
import { timeliness } from "../timeliness.ts";
import { accountabilityOf, sumAccountability, totalPeople } from "./accountability.ts";
import type { Hearing, HearingProblem } from "./model.ts";
import { refuseNameColumns } from "./names.ts";
import {
  HEARINGS_FILE,
  HEARING_PROBLEMS_FILE,
  HEARING_UPDATES_FILE,
  hearingProblemRegister,
  hearingsTable,
} from "./schema.ts";
import { computeHearingStats } from "./stats.ts";
import type { HearingStats } from "./stats.ts";

export interface HearingRegister {
  /** Newest episode first. */
  hearings: readonly Hearing[];
  hearingsById: ReadonlyMap<string, Hearing>;
  /** Newest episode first, then by id within an episode: the order every list uses. */
  problems: readonly HearingProblem[];
  problemsById: ReadonlyMap<string, HearingProblem>;
  stats: HearingStats;
}

/** Reads, checks and derives the 阳光问廉 register: episodes, problems and timelines. */
export function loadHearings(
  ctx: DataContext,
  regions: { counties: readonly Region[]; regionsByCode: ReadonlyMap<string, Region> },
): HearingRegister {
  for (const file of [HEARINGS_FILE, HEARING_PROBLEMS_FILE, HEARING_UPDATES_FILE]) {
    refuseNameColumns(ctx, file);
  }
  const hearingRows = ctx.read(hearingsTable);
  const airedOn = new Map(hearingRows.map(({ row }) => [row.id, row]));
  // Before any item is known, an unknown episode is reported by the reference check; its
  // problems' events are then not compared with a date.
  const UNKNOWN = "0000-01-01";
  const { items: rows, timelines } = readRegister(ctx, {
    ...hearingProblemRegister,
    essentials: (row) => ({
      id: row.id,
      status: row.status,
      openedOn: airedOn.get(row.hearing_id)?.aired_on ?? UNKNOWN,
    }),
  });

  const countyByCode = new Map(regions.counties.map((county) => [county.code, county]));
  const file = ctx.displayPath(HEARING_PROBLEMS_FILE);
  const problems: HearingProblem[] = [];
  for (const { line, row } of rows) {
    const report = (column: string, problem: string, allowed: string) =>
      ctx.report({ file, line, column, problem, allowed });
    if (!row.id.startsWith(`${row.hearing_id}-`)) {
      report(
        "id",
        `问题编号 ${row.id} 不以所属节目编号 ${row.hearing_id} 开头`,
        "所属节目编号加两位序号,如 WL-007 的问题写作 WL-007-01",
      );
    }
    const hearing = airedOn.get(row.hearing_id);
    const county = countyByCode.get(row.region_code);
    if (!county && regions.regionsByCode.has(row.region_code)) {
      report(
        "region_code",
        `行政区划代码 ${quote(row.region_code)} 不是县级区划`,
        "regions.csv 中本市所辖县级区划(层级为「县」)的代码",
      );
    }
    if (!hearing || !county) continue;
    const aired = hearing.aired_on;
    const notBefore = (column: string, value: IsoDate | undefined, what: string) => {
      if (value !== undefined && value < aired) {
        report(
          column,
          `${what} ${value} 早于节目直播日期 ${aired}(${hearing.id})`,
          "不早于所属节目的直播日期(hearings.csv 的 aired_on)",
        );
      }
    };
    notBefore("deadline", row.deadline, "整改期限");
    notBefore("rectified_on", row.rectified_on, "整改完成日期");
    notBefore("accountability_announced_on", row.accountability_announced_on, "问责结果公布日期");
    const accountability = accountabilityOf(row);
    problems.push({
      id: row.id,
      hearingId: hearing.id,
      hearingNumber: hearing.number,
      airedOn: aired,
      year: yearOf(aired),
      title: row.title,
      county,
      unitQuestioned: row.unit_questioned,
      exposed: row.exposed,
      commitment: row.commitment,
      deadline: row.deadline,
      status: row.status,
      rectifiedOn: row.rectified_on,
      closedOn: row.closed_on,
      measures: row.measures,
      accountability,
      accountableTotal: totalPeople(accountability),
      accountabilityAnnouncedOn: row.accountability_announced_on,
      timeliness: timeliness({ deadline: row.deadline, doneOn: row.rectified_on, asOf: ctx.asOf }),
      timeline: timelines.get(row.id) ?? [],
      line,
      ...deadlineFacts(
        { exposedOn: aired, deadline: row.deadline, rectifiedOn: row.rectified_on },
        ctx.asOf,
      ),
    });
  }
  problems.sort((a, b) =>
    a.airedOn === b.airedOn ? (a.id < b.id ? -1 : 1) : a.airedOn < b.airedOn ? 1 : -1,
  );

  const problemsOf = new Map<string, HearingProblem[]>();
  for (const problem of problems) {
    const list = problemsOf.get(problem.hearingId);
    if (list) list.push(problem);
    else problemsOf.set(problem.hearingId, [problem]);
  }
  const hearings: Hearing[] = hearingRows.map(({ line, row }) => {
    const own = problemsOf.get(row.id) ?? [];
    const accountability = sumAccountability(own.map((problem) => problem.accountability));
    return {
      id: row.id,
      number: row.number,
      airedOn: row.aired_on,
      year: yearOf(row.aired_on),
      broadcaster: row.broadcaster,
      theme: row.theme,
      unitsQuestioned: row.units_questioned
        .split("、")
        .map((unit) => unit.trim())
        .filter((unit) => unit !== ""),
      videoUrl: row.video_url,
      summary: row.summary,
      problems: own,
      accountability,
      accountableTotal: totalPeople(accountability),
      line,
    };
  });
  hearings.sort((a, b) => b.number - a.number);
  // Episodes are numbered in broadcast order; a later number aired earlier is a typo in one
  // of the two cells.
  const hearingsFile = ctx.displayPath(HEARINGS_FILE);
  hearings.forEach((later, i) => {
    const earlier = hearings[i + 1];
    if (earlier && later.airedOn < earlier.airedOn) {
      ctx.report({
        file: hearingsFile,
        line: later.line,
        column: "aired_on",
        problem: `第 ${later.number} 期的直播日期 ${later.airedOn} 早于第 ${earlier.number} 期(第 ${earlier.line} 行,${earlier.airedOn})`,
        allowed: "期数按直播先后编排,后一期的日期不早于前一期",
      });
    }
  });
  return {
    hearings,
    hearingsById: new Map(hearings.map((hearing) => [hearing.id, hearing])),
    problems,
    problemsById: new Map(problems.map((problem) => [problem.id, problem])),
    stats: computeHearingStats(hearings, problems, regions.counties),
  };
}
