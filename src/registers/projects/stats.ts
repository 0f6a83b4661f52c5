import type { IsoDate } from "../../data/dates.ts";
import { toDayNumber, yearOf } from "../../data/dates.ts";
import type { Region } from "../../data/regions.ts";
import { dayPlan, shareOnDay } from "./derive.ts";
import type { Project } from "./model.ts";
import { projectCategories, projectStatuses } from "./vocabulary.ts";
import type { ProjectCategory, ProjectStatus } from "./vocabulary.ts";

/**
 * The register's figures, from the items alone (definitions in derive.ts). Plan-versus-
 * completed figures count only projects in the plan (every status but 终止); terminated
 * projects are counted apart, with what was spent on them.
 */

/** Investment planned and completed over one group of projects, 万元. */
export interface InvestmentRow {
  key: string;
  label: string;
  /** Projects in the group (in the plan, i.e. not terminated). */
  count: number;
  /** Sum of their total investment. */
  totalInvestment: number;
  /** What the straight-line plans reach by the as-of date (fractional). */
  plannedToDate: number;
  /** Latest cumulative figures reported. */
  completedToDate: number;
  /** completedToDate / plannedToDate; undefined when nothing is planned yet. */
  completionOfPlan: number | undefined;
  /** Projects behind the straight line. */
  behind: number;
  /** Projects past their planned finish day and not built. */
  overdue: number;
  /** Projects 建成 or 投用. */
  built: number;
  /** Mean physical progress, percent, each project counting once. */
  meanProgress: number | undefined;
  /** Mean of where the straight lines stand, percent. */
  meanPlannedProgress: number | undefined;
}

/** One calendar year: investment the plans put in it, and investment reported in it. */
export interface YearRow {
  year: number;
  /** Planned in the year up to its end, or up to the as-of date in the as-of year. */
  planned: number;
  /** Growth of the reported cumulative figures over the same span. */
  completed: number;
  /** The as-of year, counted only up to the as-of date. */
  partial: boolean;
}

/** One point of the cumulative chart: the end of a quarter, or the as-of date. */
export interface CumulativePoint {
  on: IsoDate;
  planned: number;
  completed: number;
}

export interface ProjectStats {
  total: number;
  /** Sum of every project's total investment, terminated ones included, 万元. */
  totalInvestment: number;
  byStatus: Record<ProjectStatus, number>;
  /** Every project in the plan. */
  overall: InvestmentRow;
  byCounty: InvestmentRow[];
  byCategory: InvestmentRow[];
  byYear: YearRow[];
  cumulative: CumulativePoint[];
  terminated: { count: number; totalInvestment: number; completed: number };
  /** Behind schedule, furthest behind first. */
  behindItems: Project[];
  /** Past the planned finish, most days first. */
  overdueItems: Project[];
  /** Built after the planned finish, most days late first. */
  lateItems: Project[];
  /** Reported figures above the total, with their stated reasons. */
  overrunItems: Project[];
  firstListedOn: IsoDate | undefined;
  lastListedOn: IsoDate | undefined;
}

