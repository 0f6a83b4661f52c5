import { describe, expect, it } from "vitest";
import { DataContext } from "../../src/data/context.ts";
import { decimal, id, integer, period } from "../../src/data/fields.ts";
import { formatIssue, sortIssues } from "../../src/data/issues.ts";
import { decimalsWritten, rateAgrees } from "../../src/data/plausibility.ts";
import { defineTable } from "../../src/data/table.ts";
import {
  AS_OF,
  MATTERS_HEADER,
  csv,
  dataDir,
  problemsLoading,
  problemsReadingRegister,
  regionsCsv,
  sampleSiteConfig,
  siteJson,
  validFiles,
} from "./data-fixtures.ts";

// Well-formed but implausible values, refused by the generic data path so that every
// register gets the rules by declaring its columns: dates and periods outside
// [earliestYear, asOf], numbers that cannot be read exactly, stated rates that their counts
// contradict at the precision written, ids whose year is not their date's, region codes of
// another city.

/** A register of counts per county and period, with a stated rate: what a ledger declares. */
const countsTable = defineTable({
  file: "counts.csv",
  title: "测试台账",
  primaryKey: "id",
  columns: {
    id: id({
      doc: "编号",
      pattern: /^C-(?<year>\d{4})-\d{2}$/,
      example: "C-2024-01",
      yearOf: "opened",
    }),
    opened: period({ doc: "时期" }),
    registered: integer({ doc: "登记数" }),
    solved: integer({ doc: "解决数" }),
    rate: decimal({ doc: "解决率", min: 0, max: 100, required: false }),
  },
  rates: [{ column: "rate", numerator: "solved", denominator: "registered" }],
});

function problemsReadingCounts(rows: string[], earliestYear?: number): string[] {
  const dir = dataDir({ "counts.csv": csv(["id,opened,registered,solved,rate", ...rows]) });
  const ctx = new DataContext(dir, "data", AS_OF, earliestYear ? { earliestYear } : {});
  ctx.read(countsTable);
  return sortIssues(ctx.issues).map(formatIssue);
}

describe("dates and periods lie between the earliest year and the as-of date", () => {
  it("rejects a date before the earliest year (2000 unless site.json says)", () => {
    const dir = dataDir({
      ...validFiles(),
      "matters.csv": csv([MATTERS_HEADER, "M-001,990102,1202-03-05,整改中"]),
      "events.csv": "matter,date,note\n",
    });
    expect(problemsReadingRegister(dir)).toEqual([
      "data/matters.csv:2 reported: 日期 1202-03-05 早于最早年份 2000 (不早于 2000 年(site.json 的 earliestYear);多为年份笔误)",
    ]);
  });

  it("takes the earliest year from site.json", () => {
    const site = siteJson({ ...sampleSiteConfig(), earliestYear: 2015 });
    const files = { ...validFiles(), "site.json": site };
    expect(problemsLoading(dataDir(files))).toEqual([]);
    expect(problemsReadingCounts(["C-2014-01,2014,10,5,50.0"], 2015)).toEqual([
      "data/counts.csv:2 opened: 时期 2014 始于 2014-01-01 早于最早年份 2015 (不早于 2015 年(site.json 的 earliestYear);多为年份笔误)",
    ]);
  });

  it("rejects a quarter that begins after the as-of date and accepts the as-of quarter", () => {
    expect(problemsReadingCounts(["C-2024-01,2024-Q3,10,5,"])).toEqual([
      "data/counts.csv:2 opened: 时期 2024-Q3 始于 2024-07-01 晚于数据截至日期 2024-06-30 (不晚于 site.json 中的截至日期 asOf;若数据已更新,请同时更新 asOf)",
    ]);
    expect(problemsReadingCounts(["C-2024-01,2024-Q2,10,5,"])).toEqual([]);
  });
});

describe("numbers are finite and within their column's range", () => {
  it("rejects an integer too large to be exact", () => {
    expect(problemsReadingCounts(["C-2024-01,2024,90071992547409930,5,"])).toEqual([
      "data/counts.csv:2 registered: 90071992547409930 超出范围 (不小于 0 的整数)",
    ]);
  });

  it("rejects a rate outside 0–100", () => {
    expect(problemsReadingCounts(["C-2024-01,2024,10,5,150"])).toEqual([
      "data/counts.csv:2 rate: 150 超出范围 (可留空(表示无数据,不是 0);0 到 100 之间的数字,用英文小数点,不带单位和千分位逗号)",
    ]);
  });
});

