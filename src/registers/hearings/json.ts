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
