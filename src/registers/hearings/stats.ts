import type { Region } from "../../data/regions.ts";
import { median } from "../exposures/derive.ts";
import type { AccountabilityCounts, Hearing, HearingProblem } from "./model.ts";
import { hearingProblemStatuses, accountabilityKinds } from "./vocabulary.ts";
import type { AccountabilityKind, HearingProblemStatus } from "./vocabulary.ts";

/**
 * On-time rectification among the due problems of one group. The definitions are the
 * exposure register's (src/registers/exposures/derive.ts), with the air date as the day a
 * problem was exposed and the deadline the one promised on air.
 */
export interface HearingOnTimeRow {
  label: string;
  total: number;
  /** Deadline passed: the rate's denominator. */
  due: number;
  onTime: number;
  late: number;
  overdue: number;
  /** onTime / due; undefined when nothing is due. */
  rate: number | undefined;
  medianDaysToRectify: number | undefined;
}

/** People held accountable in one year (by the year the outcome was made public). */
export interface AccountabilityYearRow {
  year: number;
  byKind: AccountabilityCounts;
  total: number;
  /** Problems whose outcome was announced that year. */
  problems: number;
}

export interface HearingCountyRow {
  county: Region;
  byStatus: Record<HearingProblemStatus, number>;
  total: number;
  accountableTotal: number;
}

export interface HearingStats {
  hearingCount: number;
  problemCount: number;
  byStatus: Record<HearingProblemStatus, number>;
  byCounty: HearingCountyRow[];
  overall: HearingOnTimeRow;
  onTimeByYear: HearingOnTimeRow[];
  accountability: {
    byKind: AccountabilityCounts;
    total: number;
    byYear: AccountabilityYearRow[];
    /** Problems for which anyone was held accountable. */
    problemsWithAccountability: number;
  };
  withoutDeadline: number;
  /** Overdue, most days overdue first. */
  overdue: HearingProblem[];
  firstAiredOn: string | undefined;
  lastAiredOn: string | undefined;
}

function zeroStatuses(): Record<HearingProblemStatus, number> {
  return Object.fromEntries(hearingProblemStatuses.values.map((status) => [status, 0])) as Record<
    HearingProblemStatus,
    number
  >;
}

function zeroKinds(): Record<AccountabilityKind, number> {
  return Object.fromEntries(accountabilityKinds.values.map((kind) => [kind, 0])) as Record<
    AccountabilityKind,
    number
  >;
}

export function onTimeRow(label: string, problems: readonly HearingProblem[]): HearingOnTimeRow {
  let due = 0;
  let onTime = 0;
  let late = 0;
  let overdue = 0;
  const days: number[] = [];
  for (const problem of problems) {
    if (problem.due) due++;
    if (problem.onTime === true) onTime++;
    if (problem.rectifiedLate) late++;
    if (problem.overdue) overdue++;
    if (problem.daysToRectify !== undefined) days.push(problem.daysToRectify);
  }
  return {
    label,
    total: problems.length,
    due,
    onTime,
    late,
    overdue,
    rate: due === 0 ? undefined : onTime / due,
    medianDaysToRectify: median(days),
  };
}

/** Every figure the stats page and prose print, in one pass plus small sorts. */
export function computeHearingStats(
  hearings: readonly Hearing[],
  problems: readonly HearingProblem[],
  counties: readonly Region[],
): HearingStats {
  const byStatus = zeroStatuses();
  const byCode = new Map(
    counties.map((county) => [
      county.code,
      { county, byStatus: zeroStatuses(), total: 0, accountableTotal: 0 },
    ]),
  );
  const byYear = new Map<number, HearingProblem[]>();
  const accountabilityByYear = new Map<number, AccountabilityYearRow>();
  const allKinds = zeroKinds();
  let problemsWithAccountability = 0;
  for (const problem of problems) {
    byStatus[problem.status]++;
    const county = byCode.get(problem.county.code);
    if (county) {
      county.byStatus[problem.status]++;
      county.total++;
      county.accountableTotal += problem.accountableTotal;
    }
    const year = byYear.get(problem.year);
    if (year) year.push(problem);
    else byYear.set(problem.year, [problem]);
    const announced = problem.accountabilityAnnouncedOn;
    if (announced === undefined || problem.accountableTotal === 0) continue;
    problemsWithAccountability++;
    const announcedYear = Number(announced.slice(0, 4));
    const row = accountabilityByYear.get(announcedYear) ?? {
      year: announcedYear,
      byKind: zeroKinds(),
      total: 0,
      problems: 0,
    };
    const kinds = row.byKind as Record<AccountabilityKind, number>;
    for (const kind of accountabilityKinds.values) {
      kinds[kind] += problem.accountability[kind];
      allKinds[kind] += problem.accountability[kind];
    }
    row.total += problem.accountableTotal;
    row.problems++;
    accountabilityByYear.set(announcedYear, row);
  }
  const aired = hearings.map((hearing) => hearing.airedOn).sort();
  return {
    hearingCount: hearings.length,
    problemCount: problems.length,
    byStatus,
    byCounty: [...byCode.values()],
    overall: onTimeRow("全部", problems),
    onTimeByYear: [...byYear.keys()]
      .sort((a, b) => a - b)
      .map((year) => onTimeRow(`${year}年`, byYear.get(year) ?? [])),
    accountability: {
      byKind: allKinds,
      total: accountabilityKinds.values.reduce((sum, kind) => sum + allKinds[kind], 0),
      byYear: [...accountabilityByYear.values()].sort((a, b) => a.year - b.year),
      problemsWithAccountability,
    },
    withoutDeadline: problems.filter((problem) => problem.deadline === undefined).length,
    overdue: problems
      .filter((problem) => problem.overdue)
      .sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0)),
    firstAiredOn: aired[0],
    lastAiredOn: aired.at(-1),
  };
}
