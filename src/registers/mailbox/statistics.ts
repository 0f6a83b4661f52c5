import type { IsoDate } from "../../data/dates.ts";
import type { PublicLetter } from "./public.ts";
import { MAILBOX_LEVEL_NAMES, mailboxLevels } from "./vocabulary.ts";
import type { Satisfaction } from "./vocabulary.ts";

/**
 * Reply-time statistics of the mailbox. Computed from public letters only, which shows they
 * need nothing private. Percentiles use the nearest-rank method (the smallest value with at
 * least p% of the values at or below it), so every figure is a reply time that occurred;
 * the median of an even count is the mean of the two middle values.
 */

export interface TimeSummary {
  /** Letters the summary is over (answered letters only). */
  count: number;
  median: number | undefined;
  p90: number | undefined;
}

export interface LetterGroupStatistics {
  /** What the group is, e.g. 县级信箱, 2024 or 市住房城乡建设局; `全部` for the total. */
  label: string;
  received: number;
  /** Answered (已回复 or 已办结). */
  replied: number;
  closed: number;
  pending: number;
  repliedWithinPromise: number;
  repliedLate: number;
  /** Unanswered past the promise on the as-of date. */
  overdue: number;
  handledByPrincipal: number;
  withInstruction: number;
  /** Published in full with the writer's consent. */
  published: number;
  workingDays: TimeSummary;
  calendarDays: TimeSummary;
  /** Ratings where the mailbox asked for one. */
  satisfaction: { rated: number } & Record<Satisfaction, number>;
}

export interface LetterStatistics {
  asOf: IsoDate;
  promiseWorkingDays: number;
  total: LetterGroupStatistics;
  byLevel: LetterGroupStatistics[];
  /** By answering unit, most letters first; letters not yet assigned to a unit are left out. */
  byUnit: LetterGroupStatistics[];
  byYear: LetterGroupStatistics[];
  byCounty: LetterGroupStatistics[];
  /** Unanswered past the promise, longest waiting first. */
  overdue: PublicLetter[];
}

export function median(sorted: readonly number[]): number | undefined {
  const n = sorted.length;
  if (n === 0) return undefined;
  const mid = Math.floor(n / 2);
  const upper = sorted[mid] ?? 0;
  return n % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/** Nearest-rank percentile of ascending values, `p` in (0, 100]. */
export function nearestRank(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

function summarise(values: number[]): TimeSummary {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, median: median(sorted), p90: nearestRank(sorted, 90) };
}

export function groupStatistics(
  label: string,
  letters: readonly PublicLetter[],
): LetterGroupStatistics {
  const answered = letters.filter((letter) => letter.repliedOn !== undefined);
  const satisfaction = { rated: 0, 满意: 0, 基本满意: 0, 不满意: 0 };
  for (const letter of letters) {
    if (letter.satisfaction === undefined) continue;
    satisfaction.rated++;
    satisfaction[letter.satisfaction]++;
  }
  const count = (test: (letter: PublicLetter) => boolean) => letters.filter(test).length;
  return {
    label,
    received: letters.length,
    replied: answered.length,
    closed: count((letter) => letter.status === "已办结"),
    pending: count((letter) => letter.status === "待回复"),
    repliedWithinPromise: count((letter) => letter.timing.repliedWithinPromise === true),
    repliedLate: count((letter) => letter.timing.repliedWithinPromise === false),
    overdue: count((letter) => letter.timing.overdue),
    handledByPrincipal: count((letter) => letter.handledByPrincipal),
    withInstruction: count((letter) => letter.instructionOn !== undefined),
    published: count((letter) => letter.consent),
    workingDays: summarise(answered.map((letter) => letter.timing.workingDaysToReply ?? 0)),
    calendarDays: summarise(answered.map((letter) => letter.timing.calendarDaysToReply ?? 0)),
    satisfaction,
  };
}

function groupBy(
  letters: readonly PublicLetter[],
  key: (letter: PublicLetter) => string | undefined,
): Map<string, PublicLetter[]> {
  const groups = new Map<string, PublicLetter[]>();
  for (const letter of letters) {
    const k = key(letter);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(letter);
    else groups.set(k, [letter]);
  }
  return groups;
}

export function letterStatistics(
  letters: readonly PublicLetter[],
  options: { asOf: IsoDate; promiseWorkingDays: number; countyOrder: readonly string[] },
): LetterStatistics {
  const levels = groupBy(letters, (letter) => letter.level);
  const units = groupBy(letters, (letter) => letter.replyUnit);
  const years = groupBy(letters, (letter) => String(letter.year));
  const counties = groupBy(letters, (letter) => letter.regionName);
  const countyRank = (name: string) => {
    const i = options.countyOrder.indexOf(name);
    return i < 0 ? -1 : i;
  };
  return {
    asOf: options.asOf,
    promiseWorkingDays: options.promiseWorkingDays,
    total: groupStatistics("全部", letters),
    byLevel: mailboxLevels.values
      .filter((level) => levels.has(level))
      .map((level) => groupStatistics(MAILBOX_LEVEL_NAMES[level], levels.get(level) ?? [])),
    byUnit: [...units]
      .map(([unit, group]) => groupStatistics(unit, group))
      .sort((a, b) => b.received - a.received || a.label.localeCompare(b.label, "zh-CN")),
    byYear: [...years]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([year, group]) => groupStatistics(year, group)),
    byCounty: [...counties]
      .sort(([a], [b]) => countyRank(a) - countyRank(b))
      .map(([county, group]) => groupStatistics(county, group)),
    overdue: letters
      .filter((letter) => letter.timing.overdue)
      .sort(
        (a, b) =>
          (b.timing.workingDaysWaiting ?? 0) - (a.timing.workingDaysWaiting ?? 0) ||
          a.id.localeCompare(b.id),
      ),
  };
}
