import type { IsoDate } from "../../data/dates.ts";
import { daysBetween } from "../../data/dates.ts";
import { ADJUSTED, DONE } from "./vocabulary.ts";
import type { CommitmentStatus } from "./vocabulary.ts";

/**
 * Deadline facts of one commitment as of the data's as-of date, computed once when the data
 * is loaded; pages only print them. The definitions, which the stats page states in words:
 * - Done: status 已完成. Nothing else counts as done: not 已调整, not a reported partial result.
 * - The promised date is the last allowed day (completing on it is on time). An approved
 *   adjustment may set a new date (`adjusted_due_on`); the date that applies is then the new
 *   one, but lateness is still measured against the date first published (`due_on`), so an
 *   adjustment can explain a delay but never turn it into "on time".
 * - Overdue: not done, not currently 已调整, and the as-of date is after the date that applies.
 *   On that day itself a commitment is not yet overdue. Days overdue = as-of − that date.
 * - Completed late: done after `due_on`. Days late = completed_on − due_on.
 * - Days to complete: completed_on − listed_on.
 */
export interface CommitmentFacts {
  done: boolean;
  /** The status is 已调整 now. */
  adjusted: boolean;
  /** The promised date that applies: the adjusted one if set, else the one first published. */
  effectiveDueOn: IsoDate;
  overdue: boolean;
  daysOverdue: number | undefined;
  completedLate: boolean;
  daysLate: number | undefined;
  daysToComplete: number | undefined;
}

export interface FactsInput {
  status: CommitmentStatus;
  listedOn: IsoDate;
  dueOn: IsoDate;
  adjustedDueOn: IsoDate | undefined;
  completedOn: IsoDate | undefined;
}

export function commitmentFacts(input: FactsInput, asOf: IsoDate): CommitmentFacts {
  const { status, listedOn, dueOn, completedOn } = input;
  const done = status === DONE && completedOn !== undefined;
  const adjusted = status === ADJUSTED;
  const effectiveDueOn = input.adjustedDueOn ?? dueOn;
  const overdue = !done && !adjusted && asOf > effectiveDueOn;
  const completedLate = done && completedOn > dueOn;
  return {
    done,
    adjusted,
    effectiveDueOn,
    overdue,
    daysOverdue: overdue ? daysBetween(effectiveDueOn, asOf) : undefined,
    completedLate,
    daysLate: completedLate ? daysBetween(dueOn, completedOn) : undefined,
    daysToComplete: done ? daysBetween(listedOn, completedOn) : undefined,
  };
}
