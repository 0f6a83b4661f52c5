import { choice, regionCode, text } from "./fields.ts";
import type { RowOf } from "./fields.ts";
import { defineTable } from "./table.ts";

/** Administrative levels a region row can have; 乡 covers 乡、镇 and 街道. */
export const REGION_LEVELS = ["省", "市", "县", "乡"] as const;

/** `regions.csv`: the jurisdiction and its divisions, by GB/T 2260 code. */
export const regionsTable = defineTable({
  file: "regions.csv",
  title: "行政区划",
  primaryKey: "code",
  nonEmpty: true,
  columns: {
    /**
     * GB/T 2260 six-digit code: province, prefecture and county, two digits each. Townships,
     * below GB/T 2260, take the nine-digit 统计用区划代码 of the National Bureau of Statistics.
     */
    code: regionCode({
      doc: "区划代码:县级及以上为 GB/T 2260 六位代码;乡、镇、街道为国家统计局统计用区划代码的前九位",
      township: true,
    }),
    /** Official name, e.g. 市中区. */
    name: text({ doc: "区划名称,如 市中区", max: 30 }),
    /** 市 for the jurisdiction itself, 县 for county-level divisions, 乡 for townships. */
    level: choice(REGION_LEVELS, {
      doc: "层级:市(本市)、县(县级区划,含区、县级市)或 乡(乡、镇、街道,只在台账等需要时列出)",
    }),
    /** Code of the region this one belongs to; empty for the jurisdiction itself. */
    parent: regionCode({ doc: "上级区划代码;本市一行留空", required: false }),
  },
  check(row, report) {
    // A township's code begins with its county's: a row filed under the wrong county (or a
    // six-digit code on a township) would put its figures in another county's totals.
    const township = row.level === "乡";
    if (township !== (row.code.length === 9)) {
      report(
        "code",
        township
          ? `乡级区划的代码 ${row.code} 不是 9 位`
          : `${row.level}级区划的代码 ${row.code} 不是 6 位`,
        "县级及以上 6 位(GB/T 2260),乡、镇、街道 9 位(统计用区划代码)",
      );
    } else if (township && (row.parent === undefined || !row.code.startsWith(row.parent))) {
      report(
        "parent",
        row.parent === undefined
          ? "乡级区划须写明所属县级区划"
          : `乡级代码 ${row.code} 不以上级代码 ${row.parent} 开头`,
        "所属县级区划的 6 位代码,即本行代码的前 6 位",
      );
    }
  },
});

export type Region = RowOf<typeof regionsTable.columns>;
