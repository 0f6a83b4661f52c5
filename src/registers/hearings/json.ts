import type { IsoDate } from "../../data/dates.ts";
import type { Hearing, HearingProblem } from "./model.ts";
import { accountabilityKinds } from "./vocabulary.ts";

/** Accountability as published: counts by way, keyed by the way's slug. Never names. */
function accountabilityJson(problem: Pick<HearingProblem, "accountability" | "accountableTotal">) {
  return {
    total: problem.accountableTotal,
    byKind: Object.fromEntries(
      accountabilityKinds.terms.map((term) => [term.slug, problem.accountability[term.value]]),
    ),
  };
}

/**
 * The public JSON of one problem (`/hearings/problems/<id>.json`). Absent values are `null`,
 * never missing keys. Keys are a public contract: add, never rename.
 */
export function hearingProblemJson(
  problem: HearingProblem,
  meta: { url: string; asOf: IsoDate; register: string },
) {
  return {
    register: meta.register,
    id: problem.id,
    url: meta.url,
    asOf: meta.asOf,
    hearing: { id: problem.hearingId, number: problem.hearingNumber, airedOn: problem.airedOn },
    title: problem.title,
    region: { code: problem.county.code, name: problem.county.name },
    unitQuestioned: problem.unitQuestioned,
    exposed: problem.exposed,
    commitment: problem.commitment,
    deadline: problem.deadline ?? null,
    status: problem.status,
    rectifiedOn: problem.rectifiedOn ?? null,
    closedOn: problem.closedOn ?? null,
    measures: problem.measures ?? null,
    accountability: {
      ...accountabilityJson(problem),
      announcedOn: problem.accountabilityAnnouncedOn ?? null,
    },
    derived: {
      overdue: problem.overdue,
      daysOverdue: problem.daysOverdue ?? null,
      rectifiedLate: problem.rectifiedLate,
      daysLate: problem.daysLate ?? null,
      daysToRectify: problem.daysToRectify ?? null,
      countedInOnTimeRate: problem.due,
      onTime: problem.onTime ?? null,
    },
    timeline: problem.timeline.map((event) => ({
      date: event.date,
      kind: event.kind,
      status: event.status ?? null,
      summary: event.summary,
      sourceUrl: event.sourceUrl ?? null,
    })),
  };
}

/** The public JSON of one episode (`/hearings/<id>.json`), with its problems' ids. */
export function hearingJson(
  hearing: Hearing,
  meta: { url: string; asOf: IsoDate; register: string },
) {
  return {
    register: meta.register,
    id: hearing.id,
    url: meta.url,
    asOf: meta.asOf,
    number: hearing.number,
    airedOn: hearing.airedOn,
    broadcaster: hearing.broadcaster,
    theme: hearing.theme,
    unitsQuestioned: hearing.unitsQuestioned,
    videoUrl: hearing.videoUrl ?? null,
    summary: hearing.summary ?? null,
    accountability: accountabilityJson(hearing),
    problems: hearing.problems.map((problem) => ({
      id: problem.id,
      title: problem.title,
      status: problem.status,
    })),
  };
}