describe("a stated rate is checked against its counts at the precision written", () => {
  it("rejects 35.0 for 432 of 1248 (34.6), which a ±0.5 check of the parsed 35 let through", () => {
    expect(problemsReadingCounts(["C-2024-01,2024,1248,432,35.0"])).toEqual([
      "data/counts.csv:2 rate: 所写比率 35.0% 与计数不符:432 ÷ 1248 × 100 = 34.62%(solved ÷ registered) (比率须等于 solved ÷ registered × 100,按所写的小数位四舍五入)",
    ]);
  });

  it("accepts the same rate written with the precision it has", () => {
    for (const rate of ["35", "34.6", "34.62", ""]) {
      expect(problemsReadingCounts([`C-2024-01,2024,1248,432,${rate}`])).toEqual([]);
    }
  });

  it("reads the decimals as written", () => {
    expect([decimalsWritten("35.0"), decimalsWritten("35"), decimalsWritten(" 34.62 ")]).toEqual([
      1, 0, 2,
    ]);
    expect(rateAgrees("57.7", 168288, 291528)).toBe(true);
    expect(rateAgrees("57.70", 168288, 291528)).toBe(false);
  });
});

describe("an id's year is the year of its date", () => {
  it("rejects an id whose year is another year's", () => {
    expect(problemsReadingCounts(["C-2023-01,2024,10,5,"])).toEqual([
      "data/counts.csv:2 id: 编号 「C-2023-01」 的年份 2023 与 opened 的 2024-01-01 不在同一年 (编号中的年份与 opened 的年份相同;编号写错时改编号,日期写错时改日期)",
    ]);
  });
});

describe("region codes belong to the jurisdiction by the GB/T 2260 prefix rule", () => {
  it("rejects another city's district listed as a county of this city", () => {
    // 980104 is a district of prefecture 9801; this city is 990100 (counties 9901xx).
    expect(
      problemsLoading(
        dataDir({ ...validFiles(), "regions.csv": regionsCsv("980104,外区,县,990100") }),
      ),
    ).toEqual([
      "data/regions.csv:6 code: 县级代码 「980104」 不属于本市 (本市县级区划的 6 位代码以 9901 开头、末两位不为 00(GB/T 2260))",
    ]);
  });

  it("rejects a second city row", () => {
    expect(
      problemsLoading(dataDir({ ...validFiles(), "regions.csv": regionsCsv("980100,外市,市,") })),
    ).toEqual([
      "data/regions.csv:6 level: 「980100」 不是本市(990100),却填了「市」 (只有本市一行填「市」;其他城市的区划不能列入)",
    ]);
  });

  it("accepts a township under a county of the city, with its county's six digits", () => {
    const regions = regionsCsv("990102001,某街道,乡,990102");
    const dir = dataDir({ ...validFiles(), "regions.csv": regions });
    expect(problemsLoading(dir)).toEqual([]);
  });

  it("rejects a township whose parent is the city itself, or whose code is another county's", () => {
    // 990100001 starts with its parent's code, but a township belongs to a county.
    const regions = regionsCsv("990100001,某街道,乡,990100", "990103002,某镇,乡,990102");
    expect(problemsLoading(dataDir({ ...validFiles(), "regions.csv": regions }))).toEqual([
      "data/regions.csv:6 parent: 乡级区划的上级 「990100」 不是本市的县级区划 (本文件中本市某个县级区划的代码)",
      "data/regions.csv:7 parent: 乡级代码 990103002 不以上级代码 990102 开头 (所属县级区划的 6 位代码,即本行代码的前 6 位)",
    ]);
  });
});

describe("a new register gets the rules by declaring its columns", () => {
  it("checks an id's year against a year column too (民生实事: MS-<list year>)", () => {
    const table = defineTable({
      file: "lists.csv",
      title: "测试清单",
      primaryKey: "id",
      columns: {
        id: id({
          doc: "编号",
          pattern: /^MS-(?<year>\d{4})-\d{4}$/,
          example: "MS-2022-0007",
          yearOf: "year",
        }),
        year: integer({ doc: "清单年度", min: 2000, max: 2100 }),
      },
    });
    const dir = dataDir({
      "lists.csv": csv(["id,year", "MS-2022-0001,2022", "MS-2022-0002,2023"]),
    });
    const ctx = new DataContext(dir, "data", AS_OF);
    ctx.read(table);
    expect(sortIssues(ctx.issues).map(formatIssue)).toEqual([
      "data/lists.csv:3 id: 编号 「MS-2022-0002」 的年份 2022 与 year 的 2023 不在同一年 (编号中的年份与 year 的年份相同;编号写错时改编号,日期写错时改日期)",
    ]);
  });
});
