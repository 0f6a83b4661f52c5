import type { IsoDate } from "../../data/dates.ts";
import { roundPoints } from "./listing.ts";
import type { Project } from "./model.ts";

/**
 * The public JSON of one project (`/projects/<id>.json`). Absent values are `null`, never
 * missing keys, so the shape is the same for every item. Money is in 万元 as editors enter
 * it. Keys are part of the public contract: add, never rename.
 */
export function projectJson(item: Project, meta: { url: string; asOf: IsoDate; register: string }) {
  return {
    register: meta.register,
    id: item.id,
    url: meta.url,
    asOf: meta.asOf,
    name: item.name,
    category: item.category,
    region: { code: item.county.code, name: item.county.name },
    responsibleUnit: item.responsibleUnit,
    shortfall: item.shortfall,
    scope: item.scope,
    totalInvestment: item.totalInvestment,
    listedOn: item.listedOn,
    plannedStartOn: item.plannedStartOn,
    plannedFinishOn: item.plannedFinishOn,
    status: item.status,
    statusReason: item.statusReason ?? null,
    startedOn: item.startedOn ?? null,
    completedOn: item.completedOn ?? null,
    overrunReason: item.overrunReason ?? null,
    derived: {
      investmentToDate: item.investmentToDate,
      investmentReportedOn: item.investmentReportedOn ?? null,
      progress: item.progress,
      progressReportedOn: item.progressReportedOn ?? null,
      plannedProgress: roundPoints(item.plannedProgress) ?? null,
      plannedInvestmentToDate: Math.round(item.plannedInvestmentToDate),
      countedInPlan: item.inPlan,
      behindSchedule: item.behind,
      behindByPoints: roundPoints(item.behindBy) ?? null,
      overdue: item.overdue,
      daysOverdue: item.daysOverdue ?? null,
      finishedLate: item.finishedLate,
      daysLate: item.daysLate ?? null,
    },
    timeline: item.timeline.map((event) => ({
      date: event.date,
      kind: event.kind,
      status: event.status ?? null,
      investmentToDate: event.investmentToDate ?? null,
      progress: event.progress ?? null,
      summary: event.summary,
      sourceUrl: event.sourceUrl ?? null,
    })),
  };
}