function zeroByStatus(): Record<ProjectStatus, number> {
  return Object.fromEntries(projectStatuses.values.map((status) => [status, 0])) as Record<
    ProjectStatus,
    number
  >;
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;

function investmentRow(key: string, label: string, items: readonly Project[]): InvestmentRow {
  const inPlan = items.filter((item) => item.inPlan);
  let totalInvestment = 0;
  let plannedToDate = 0;
  let completedToDate = 0;
  for (const item of inPlan) {
    totalInvestment += item.totalInvestment;
    plannedToDate += item.plannedInvestmentToDate;
    completedToDate += item.investmentToDate;
  }
  return {
    key,
    label,
    count: inPlan.length,
    totalInvestment,
    plannedToDate,
    completedToDate,
    completionOfPlan: plannedToDate > 0 ? completedToDate / plannedToDate : undefined,
    behind: inPlan.filter((item) => item.behind).length,
    overdue: inPlan.filter((item) => item.overdue).length,
    built: inPlan.filter((item) => item.status === "建成" || item.status === "投用").length,
    meanProgress: mean(inPlan.map((item) => item.progress)),
    meanPlannedProgress: mean(inPlan.map((item) => item.plannedProgress)),
  };
}

const yearEnd = (year: number): IsoDate => `${year}-12-31`;

/**
 * Planned (straight-line) and reported cumulative investment of the projects, summed at each
 * of `days` (ascending). One pass per project over the days and its updates together, so a
 * 100,000-project register is summed in linear time.
 */
export function cumulativeSums(
  items: readonly Project[],
  days: readonly IsoDate[],
): { planned: number[]; completed: number[] } {
  const dayNumbers = days.map(toDayNumber);
  const planned = days.map(() => 0);
  const completed = days.map(() => 0);
  for (const item of items) {
    const plan = dayPlan(item);
    let next = 0;
    let reported = 0;
    days.forEach((on, i) => {
      // Updates are oldest first: take every report up to and including this day.
      for (; next < item.timeline.length; next++) {
        const event = item.timeline[next];
        if (event === undefined || event.date > on) break;
        if (event.investmentToDate !== undefined) reported = event.investmentToDate;
      }
      planned[i] = (planned[i] ?? 0) + item.totalInvestment * shareOnDay(plan, dayNumbers[i] ?? 0);
      completed[i] = (completed[i] ?? 0) + reported;
    });
  }
  return { planned, completed };
}

/** Planned and completed investment per calendar year, first planned or reported year on. */
function investmentByYear(items: readonly Project[], asOf: IsoDate): YearRow[] {
  const inPlan = items.filter((item) => item.inPlan);
  if (inPlan.length === 0) return [];
  const asOfYear = yearOf(asOf);
  let first = asOfYear;
  for (const item of inPlan) {
    first = Math.min(first, yearOf(item.plannedStartOn));
    const report = item.timeline.find((event) => event.investmentToDate !== undefined);
    if (report) first = Math.min(first, yearOf(report.date));
  }
  const years = Array.from({ length: asOfYear - first + 1 }, (_, i) => first + i);
  // Boundaries: the end of the year before the first, each year's end, the as-of date last.
  const bounds = [
    yearEnd(first - 1),
    ...years.map((year) => (year === asOfYear ? asOf : yearEnd(year))),
  ];
  const { planned, completed } = cumulativeSums(inPlan, bounds);
  return years.map((year, i) => ({
    year,
    planned: (planned[i + 1] ?? 0) - (planned[i] ?? 0),
    completed: (completed[i + 1] ?? 0) - (completed[i] ?? 0),
    partial: year === asOfYear,
  }));
}

/** Quarter ends from the first listing to the as-of date, then the as-of date itself. */
export function quarterEnds(from: IsoDate, asOf: IsoDate): IsoDate[] {
  const ends: IsoDate[] = [];
  const quarterEnd = ["03-31", "06-30", "09-30", "12-31"];
  for (let year = yearOf(from); year <= yearOf(asOf); year++) {
    for (const monthDay of quarterEnd) {
      const day = `${year}-${monthDay}`;
      if (day >= from && day < asOf) ends.push(day);
    }
  }
  ends.push(asOf);
  return ends;
}

function cumulativeSeries(items: readonly Project[], asOf: IsoDate): CumulativePoint[] {
  const inPlan = items.filter((item) => item.inPlan);
  const first = inPlan.map((item) => item.listedOn).sort()[0];
  if (first === undefined) return [];
  const days = quarterEnds(first, asOf);
  const { planned, completed } = cumulativeSums(inPlan, days);
  return days.map((on, i) => ({ on, planned: planned[i] ?? 0, completed: completed[i] ?? 0 }));
}

/** Every figure the stats, home and item pages print. */
export function computeProjectStats(
  items: readonly Project[],
  counties: readonly Region[],
  asOf: IsoDate,
): ProjectStats {
  const byStatus = zeroByStatus();
  const byCounty = new Map<string, Project[]>(counties.map((county) => [county.code, []]));
  const byCategory = new Map<ProjectCategory, Project[]>(
    projectCategories.values.map((category) => [category, []]),
  );
  let totalInvestment = 0;
  for (const item of items) {
    byStatus[item.status]++;
    totalInvestment += item.totalInvestment;
    byCounty.get(item.county.code)?.push(item);
    byCategory.get(item.category)?.push(item);
  }
  const terminated = items.filter((item) => !item.inPlan);
  const listed = items.map((item) => item.listedOn).sort();
  return {
    total: items.length,
    totalInvestment,
    byStatus,
    overall: investmentRow("all", "全部", items),
    byCounty: counties.map((county) =>
      investmentRow(county.code, county.name, byCounty.get(county.code) ?? []),
    ),
    byCategory: projectCategories.terms.map((term) =>
      investmentRow(term.slug, term.value, byCategory.get(term.value) ?? []),
    ),
    byYear: investmentByYear(items, asOf),
    cumulative: cumulativeSeries(items, asOf),
    terminated: {
      count: terminated.length,
      totalInvestment: terminated.reduce((sum, item) => sum + item.totalInvestment, 0),
      completed: terminated.reduce((sum, item) => sum + item.investmentToDate, 0),
    },
    behindItems: items
      .filter((item) => item.behind)
      .sort((a, b) => (b.behindBy ?? 0) - (a.behindBy ?? 0)),
    overdueItems: items
      .filter((item) => item.overdue)
      .sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0)),
    lateItems: items
      .filter((item) => item.finishedLate)
      .sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0)),
    overrunItems: items.filter((item) => item.investmentToDate > item.totalInvestment),
    firstListedOn: listed[0],
    lastListedOn: listed.at(-1),
  };
}
