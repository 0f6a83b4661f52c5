import type { IsoDate } from "../../data/dates.ts";
import { daysBetween } from "../../data/dates.ts";
import { formatCount } from "../../format/numbers.ts";
import type { AccountabilityCounts, HearingProblem } from "./model.ts";
import { accountabilityKinds } from "./vocabulary.ts";

/** How a problem stands against the deadline promised on air, in words. */
export function promiseStanding(
  problem: HearingProblem,
  asOf: IsoDate,
): { text: string; alert: boolean } {
  if (problem.deadline === undefined) {
    return {
      text: problem.rectified ? "现场未承诺期限；已完成整改" : "现场未承诺整改期限",
      alert: false,
    };
  }
  if (problem.overdue) {
    return {
      text: `超过承诺期限 ${formatCount(problem.daysOverdue ?? 0)} 天，仍未完成整改`,
      alert: true,
    };
  }
  if (problem.rectifiedLate) {
    return { text: `超过承诺期限 ${formatCount(problem.daysLate ?? 0)} 天才完成整改`, alert: true };
  }
  if (problem.rectified) {
    return {
      text:
        problem.rectifiedOn === problem.deadline
          ? "在承诺期限当天完成整改（按期）"
          : "在承诺期限内完成整改",
      alert: false,
    };
  }
  const left = daysBetween(asOf, problem.deadline);
  return {
    text:
      left === 0
        ? "数据截至日正是承诺期限的最后一天"
        : `在承诺期限内，距期限还有 ${formatCount(left)} 天`,
    alert: false,
  };
}

/** `诫勉谈话 2 人、党纪处分 1 人`, or 无 when nobody was held accountable. */
export function accountabilitySentence(counts: AccountabilityCounts): string {
  const parts = accountabilityKinds.values
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `${kind} ${formatCount(counts[kind])} 人`);
  return parts.length === 0 ? "无" : parts.join("、");
}
