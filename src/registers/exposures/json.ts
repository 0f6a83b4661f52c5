import type { IsoDate } from "../../data/dates.ts";
import type { Exposure } from "./load.ts";

/**
 * The public JSON of one exposed problem (`/exposures/<id>.json`). Absent values are
 * `null`, never missing keys, so the shape is the same for every item. Keys are part of
 * the public contract: add, never rename.
 */
export function exposureJson(
  item: Exposure,
  meta: { url: string; asOf: IsoDate; register: string },
) {
  return {
    register: meta.register,
    id: item.id,
    url: meta.url,
    asOf: meta.asOf,
    title: item.title,
    exposedOn: item.exposedOn,
    media: item.media,
    mediaUrl: item.mediaUrl ?? null,
    region: { code: item.county.code, name: item.county.name },
    location: item.location,
    category: item.category,
    problem: item.problem,
    responsibleUnit: item.responsibleUnit,
    deadline: item.deadline ?? null,
    status: item.status,
    rectifiedOn: item.rectifiedOn ?? null,
    closedOn: item.closedOn ?? null,
    measures: item.measures ?? null,
    derived: {
      overdue: item.overdue,
      daysOverdue: item.daysOverdue ?? null,
      rectifiedLate: item.rectifiedLate,
      daysLate: item.daysLate ?? null,
      daysToRectify: item.daysToRectify ?? null,
      countedInOnTimeRate: item.due,
      onTime: item.onTime ?? null,
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
