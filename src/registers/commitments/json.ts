import type { IsoDate } from "../../data/dates.ts";
import type { Commitment } from "./model.ts";

/**
 * The public JSON of one commitment (`/commitments/<id>.json`). Absent values are `null`,
 * never missing keys, so the shape is the same for every item. Keys are part of the public
 * contract: add, never rename.
 */
export function commitmentJson(
  item: Commitment,
  meta: { url: string; asOf: IsoDate; register: string },
) {
  return {
    register: meta.register,
    id: item.id,
    url: meta.url,
    asOf: meta.asOf,
    year: item.year,
    list: item.list,
    level: item.level,
    responsibleUnit: item.responsibleUnit,
    post: item.post ?? null,
    region: { code: item.county.code, name: item.county.name },
    title: item.title,
    promise: item.promise,
    listedOn: item.listedOn,
    dueOn: item.dueOn,
    adjustedDueOn: item.adjustedDueOn ?? null,
    status: item.status,
    adjustmentReason: item.adjustmentReason ?? null,
    completedOn: item.completedOn ?? null,
    result: item.result ?? null,
    evidenceUrl: item.evidenceUrl ?? null,
    derived: {
      done: item.done,
      effectiveDueOn: item.effectiveDueOn,
      overdue: item.overdue,
      daysOverdue: item.daysOverdue ?? null,
      completedLate: item.completedLate,
      daysLate: item.daysLate ?? null,
      daysToComplete: item.daysToComplete ?? null,
    },
    timeline: item.timeline.map((event) => ({
      date: event.date,
      kind: event.kind,
      status: event.status ?? null,
      summary: event.summary,
      sourceUrl: event.sourceUrl ?? null,
    })),
  };
}
