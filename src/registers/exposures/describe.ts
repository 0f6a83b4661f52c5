import type { IsoDate } from "../../data/dates.ts";
import { daysBetween } from "../../data/dates.ts";
import type { Exposure } from "./load.ts";

/** How an item stands against its deadline, in words; `alert` marks the ones to notice. */
export interface DeadlineStanding {
  text: string;
  alert: boolean;
}

/** One sentence per case of derive.ts's definitions, so pages never re-derive them. */
export function deadlineStanding(item: Exposure, asOf: IsoDate): DeadlineStanding {
  if (item.deadline === undefined) {
    return {
      text: item.rectified ? "未设整改期限;已完成整改" : "未设整改期限",
      alert: false,
    };
  }
  if (item.overdue) return { text: `已逾期 ${item.daysOverdue ?? 0} 天,仍未完成整改`, alert: true };
  if (item.rectifiedLate)
    return { text: `超过整改期限 ${item.daysLate ?? 0} 天才完成整改`, alert: true };
  if (item.rectified) {
    return {
      text:
        item.rectifiedOn === item.deadline
          ? "在整改期限当天完成整改(按期)"
          : "在整改期限内完成整改",
      alert: false,
    };
  }
  const left = daysBetween(asOf, item.deadline);
  return {
    text: left === 0 ? "数据截至日正是整改期限的最后一天" : `在整改期限内,距期限还有 ${left} 天`,
    alert: false,
  };
}
