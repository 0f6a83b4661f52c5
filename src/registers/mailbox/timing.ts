import { daysBetween } from "../../data/dates.ts";
import type { IsoDate } from "../../data/dates.ts";
import type { WorkingCalendar } from "../../data/workdays.ts";
import { timeliness } from "../timeliness.ts";
import type { Timeliness } from "../timeliness.ts";

/**
 * How long a letter waited for its reply, measured against the reply promise
 * (`site.replyPromiseWorkingDays`). Computed once, here; pages only show it.
 */
export interface ReplyTiming {
  /** Last day of the promise: the N-th working day after the day of receipt. */
  dueOn: IsoDate;
  /** Calendar days from receipt to reply; undefined while unanswered. */
  calendarDaysToReply: number | undefined;
  /** Working days from receipt to reply (receipt day not counted); undefined while unanswered. */
  workingDaysToReply: number | undefined;
  /** Replied on or before `dueOn`; undefined while unanswered. */
  repliedWithinPromise: boolean | undefined;
  /** Unanswered on the as-of date, and the as-of date is after `dueOn`. */
  overdue: boolean;
  /** Unanswered: working days since receipt up to the as-of date; undefined once answered. */
  workingDaysWaiting: number | undefined;
  /** 按期情况 against `dueOn` (the same dates as `repliedWithinPromise` and `overdue`). */
  timeliness: Timeliness;
}

export interface TimingInput {
  receivedOn: IsoDate;
  repliedOn: IsoDate | undefined;
}

/** Throws `OutsideCalendarError` when a day it needs lies in a year without a notice. */
export function replyTiming(
  letter: TimingInput,
  calendar: WorkingCalendar,
  promiseWorkingDays: number,
  asOf: IsoDate,
): ReplyTiming {
  const dueOn = calendar.addWorkingDays(letter.receivedOn, promiseWorkingDays);
  const standing = timeliness({ deadline: dueOn, doneOn: letter.repliedOn, asOf });
  if (letter.repliedOn !== undefined) {
    return {
      dueOn,
      calendarDaysToReply: daysBetween(letter.receivedOn, letter.repliedOn),
      workingDaysToReply: calendar.workingDaysBetween(letter.receivedOn, letter.repliedOn),
      repliedWithinPromise: letter.repliedOn <= dueOn,
      overdue: false,
      workingDaysWaiting: undefined,
      timeliness: standing,
    };
  }
  return {
    dueOn,
    calendarDaysToReply: undefined,
    workingDaysToReply: undefined,
    repliedWithinPromise: undefined,
    overdue: asOf > dueOn,
    workingDaysWaiting: calendar.workingDaysBetween(letter.receivedOn, asOf),
    timeliness: standing,
  };
}
