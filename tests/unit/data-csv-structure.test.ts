import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/site/dataset.ts";
import {
  REGIONS_HEADER,
  SAMPLE_REGION_ROWS,
  csv,
  dataDir,
  problemsLoading,
  validFiles,
} from "./data-fixtures.ts";

const HEADER_RULE = "表头须为:code,name,level,parent";
const QUOTING_HINT =
  "每行字段数与表头一致;内容含逗号、引号或换行时,整格用英文双引号括起,格内引号写两遍";

/** The problems of a dataset whose regions.csv is `regions` and everything else valid. */
function problemsWithRegions(regions: string): string[] {
  return problemsLoading(dataDir({ ...validFiles(), "regions.csv": regions }));
}

describe("the data path checks the shape of every CSV file", () => {
  it("rejects an empty file", () => {
    expect(problemsWithRegions("")).toEqual([
      "data/regions.csv:1 (文件): 文件是空的 (第一行是表头,其后每行一条记录)",
    ]);
  });

  it("rejects a file of blank lines as empty", () => {
    expect(problemsWithRegions("\n  \n\n")).toEqual([
      "data/regions.csv:1 (文件): 文件是空的 (第一行是表头,其后每行一条记录)",
    ]);
  });

  it("rejects a header-only file for a table that must have rows", () => {
    expect(problemsWithRegions(csv([REGIONS_HEADER]))).toEqual([
      "data/regions.csv:1 (文件): 文件只有表头,没有数据行 (至少一条记录)",
    ]);
  });

  it("reports a missing column on the header line and checks no rows", () => {
    const rows = SAMPLE_REGION_ROWS.map((row) => row.split(",").slice(0, 3).join(","));
    expect(problemsWithRegions(csv(["code,name,level", ...rows]))).toEqual([
      `data/regions.csv:1 parent: 缺少这一列 (${HEADER_RULE})`,
    ]);
  });

  it("reports an unknown extra column and still checks the rows", () => {
    const rows = SAMPLE_REGION_ROWS.map((row) => `${row},备注`);
    rows[2] = "990103,乙区,区,990100,备注";
    expect(problemsWithRegions(csv([`${REGIONS_HEADER},note`, ...rows]))).toEqual([
      `data/regions.csv:1 note: 未知的列 (${HEADER_RULE})`,
      "data/regions.csv:4 level: 「区」不是允许的值 (允许:省、市、县、乡)",
    ]);
  });

  it("reports a column with an empty name as unknown", () => {
    const rows = SAMPLE_REGION_ROWS.map((row) => `${row},`);
    expect(problemsWithRegions(csv([`${REGIONS_HEADER},`, ...rows]))).toEqual([
      `data/regions.csv:1 (空列名): 未知的列 (${HEADER_RULE})`,
    ]);
  });

  it("reports a duplicate column", () => {
    const rows = SAMPLE_REGION_ROWS.map((row) => `${row},${row.split(",")[1] ?? ""}`);
    expect(problemsWithRegions(csv([`${REGIONS_HEADER},name`, ...rows]))).toEqual([
      `data/regions.csv:1 name: 列名重复 (${HEADER_RULE})`,
    ]);
  });

  it("reports a row with the wrong number of fields on its own line", () => {
    expect(
      problemsWithRegions(
        csv([REGIONS_HEADER, ...SAMPLE_REGION_ROWS, "990104,丁区,县", "990105,戊区,县,990100,多"]),
      ),
    ).toEqual([
      `data/regions.csv:6 (文件): 这一行有 3 个字段,表头有 4 列 (${QUOTING_HINT})`,
      `data/regions.csv:7 (文件): 这一行有 5 个字段,表头有 4 列 (${QUOTING_HINT})`,
    ]);
  });

  it("reports an unterminated quote once, on the line where the quoted cell starts", () => {
    const regions = csv([
      REGIONS_HEADER,
      SAMPLE_REGION_ROWS[0],
      SAMPLE_REGION_ROWS[1],
      '990103,"乙区,县,990100',
      SAMPLE_REGION_ROWS[3],
    ]);
    expect(problemsWithRegions(regions)).toEqual([
      `data/regions.csv:4 (文件): 引号没有闭合(一格以英文双引号开头却没有结束的双引号) (${QUOTING_HINT})`,
    ]);
  });

  it("reports a quote inside a quoted cell that was not doubled, in Chinese", () => {
    const regions = csv([REGIONS_HEADER, ...SAMPLE_REGION_ROWS, '990104,"丁"区",县,990100']);
    expect(problemsWithRegions(regions)).toEqual([
      `data/regions.csv:6 (文件): 引号用法不对(一格以英文双引号括起,格内却有没写两遍的双引号) (${QUOTING_HINT})`,
    ]);
  });

  it("counts the lines of quoted multi-line cells in the line of a later bad row", () => {
    const regions = csv([
      REGIONS_HEADER,
      SAMPLE_REGION_ROWS[0],
      '990102,"甲区',
      "(原甲县,",
      '2016 年撤县设区)",县,990100',
      "990103,乙区,区,990100",
    ]);
    expect(problemsWithRegions(regions)).toEqual([
      "data/regions.csv:6 level: 「区」不是允许的值 (允许:省、市、县、乡)",
    ]);
  });

  it("reports a problem in a multi-line record on the line where the record starts", () => {
    const regions = csv([
      REGIONS_HEADER,
      SAMPLE_REGION_ROWS[0],
      '990102,"甲区',
      '(原甲县)",区,990100',
    ]);
    expect(problemsWithRegions(regions)).toEqual([
      "data/regions.csv:3 level: 「区」不是允许的值 (允许:省、市、县、乡)",
    ]);
  });

  it("skips blank lines and rows whose cells are all empty, and still counts their lines", () => {
    const regions = csv([
      REGIONS_HEADER,
      SAMPLE_REGION_ROWS[0],
      "",
      ",,,",
      SAMPLE_REGION_ROWS[1],
      " , , , ",
      "990103,乙区,区,990100",
    ]);
    expect(problemsWithRegions(regions)).toEqual([
      "data/regions.csv:7 level: 「区」不是允许的值 (允许:省、市、县、乡)",
    ]);
  });

  it("reads a file without a final line break", () => {
    const regions = [REGIONS_HEADER, ...SAMPLE_REGION_ROWS].join("\n");
    const dataset = loadDataset(dataDir({ ...validFiles(), "regions.csv": regions }));
    expect(dataset.counties).toHaveLength(3);
  });

  it("reports a missing data file", () => {
    const { "regions.csv": _regions, ...rest } = validFiles();
    expect(problemsLoading(dataDir(rest))).toEqual([
      "data/regions.csv:1 (文件): 文件不存在 (在 data/ 下建立 regions.csv,第一行为表头)",
    ]);
  });
});
