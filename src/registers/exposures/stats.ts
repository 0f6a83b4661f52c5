import type { Region } from "../../data/regions.ts";
import { median } from "./derive.ts";
import type { Exposure } from "./model.ts";
import { exposureStatuses } from "./vocabulary.ts";
import type { ExposureStatus } from "./vocabulary.ts";

/** On-time rectification among the due problems of one group (see derive.ts). */
export interface OnTimeRow {
  label: string;
  /** All problems in the group. */
  total: number;
  /** Problems whose deadline has passed: the rate's denominator. */
  due: number;
  onTime: number;
  /** Rectified after the deadline. */
  late: number;
  /** Not rectified, deadline passed. */
  overdue: number;
  /** onTime / due, or undefined when nothing is due. */
  rate: number | undefined;
  /** Median days from exposure to rectification, over rectified problems. */
  medianDaysToRectify: number | undefined;
}

export interface CountyStatusRow {
  county: Region;
  byStatus: Record<ExposureStatus, number>;
  total: number;
}

export interface ExposureStats {
  total: number;
  byStatus: Record<ExposureStatus, number>;
  countyStatus: CountyStatusRow[];
  overall: OnTimeRow;
  byYear: OnTimeRow[];
  byCounty: OnTimeRow[];
  /** Problems with no deadline set. */
  withoutDeadline: number;
  /** Not yet rectified and still within the deadline (or on its last day). */
  withinDeadline: number;
  /** Rectified before a deadline that has not yet passed: counted once it has. */
  rectifiedNotYetDue: number;
  /** Currently overdue, most days overdue first. */
  overdueItems: Exposure[];
  /** Rectified after the deadline, most days late first. */
  lateItems: Exposure[];
  firstExposedOn: string | undefined;
  lastExposedOn: string | undefined;
}

function zeroByStatus(): Record<ExposureStatus, number> {
  return Object.fromEntries(exposureStatuses.values.map((status) => [status, 0])) as Record<
    ExposureStatus,
    number
  >;
}

function onTimeRow(label: string, items: readonly Exposure[]): OnTimeRow {
  let due = 0;
  let onTime = 0;
  let late = 0;
  let overdue = 0;
  const days: number[] = [];
  for (const item of items) {
    if (item.due) due++;
    if (item.onTime === true) onTime++;
    if (item.rectifiedLate) late++;
    if (item.overdue) overdue++;
    if (item.daysToRectify !== undefined) days.push(item.daysToRectify);
  }
  return {
    label,
    total: items.length,
    due,
    onTime,
    late,
    overdue,
    rate: due === 0 ? undefined : onTime / due,
    medianDaysToRectify: median(days),
  };
}

/** Every figure the stats and home pages print, in one pass over the items plus sorts. */
export function computeExposureStats(
  items: readonly Exposure[],
  counties: readonly Region[],
): ExposureStats {
  const byStatus = zeroByStatus();
  const byCountyCode = new Map(counties.map((county) => [county.code, [] as Exposure[]]));
  const byYear = new Map<number, Exposure[]>();
  for (const item of items) {
    byStatus[item.status]++;
    byCountyCode.get(item.county.code)?.push(item);
    const year = byYear.get(item.year);
    if (year) year.push(item);
    else byYear.set(item.year, [item]);
  }
  const countyStatus = counties.map((county) => {
    const counts = zeroByStatus();
    const list = byCountyCode.get(county.code) ?? [];
    for (const item of list) counts[item.status]++;
    return { county, byStatus: counts, total: list.length };
  });
  const dates = items.map((item) => item.exposedOn).sort();
  return {
    total: items.length,
    byStatus,
    countyStatus,
    overall: onTimeRow("全部", items),
    byYear: [...byYear.keys()]
      .sort((a, b) => a - b)
      .map((year) => onTimeRow(`${year}年`, byYear.get(year) ?? [])),
    byCounty: counties.map((county) => onTimeRow(county.name, byCountyCode.get(county.code) ?? [])),
    withoutDeadline: items.filter((item) => item.deadline === undefined).length,
    withinDeadline: items.filter(
      (item) => !item.rectified && !item.overdue && item.deadline !== undefined,
    ).length,
    rectifiedNotYetDue: items.filter(
      (item) => item.rectified && !item.due && item.deadline !== undefined,
    ).length,
    overdueItems: items
      .filter((item) => item.overdue)
      .sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0)),
    lateItems: items
      .filter((item) => item.rectifiedLate)
      .sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0)),
    firstExposedOn: dates[0],
    lastExposedOn: dates.at(-1),
  };
}
