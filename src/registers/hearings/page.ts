import { formatCount } from "../../format/numbers.ts";
import type { Fact } from "../facts.ts";
import { dateFact } from "../facts.ts";
import { facetBase } from "../listing.ts";
import type { TimelineEntry } from "../timeline.ts";
import { HEARING_PROBLEMS_BASE, hearingPath } from "./listing.ts";
import type { HearingProblem } from "./model.ts";
import { hearingProblemStatuses } from "./vocabulary.ts";

/** What the problem page shows of a problem raised on air: its facts, in reading order. */
export function hearingProblemFacts(problem: HearingProblem): readonly Fact[] {
  const status = hearingProblemStatuses.get(problem.status);
  return [
    { label: "编号", value: problem.id },
    {
      label: "节目",
      value: [
        { text: `第 ${problem.hearingNumber} 期`, href: hearingPath(problem.hearingId) },
        { text: "，" },
        { date: problem.airedOn },
        { text: "直播" },
      ],
    },
    {
      label: "区县",
      value: [
        {
          text: problem.county.name,
          href: facetBase({ base: HEARING_PROBLEMS_BASE }, "county", problem.county.code),
        },
      ],
    },
    { label: "被质询单位", value: problem.unitQuestioned },
    { label: "承诺期限", value: dateFact(problem.deadline, "现场未承诺期限") },
    { label: "状态", value: `${status.value}：${status.description}` },
    { label: "整改完成", value: dateFact(problem.rectifiedOn, "—") },
    { label: "销号", value: dateFact(problem.closedOn, "—") },
    {
      label: "问责",
      value:
        problem.accountabilityAnnouncedOn === undefined
          ? "截至数据日期没有公布问责结果"
          : [
              { text: `${formatCount(problem.accountableTotal)} 人，` },
              { date: problem.accountabilityAnnouncedOn },
              { text: "公布（只公布人数和方式）" },
            ],
    },
  ];
}

/** The problem's timeline as the kit's Timeline shows it. */
export function hearingProblemTimeline(problem: HearingProblem): TimelineEntry[] {
  return problem.timeline.map((event) => ({
    date: event.date,
    kind: event.kind,
    status:
      event.status === undefined
        ? undefined
        : { label: event.status, tone: hearingProblemStatuses.get(event.status).tone },
    summary: event.summary,
    sourceUrl: event.sourceUrl,
  }));
}
