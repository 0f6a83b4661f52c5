import type { DataContext } from "./context.ts";
import { choice, regionCode, text } from "./fields.ts";
import type { RowOf } from "./fields.ts";
import type { DataIssue } from "./issues.ts";
import { WHOLE_FILE, quote } from "./issues.ts";
import { defineTable } from "./table.ts";
import type { Located } from "./table.ts";

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

/** The regions a site is built for, read and checked. */
export interface Regions {
  /** The jurisdiction's own row; undefined when regions.csv lacks it (then reported). */
  jurisdiction: Region | undefined;
  /** County-level divisions, in file order (the order editors chose for display). */
  counties: Region[];
  regionsByCode: ReadonlyMap<string, Region>;
}

/**
 * Reads regions.csv and checks it against the jurisdiction named in site.json: every parent
 * is a row of the file, the jurisdiction has its row, with the same name. Registers' region
 * columns are checked against these codes from here on (`ctx.useRegions`).
 */
export function readRegions(
  ctx: DataContext,
  jurisdiction: { code: string; name: string },
): Regions {
  const regionRows = ctx.read(regionsTable);
  const regionsByCode = new Map(regionRows.map(({ row }) => [row.code, row]));
  // Every code in the file, also those of rows with problems of their own: a bad row is then
  // reported once, not again by every row that names its code. With no codes at all the file
  // itself is reported (missing, empty, undecodable), and region cells are left unchecked.
  const regionCodes = ctx.idsOf(regionsTable.file);
  if (regionCodes.size > 0) ctx.useRegions(regionCodes);
  const regionsFile = ctx.displayPath(regionsTable.file);
  for (const { line, row } of regionRows) {
    if (row.parent !== undefined && !regionCodes.has(row.parent)) {
      ctx.report({
        file: regionsFile,
        line,
        column: "parent",
        problem: `上级代码 ${quote(row.parent)} 不在本文件中`,
        allowed: "本文件中已有的代码,本市一行留空",
      });
    }
  }
  for (const issue of regionHierarchyIssues(regionRows, jurisdiction.code, regionsFile)) {
    ctx.report(issue);
  }
  const jurisdictionRow = regionRows.find(({ row }) => row.code === jurisdiction.code);
  if (jurisdictionRow && jurisdictionRow.row.name !== jurisdiction.name) {
    // The name is shown from site.json in some places and from regions.csv in others.
    ctx.report({
      file: regionsFile,
      line: jurisdictionRow.line,
      column: "name",
      problem: `本市名称${quote(jurisdictionRow.row.name)}与 site.json 中的${quote(jurisdiction.name)}不一致`,
      allowed: "两处写同一个名称",
    });
  }
  if (!regionCodes.has(jurisdiction.code) && regionCodes.size > 0) {
    ctx.report({
      file: regionsFile,
      line: 1,
      column: WHOLE_FILE,
      problem: `没有 site.json 中本市代码 ${jurisdiction.code} 的一行`,
      allowed: "regions.csv 须包含本市及其县级区划",
    });
  }
  const counties = regionRows
    .map(({ row }) => row)
    .filter((region) => region.parent === jurisdiction.code);
  return { jurisdiction: jurisdictionRow?.row, counties, regionsByCode };
}

/**
 * The GB/T 2260 prefix rule across rows, so that a district code of another city cannot
 * pass for one of this city's divisions (it would be published as one more county): a
 * county's code starts with the city's first four digits and its parent is the city; a
 * township's parent is a county of the city (its own code's prefix is checked per row); the
 * city is the only 市 row and a province row is the city's own province.
 */
export function regionHierarchyIssues(
  rows: readonly Located<Region>[],
  jurisdictionCode: string,
  file: string,
): DataIssue[] {
  const issues: DataIssue[] = [];
  const byCode = new Map(rows.map(({ row }) => [row.code, row]));
  const cityPrefix = jurisdictionCode.slice(0, 4);
  const province = `${jurisdictionCode.slice(0, 2)}0000`;
  const report = (line: number, column: string, problem: string, allowed: string) =>
    issues.push({ file, line, column, problem, allowed });
  for (const { line, row } of rows) {
    const { code, level, parent } = row;
    if (level === "省" && code !== province) {
      report(
        line,
        "code",
        `省级代码 ${quote(code)} 不是本市所属省份的代码`,
        `本市所属省份的代码 ${province}`,
      );
    } else if (level === "市" && code !== jurisdictionCode) {
      report(
        line,
        "level",
        `${quote(code)} 不是本市(${jurisdictionCode}),却填了「市」`,
        "只有本市一行填「市」;其他城市的区划不能列入",
      );
    } else if (level === "县") {
      if (!code.startsWith(cityPrefix) || code.endsWith("00")) {
        report(
          line,
          "code",
          `县级代码 ${quote(code)} 不属于本市`,
          `本市县级区划的 6 位代码以 ${cityPrefix} 开头、末两位不为 00(GB/T 2260)`,
        );
      } else if (parent !== jurisdictionCode && (parent === undefined || byCode.has(parent))) {
        report(
          line,
          "parent",
          `县级区划的上级 ${quote(parent ?? "")} 不是本市`,
          `填本市代码 ${jurisdictionCode}`,
        );
      }
    } else if (level === "乡" && parent !== undefined && byCode.has(parent)) {
      const county = byCode.get(parent);
      if (county?.level !== "县" || !county.code.startsWith(cityPrefix)) {
        report(
          line,
          "parent",
          `乡级区划的上级 ${quote(parent)} 不是本市的县级区划`,
          "本文件中本市某个县级区划的代码",
        );
      }
    }
  }
  return issues;
}
