import type { IsoDate } from "../../data/dates.ts";
import { daysBetween, toDayNumber } from "../../data/dates.ts";
import type { ProjectEvent, ScheduleFacts } from "./model.ts";
import { BUILT_STATUSES } from "./vocabulary.ts";
import type { ProjectStatus } from "./vocabulary.ts";

/**
 * The schedule arithmetic behind `ScheduleFacts` (definitions in model.ts): the straight-line
 * plan, and the latest reported figures on a day.
 */

export interface Plan {
  plannedStartOn: IsoDate;
  plannedFinishOn: IsoDate;
}

/**
 * Share of the plan due by the end of day `on`: 0 before the planned start, k/N on day k of
 * the N planned days, 1 from the planned finish day on. Yearly shares therefore add up to
 * exactly 1 over the project's planned life.
 */
export function plannedShare(plan: Plan, on: IsoDate): number {
  return shareOnDay(dayPlan(plan), toDayNumber(on));
}

/** A plan as day numbers, for sums over many days (dates parsed once, not once a day). */
export interface DayPlan {
  startDay: number;
  /** Planned days, both ends included. */
  days: number;
}

export function dayPlan(plan: Plan): DayPlan {
  const startDay = toDayNumber(plan.plannedStartOn);
  return { startDay, days: toDayNumber(plan.plannedFinishOn) - startDay + 1 };
}

/** `plannedShare` on a day number. */
export function shareOnDay(plan: DayPlan, day: number): number {
  return Math.min(1, Math.max(0, (day - plan.startDay + 1) / plan.days));
}

/** The latest event on or before `on` (events oldest first) that reported `field`. */
export function latestReport(
  events: readonly ProjectEvent[],
  field: "investmentToDate" | "progress",
  on: IsoDate,
): ProjectEvent | undefined {
  let found: ProjectEvent | undefined;
  for (const event of events) {
    if (event.date > on) break;
    if (event[field] !== undefined) found = event;
  }
  return found;
}

export interface ScheduleInput extends Plan {
  status: ProjectStatus;
  totalInvestment: number;
  completedOn: IsoDate | undefined;
  /** Oldest first. */
  events: readonly ProjectEvent[];
}

export function scheduleFacts(input: ScheduleInput, asOf: IsoDate): ScheduleFacts {
  const investment = latestReport(input.events, "investmentToDate", asOf);
  const reported = latestReport(input.events, "progress", asOf);
  const built = BUILT_STATUSES.has(input.status);
  const progress = reported?.progress ?? (built ? 100 : 0);
  const share = plannedShare(input, asOf);
  const plannedProgress = share * 100;
  const inPlan = input.status !== "终止";
  const behind = inPlan && progress < plannedProgress;
  const overdue = inPlan && !built && asOf > input.plannedFinishOn;
  const finishedLate = input.completedOn !== undefined && input.completedOn > input.plannedFinishOn;
  return {
    investmentToDate: investment?.investmentToDate ?? 0,
    investmentReportedOn: investment?.date,
    progress,
    progressReportedOn: reported?.date,
    plannedProgress,
    plannedInvestmentToDate: input.totalInvestment * share,
    inPlan,
    behind,
    behindBy: behind ? plannedProgress - progress : undefined,
    overdue,
    daysOverdue: overdue ? daysBetween(input.plannedFinishOn, asOf) : undefined,
    finishedLate,
    daysLate:
      finishedLate && input.completedOn !== undefined
        ? daysBetween(input.plannedFinishOn, input.completedOn)
        : undefined,
  };
}
