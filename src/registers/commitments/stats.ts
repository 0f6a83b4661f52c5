import type { Region } from "../../data/regions.ts";
import type { Commitment } from "./model.ts";
import { commitmentLevels, commitmentLists, commitmentStatuses } from "./vocabulary.ts";
import type { CommitmentStatus } from "./vocabulary.ts";

/**
 * The rule every rate of this register follows, stated once for the stats page and the
 * guide: completion rate = commitments with status 已完成 ÷ all commitments in the group.
 * A commitment that is 已调整 stays in the denominator and is not done (an adjustment is
 * not a fulfilled promise); one completed after adjustment counts as done. It is the same
 * division as the published figures shown beside (已完成件数 ÷ 制定件数), which is why they
 * can be read side by side; they are never added into these counts.
 */
export const COMPLETION_RULE =
  "完成率 = 状态为「已完成」的事项数 ÷ 该组全部事项数。「已调整」的事项留在分母中、不算完成（调整不等于兑现承诺）；调整后重新办完的事项状态为「已完成」，算完成。按时与否一律以最初公布的承诺完成日期为准。";

/** Completion of one group of commitments. */
export interface CompletionRow {
  label: string;
  /** URL token of the group within its facet (slug, county code or year), for links. */
  value: string;
  total: number;
  done: number;
  /** Done, but after the date first promised. */
  doneLate: number;
  /** Currently 已调整. */
  adjusted: number;
  /** Not done, not adjusted, the date that applies has passed. */
  overdue: number;
  /** Not done, not adjusted, not yet overdue. */
  open: number;
  /** done / total, or undefined for an empty group. */
  rate: number | undefined;
}

export interface CommitmentStats {
  total: number;
  byStatus: Record<CommitmentStatus, number>;
  overall: CompletionRow;
  byList: CompletionRow[];
  byLevel: CompletionRow[];
  byCounty: CompletionRow[];
  /** Oldest list year first. */
  byYear: CompletionRow[];
  /** Currently overdue, most days overdue first (ties: id). */
  overdueItems: Commitment[];
  /** Commitments adjusted at some point (now 已调整, or re-planned and under way again). */
  everAdjusted: number;
  firstListedOn: string | undefined;
  lastListedOn: string | undefined;
}

function zeroByStatus(): Record<CommitmentStatus, number> {
  return Object.fromEntries(commitmentStatuses.values.map((status) => [status, 0])) as Record<
    CommitmentStatus,
    number
  >;
}

export function completionRow(
  label: string,
  value: string,
  items: readonly Commitment[],
): CompletionRow {
  let done = 0;
  let doneLate = 0;
  let adjusted = 0;
  let overdue = 0;
  for (const item of items) {
    if (item.done) done++;
    if (item.completedLate) doneLate++;
    if (item.adjusted) adjusted++;
    if (item.overdue) overdue++;
  }
  return {
    label,
    value,
    total: items.length,
    done,
    doneLate,
    adjusted,
    overdue,
    open: items.length - done - adjusted - overdue,
    rate: items.length === 0 ? undefined : done / items.length,
  };
}

function groupBy<K>(
  items: readonly Commitment[],
  key: (item: Commitment) => K,
): Map<K, Commitment[]> {
  const groups = new Map<K, Commitment[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Every figure the stats and home pages print, in a few passes over the items. */
export function computeCommitmentStats(
  items: readonly Commitment[],
  counties: readonly Region[],
): CommitmentStats {
  const byStatus = zeroByStatus();
  for (const item of items) byStatus[item.status]++;
  const lists = groupBy(items, (item) => item.list);
  const levels = groupBy(items, (item) => item.level);
  const countyGroups = groupBy(items, (item) => item.county.code);
  const years = groupBy(items, (item) => item.year);
  const listed = items.map((item) => item.listedOn).sort();
  return {
    total: items.length,
    byStatus,
    overall: completionRow("全部", "", items),
    byList: commitmentLists.terms.map((term) =>
      completionRow(term.value, term.slug, lists.get(term.value) ?? []),
    ),
    byLevel: commitmentLevels.terms.map((term) =>
      completionRow(term.value, term.slug, levels.get(term.value) ?? []),
    ),
    byCounty: counties.map((county) =>
      completionRow(county.name, county.code, countyGroups.get(county.code) ?? []),
    ),
    byYear: [...years.keys()]
      .sort((a, b) => a - b)
      .map((year) => completionRow(`${year}年`, String(year), years.get(year) ?? [])),
    overdueItems: items
      .filter((item) => item.overdue)
      .sort(
        (a, b) =>
          (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      ),
    everAdjusted: items.filter((item) => item.adjustmentReason !== undefined || item.adjusted)
      .length,
    firstListedOn: listed[0],
    lastListedOn: listed.at(-1),
  };
}
