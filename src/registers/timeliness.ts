import { daysBetween } from "../data/dates.ts";
import type { IsoDate } from "../data/dates.ts";
import type { ColumnDoc } from "../data/tables.ts";
import type { Facet } from "./listing.ts";
import { defineVocabulary } from "./vocabulary.ts";

/**
 * 按期情况: where an item stands against its deadline, the same five words in every register
 * that has deadlines (exposures' rectification deadline, the mailbox's reply deadline, a
 * commitment's promised date …). The deadline is the last allowed day, so finishing on it is on
 * time, and on the as-of date itself an unfinished item is not yet overdue.
 */
export const timelinessTerms = defineVocabulary([
  { value: "按期", slug: "on-time", description: "在期限内（含期限当天）完成" },
  { value: "超期完成", slug: "late", description: "已完成，但晚于期限" },
  { value: "逾期未完成", slug: "overdue", description: "期限已过，截至数据日期仍未完成" },
  { value: "未到期", slug: "not-due", description: "尚未完成，期限未到（含期限当天）" },
  { value: "无期限", slug: "no-deadline", description: "没有设定期限" },
]);

export type TimelinessValue = (typeof timelinessTerms.values)[number];

export interface Timeliness {
  value: TimelinessValue;
  /**
   * Signed days against the deadline: days late (超期) or overdue (逾期) as a positive number,
   * days left (未到期) as a negative one; undefined on time (按期) and without a deadline.
   */
  days: number | undefined;
  /** How lists show it: 按期, 超期 45 天, 逾期 119 天, 还有 12 天, 无期限. */
  text: string;
}

/** Classifies an item against its deadline as of the data's date. */
export function timeliness(input: {
  deadline: IsoDate | undefined;
  doneOn: IsoDate | undefined;
  asOf: IsoDate;
}): Timeliness {
  const { deadline, doneOn, asOf } = input;
  if (deadline === undefined) return { value: "无期限", days: undefined, text: "无期限" };
  if (doneOn !== undefined) {
    if (doneOn <= deadline) return { value: "按期", days: undefined, text: "按期" };
    const late = daysBetween(deadline, doneOn);
    return { value: "超期完成", days: late, text: `超期 ${late} 天` };
  }
  if (asOf > deadline) {
    const overdue = daysBetween(deadline, asOf);
    return { value: "逾期未完成", days: overdue, text: `逾期 ${overdue} 天` };
  }
  const left = daysBetween(asOf, deadline);
  return { value: "未到期", days: -left, text: left === 0 ? "今天到期" : `还有 ${left} 天` };
}

/** The 按期情况 facet, for a register's listing. */
export function timelinessFacet(label = "按期情况"): Facet {
  return {
    key: "timeliness",
    label,
    values: timelinessTerms.terms.map((term) => ({ value: term.slug, label: term.value })),
  };
}

/** An item's token in the timeliness facet. */
export function timelinessSlug(value: TimelinessValue): string {
  return timelinessTerms.get(value).slug;
}

/** The derived columns every register with deadlines publishes, documented once. */
export const timelinessColumns = {
  timeliness: {
    kind: "choice",
    required: true,
    values: timelinessTerms.values,
    doc: "按期情况（按数据截至日期）：按期、超期完成、逾期未完成、未到期或无期限",
    allowed: timelinessTerms.values.join("、"),
  },
  days_past_deadline: {
    kind: "integer",
    required: false,
    doc: "超过期限的天数：超期完成为完成日减期限，逾期未完成为截至日期减期限；其余为空",
    allowed: "正整数",
  },
} as const satisfies Record<string, ColumnDoc>;

/** An item's values for `timelinessColumns`. */
export function timelinessRecord(standing: Timeliness): {
  timeliness: TimelinessValue;
  days_past_deadline: number | undefined;
} {
  return {
    timeliness: standing.value,
    days_past_deadline:
      standing.days !== undefined && standing.days > 0 ? standing.days : undefined,
  };
}
