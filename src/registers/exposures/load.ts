import type { DataContext } from "../../data/context.ts";
import { yearOf } from "../../data/dates.ts";
import { quote } from "../../data/issues.ts";
import type { Region } from "../../data/regions.ts";
import { readRegister } from "../register.ts";
import { timeliness } from "../timeliness.ts";
import { deadlineFacts } from "./derive.ts";
import { exposureRegister, exposuresTable } from "./schema.ts";
import type { Exposure } from "./model.ts";
import { computeExposureStats } from "./stats.ts";
import type { ExposureStats } from "./stats.ts";

export type { Exposure, ExposureEvent } from "./model.ts";

export interface ExposureRegister {
  /** Newest exposure first (ties: higher id first), the order every list uses. */
  items: readonly Exposure[];
  byId: ReadonlyMap<string, Exposure>;
  stats: ExposureStats;
}

/** Reads, checks and derives the exposure register. */
export function loadExposures(
  ctx: DataContext,
  regions: { counties: readonly Region[]; regionsByCode: ReadonlyMap<string, Region> },
): ExposureRegister {
  const { counties, regionsByCode } = regions;
  const { items: rows, timelines } = readRegister(ctx, exposureRegister);
  const countyByCode = new Map(counties.map((county) => [county.code, county]));
  const file = ctx.displayPath(exposuresTable.file);
  const items: Exposure[] = [];
  for (const { line, row } of rows) {
    const county = countyByCode.get(row.region_code);
    if (!county) {
      // Codes missing from regions.csv are reported by the loader already.
      if (regionsByCode.has(row.region_code)) {
        ctx.report({
          file,
          line,
          column: "region_code",
          problem: `行政区划代码 ${quote(row.region_code)} 不是县级区划`,
          allowed: "regions.csv 中本市所辖县级区划(层级为「县」)的代码",
        });
      }
      continue;
    }
    items.push({
      id: row.id,
      title: row.title,
      exposedOn: row.exposed_on,
      year: yearOf(row.exposed_on),
      media: row.media,
      mediaUrl: row.media_url,
      county,
      location: row.location,
      category: row.category,
      problem: row.problem,
      responsibleUnit: row.responsible_unit,
      deadline: row.deadline,
      status: row.status,
      rectifiedOn: row.rectified_on,
      closedOn: row.closed_on,
      measures: row.measures,
      timeline: timelines.get(row.id) ?? [],
      line,
      ...deadlineFacts(
        { exposedOn: row.exposed_on, deadline: row.deadline, rectifiedOn: row.rectified_on },
        ctx.asOf,
      ),
      timeliness: timeliness({
        deadline: row.deadline,
        doneOn: row.rectified_on,
        asOf: ctx.asOf,
      }),
    });
  }
  items.sort((a, b) =>
    a.exposedOn === b.exposedOn ? (a.id < b.id ? 1 : -1) : a.exposedOn < b.exposedOn ? 1 : -1,
  );
  return {
    items,
    byId: new Map(items.map((item) => [item.id, item])),
    stats: computeExposureStats(items, counties),
  };
}
