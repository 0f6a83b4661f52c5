import type { IsoDate } from "../../data/dates.ts";
import { daysBetween, toDayNumber } from "../../data/dates.ts";
import type { ProjectEvent } from "./checks.ts";
import { BUILT_STATUSES } from "./vocabulary.ts";
import type { ProjectStatus } from "./vocabulary.ts";

/**
 * A project's standing against its plan, as of the data's as-of date. Computed once when
 * the data is loaded; pages only print it. The definitions, which the stats page states:
 *
 * - **The plan is a straight line.** From the planned start day to the planned finish day
 *   (both included) the project is planned to advance evenly, day by day: on day k of N it
 *   should be k/N done, in physical progress and in investment alike. Before the planned
 *   start it should be 0% done, from the planned finish day on 100%. The plans give no
 *   yearly schedule, so this is the simplest plan the published dates imply, not the
 *   owner's own schedule.
 * - **Progress** is the latest physical progress reported on or before the as-of date. A
 *   project that reported none counts as 0%, except a 建成 or 投用 one, which counts as 100%.
 * - **Investment completed** is the latest cumulative figure reported; 0 when none was.
 * - **Behind schedule**: progress below the straight line at the as-of date, by any
 *   margin. A 终止 project is not judged (its plan no longer applies); a 暂缓 one is.
 * - **Overdue**: past the planned finish day and neither built nor terminated.
 */
export interface ScheduleFacts {
  /** Latest cumulative investment completed, 万元; 0 when none was reported. */
  investmentToDate: number;
  investmentReportedOn: IsoDate | undefined;
  /** Physical progress used for the schedule, whole percent (see above). */
  progress: number;
  /** Day of the progress figure; undefined when it is implied (none reported). */
  progressReportedOn: IsoDate | undefined;
  /** Where the straight line stands at the as-of date, percent (0–100, fractional). */
  plannedProgress: number;
  /** Investment the straight line reaches by the as-of date, 万元 (fractional). */
  plannedInvestmentToDate: number;
  /** Counted in plan-versus-completed figures: every project but a terminated one. */
  inPlan: boolean;
  behind: boolean;
  /** Percentage points below the line, when behind. */
  behindBy: number | undefined;
  overdue: boolean;
  /** As-of date − planned finish day, when overdue. */
  daysOverdue: number | undefined;
  /** Built after the planned finish day. */
  finishedLate: boolean;
  /** Actual − planned finish day, when finished late. */
  daysLate: number | undefined;
}

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
  const start = toDayNumber(plan.plannedStartOn);
  const days = toDayNumber(plan.plannedFinishOn) - start + 1;
  const elapsed = toDayNumber(on) - start + 1;
  return Math.min(1, Math.max(0, elapsed / days));
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

/** Cumulative investment reported by the end of day `on`, 万元; 0 before the first report. */
export function investmentAt(events: readonly ProjectEvent[], on: IsoDate): number {
  return latestReport(events, "investmentToDate", on)?.investmentToDate ?? 0;
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
