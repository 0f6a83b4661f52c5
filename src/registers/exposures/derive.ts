import type { IsoDate } from "../../data/dates.ts";
import { daysBetween } from "../../data/dates.ts";

/**
 * Deadline facts of one exposed problem as of the data's as-of date. Computed once when
 * the data is loaded; pages only print them. The definitions, which the stats page states
 * in words:
 * - A deadline is the last allowed day: rectifying on the deadline day is on time.
 * - Overdue: not rectified, and the as-of date is after the deadline. On the deadline day
 *   itself a problem is not yet overdue. Days overdue = as-of date − deadline.
 * - Rectified late: rectified after the deadline. Days late = rectified_on − deadline.
 * - Due (counted in the on-time rate): has a deadline that is before the as-of date, so the
 *   outcome is known. Problems without a deadline, or whose deadline has not yet passed,
 *   are not counted (they can be neither on time nor late yet).
 * - On time: due, and rectified on or before the deadline.
 * - Days to rectify: rectified_on − exposed_on, for rectified problems.
 */
export interface DeadlineFacts {
  rectified: boolean;
  overdue: boolean;
  daysOverdue: number | undefined;
  rectifiedLate: boolean;
  daysLate: number | undefined;
  daysToRectify: number | undefined;
  due: boolean;
  /** Undefined when not due. */
  onTime: boolean | undefined;
}

export interface DeadlineInput {
  exposedOn: IsoDate;
  deadline: IsoDate | undefined;
  rectifiedOn: IsoDate | undefined;
}

export function deadlineFacts(input: DeadlineInput, asOf: IsoDate): DeadlineFacts {
  const { exposedOn, deadline, rectifiedOn } = input;
  const rectified = rectifiedOn !== undefined;
  const overdue = !rectified && deadline !== undefined && asOf > deadline;
  const rectifiedLate = rectified && deadline !== undefined && rectifiedOn > deadline;
  const due = deadline !== undefined && deadline < asOf;
  return {
    rectified,
    overdue,
    daysOverdue: overdue && deadline !== undefined ? daysBetween(deadline, asOf) : undefined,
    rectifiedLate,
    daysLate:
      rectifiedLate && deadline !== undefined ? daysBetween(deadline, rectifiedOn) : undefined,
    daysToRectify: rectified ? daysBetween(exposedOn, rectifiedOn) : undefined,
    due,
    onTime: due ? rectified && deadline !== undefined && rectifiedOn <= deadline : undefined,
  };
}

/** Median of a list of numbers; the mean of the middle two for an even count. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}
