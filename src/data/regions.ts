import { choice, regionCode, text } from "./fields.ts";
import type { RowOf } from "./fields.ts";
import { defineTable } from "./table.ts";

/** Administrative levels a region row can have. */
export const REGION_LEVELS = ["省", "市", "县"] as const;

/** `regions.csv`: the jurisdiction and its divisions, by GB/T 2260 code. */
export const regionsTable = defineTable({
  file: "regions.csv",
  title: "行政区划",
  primaryKey: "code",
  nonEmpty: true,
  columns: {
    /** GB/T 2260 six-digit code: province, prefecture and county, two digits each. */
    code: regionCode({ doc: "GB/T 2260 六位行政区划代码" }),
    /** Official name, e.g. 市中区. */
    name: text({ doc: "区划名称,如 市中区", max: 30 }),
    /** 市 for the jurisdiction itself, 县 for county-level divisions (区、县、县级市). */
    level: choice(REGION_LEVELS, { doc: "层级:市(本市)或 县(县级区划,含区、县级市)" }),
    /** Code of the region this one belongs to; empty for the jurisdiction itself. */
    parent: regionCode({ doc: "上级区划代码;本市一行留空", required: false }),
  },
});

export type Region = RowOf<typeof regionsTable.columns>;
