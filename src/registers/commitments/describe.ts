import type { IsoDate } from "../../data/dates.ts";
import { daysBetween } from "../../data/dates.ts";
import type { Commitment } from "./model.ts";

/** How a commitment stands against its promised date, in words; `alert` marks what to notice. */
export interface DueStanding {
  text: string;
  alert: boolean;
}

/** One sentence per case of derive.ts's definitions, so pages never re-derive them. */
export function dueStanding(item: Commitment, asOf: IsoDate): DueStanding {
  const adjustedNote =
    item.adjustedDueOn === undefined ? "" : `（经调整，完成日期改为 ${item.adjustedDueOn}）`;
  if (item.adjusted) {
    return { text: `事项已调整${adjustedNote}，不计逾期；调整原因见下`, alert: false };
  }
  if (item.overdue) {
    return {
      text: `已逾期 ${item.daysOverdue ?? 0} 天，仍未办完${adjustedNote}`,
      alert: true,
    };
  }
  if (item.completedLate) {
    return {
      text: `比最初承诺的日期晚 ${item.daysLate ?? 0} 天办完${adjustedNote}`,
      alert: true,
    };
  }
  if (item.done) {
    return {
      text: item.completedOn === item.dueOn ? "在承诺日期当天办完（按期）" : "在承诺日期内办完",
      alert: false,
    };
  }
  const left = daysBetween(asOf, item.effectiveDueOn);
  return {
    text:
      left === 0
        ? `数据截至日正是承诺完成日期的最后一天${adjustedNote}`
        : `在承诺日期内，距承诺完成日期还有 ${left} 天${adjustedNote}`,
    alert: false,
  };
}
