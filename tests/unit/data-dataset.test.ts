import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/site/dataset.ts";
import { DataValidationError } from "../../src/data/issues.ts";
import {
  EVENTS_HEADER,
  MATTERS_HEADER,
  REGIONS_HEADER,
  SAMPLE_REGION_ROWS,
  csv,
  dataDir,
  problemsLoading,
  problemsReadingRegister,
  regionsCsv,
  validFiles,
} from "./data-fixtures.ts";

describe("loadDataset", () => {
  it("loads a valid dataset: the site, the jurisdiction and its counties in file order", () => {
    const dataset = loadDataset(dataDir(validFiles()));
    expect(dataset.site.jurisdiction).toEqual({ name: "样例市", code: "990100" });
    expect(dataset.site.asOf).toBe("2024-06-30");
    expect(dataset.jurisdiction).toEqual({ code: "990100", name: "样例市", level: "市" });
    expect(dataset.counties).toEqual([
      { code: "990102", name: "甲区", level: "县", parent: "990100" },
      { code: "990103", name: "乙区", level: "县", parent: "990100" },
      { code: "990121", name: "丙县", level: "县", parent: "990100" },
    ]);
    expect([...dataset.regionsByCode.keys()]).toEqual(["990100", "990102", "990103", "990121"]);
  });

  it("loads the demo data committed in data/", () => {
    expect(problemsLoading("data")).toEqual([]);
  });

  it("collects every problem of every row before failing", () => {
    const regions = csv([
      REGIONS_HEADER,
      ...SAMPLE_REGION_ROWS,
      "990104,丁区,区,990100",
      "99010x,戊区,县,990100",
      "990106,,县,990100",
    ]);
    expect(problemsLoading(dataDir({ ...validFiles(), "regions.csv": regions }))).toEqual([
      "data/regions.csv:6 level: 「区」不是允许的值 (允许:省、市、县、乡)",
      "data/regions.csv:7 code: 「99010x」不是 6 位(县级及以上)或 9 位(乡级)行政区划代码 (regions.csv 中已有的区划代码:县级及以上 6 位(GB/T 2260),乡、镇、街道 9 位(统计用区划代码))",
      "data/regions.csv:8 name: 不能为空 (不超过 30 个字)",
    ]);
  });

  it("collects the problems of several files, sorted by file and line", () => {
    const dir = dataDir({
      ...validFiles(),
      "regions.csv": regionsCsv("990104,丁区,区,990100"),
      "matters.csv": csv([
        MATTERS_HEADER,
        "M-001,990102,2024-07-01,整改中",
        "M-002,990103,2024-03-05,已完成",
      ]),
      "events.csv": Buffer.from(csv([EVENTS_HEADER, "M-001,2024-03-06,已转办"]), "utf16le"),
    });
    expect(problemsReadingRegister(dir).map((problem) => problem.split(" ")[0])).toEqual([
      "data/events.csv:1:2",
      "data/matters.csv:2",
      "data/regions.csv:6",
    ]);
  });

  it("fails with one error whose message lists every problem, one per line", () => {
    const regions = regionsCsv("990104,丁区,区,990100", "990105,戊区,省,990100,多");
    const dir = dataDir({ ...validFiles(), "regions.csv": regions });
    let caught: unknown;
    try {
      loadDataset(dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataValidationError);
    const lines = caught instanceof Error ? caught.message.split("\n") : [];
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("数据检查发现 2 个问题:");
    expect(lines[1]).toBe(`  ${dir}/regions.csv:6 level: 「区」不是允许的值 (允许:省、市、县、乡)`);
    expect(lines[2]).toContain(`  ${dir}/regions.csv:7 (文件): 这一行有 5 个字段,表头有 4 列`);
  });
});
