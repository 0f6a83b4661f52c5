import { formatChineseDate } from "../../data/dates.ts";
import type { PublicLetter } from "./public.ts";

/**
 * One sentence on where a letter stands against the reply promise, for its page. `alert`
 * marks what readers should notice (late or overdue); it is shown in words, not colour only.
 */
export function replyStanding(
  letter: PublicLetter,
  promiseWorkingDays: number,
): { text: string; alert: boolean } {
  const { timing } = letter;
  if (timing.workingDaysToReply !== undefined) {
    const took = `收信后 ${timing.workingDaysToReply} 个工作日(${timing.calendarDaysToReply ?? 0} 天)答复`;
    if (timing.repliedWithinPromise) {
      return { text: `${took},在 ${promiseWorkingDays} 个工作日的承诺时限内。`, alert: false };
    }
    const late = timing.workingDaysToReply - promiseWorkingDays;
    return {
      text: `${took},超过 ${promiseWorkingDays} 个工作日的承诺时限 ${late} 个工作日。`,
      alert: true,
    };
  }
  if (timing.overdue) {
    return {
      text: `超过答复期限(${formatChineseDate(timing.dueOn)})仍未答复,已等待 ${timing.workingDaysWaiting ?? 0} 个工作日。`,
      alert: true,
    };
  }
  return {
    text: `尚未答复;答复期限为 ${formatChineseDate(timing.dueOn)}(收信后第 ${promiseWorkingDays} 个工作日)。`,
    alert: false,
  };
}
