import { describe, expect, it } from "vitest";
import {
  EVENTS_HEADER,
  MATTERS_HEADER,
  csv,
  dataDir,
  problemsLoading,
  problemsReadingRegister,
  regionsCsv,
  validFiles,
} from "./data-fixtures.ts";

/** A register with one valid matter on line 2 and one event about it on line 2. */
const VALID_MATTER = "M-001,990102,2024-03-05,整改中";
const VALID_EVENT = "M-001,2024-03-06,已转办";

function problemsWithRegister(
  matters: readonly string[],
  events: readonly string[] = [],
): string[] {
  return problemsReadingRegister(
    dataDir({
      ...validFiles(),
      "matters.csv": csv([MATTERS_HEADER, ...matters]),
      "events.csv": csv([EVENTS_HEADER, ...events]),
    }),
  );
}

describe("the data path checks every cell against its column", () => {
  it("accepts a valid register", () => {
    expect(problemsWithRegister([VALID_MATTER], [VALID_EVENT])).toEqual([]);
  });

  it("rejects a misspelt choice value, listing the allowed values", () => {
    expect(problemsWithRegister([VALID_MATTER, "M-002,990103,2024-03-05,整改重"])).toEqual([
      "data/matters.csv:3 status: 「整改重」不是允许的值 (允许:未开始、整改中、已完成)",
    ]);
  });

  it("rejects a date that is not written YYYY-MM-DD", () => {
    expect(problemsWithRegister(["M-001,990102,2024/3/5,整改中"])).toEqual([
      "data/matters.csv:2 reported: 日期「2024/3/5」格式不对 (日期写作 YYYY-MM-DD,如 2024-03-05)",
    ]);
  });

  it("rejects a date that does not exist, such as 2023-02-30", () => {
    expect(problemsWithRegister(["M-001,990102,2023-02-30,整改中"])).toEqual([
      "data/matters.csv:2 reported: 日期「2023-02-30」不存在 (日期写作 YYYY-MM-DD,如 2024-03-05)",
    ]);
  });

  it("accepts 29 February in a leap year", () => {
    expect(problemsWithRegister(["M-001,990102,2024-02-29,整改中"])).toEqual([]);
  });

  it("rejects a date after the data's as-of date and accepts the as-of date itself", () => {
    expect(
      problemsWithRegister(["M-001,990102,2024-06-30,整改中", "M-002,990102,2024-07-01,整改中"]),
    ).toEqual([
      "data/matters.csv:3 reported: 日期 2024-07-01 晚于数据截至日期 2024-06-30 (不晚于 site.json 中的截至日期 asOf;若数据已更新,请同时更新 asOf)",
    ]);
  });

  it("rejects a region code that regions.csv does not have", () => {
    expect(problemsWithRegister(["M-001,990199,2024-03-05,整改中"])).toEqual([
      "data/matters.csv:2 county: 行政区划代码 「990199」 不在 regions.csv 中 (regions.csv 中已有的 6 位行政区划代码(GB/T 2260))",
    ]);
  });

  it("rejects a region code that is not six digits", () => {
    expect(problemsWithRegister(["M-001,99010,2024-03-05,整改中"])).toEqual([
      "data/matters.csv:2 county: 「99010」不是 6 位行政区划代码 (regions.csv 中已有的 6 位行政区划代码(GB/T 2260))",
    ]);
  });

  it("rejects a duplicate id, naming the line of the first", () => {
    expect(
      problemsWithRegister([VALID_MATTER, "M-002,990103,2024-03-05,整改中", VALID_MATTER]),
    ).toEqual(["data/matters.csv:4 id: 编号 「M-001」 与第 2 行重复 (每条记录的编号唯一)"]);
  });

  it("rejects an id in the wrong format", () => {
    expect(problemsWithRegister(["M1,990102,2024-03-05,整改中"])).toEqual([
      "data/matters.csv:2 id: 编号「M1」格式不对 (编号格式如 M-001,一经发布不得更改)",
    ]);
  });

  it("rejects an empty required cell", () => {
    expect(problemsWithRegister(["M-001,990102,2024-03-05, "])).toEqual([
      "data/matters.csv:2 status: 不能为空 (允许:未开始、整改中、已完成)",
    ]);
  });

  it("rejects a reference to an id that does not exist", () => {
    expect(problemsWithRegister([VALID_MATTER], [VALID_EVENT, "M-009,2024-03-07,已回复"])).toEqual([
      "data/events.csv:3 matter: 编号 「M-009」 在 data/matters.csv 中不存在 (matters.csv 中已有的编号)",
    ]);
  });

  it("does not report a reference again when the row it names has problems of its own", () => {
    expect(
      problemsWithRegister(["M-001,990102,2024-03-05,整改重"], ["M-001,2024-03-06,已转办"]),
    ).toEqual(["data/matters.csv:2 status: 「整改重」不是允许的值 (允许:未开始、整改中、已完成)"]);
  });

  it("does not report every reference when the table they name cannot be read", () => {
    const dir = dataDir({
      ...validFiles(),
      "matters.csv": "id,county\n",
      "events.csv": csv([EVENTS_HEADER, VALID_EVENT, "M-002,2024-03-07,已回复"]),
    });
    expect(problemsReadingRegister(dir)).toEqual([
      "data/matters.csv:1 reported: 缺少这一列 (表头须为:id,county,reported,status)",
      "data/matters.csv:1 status: 缺少这一列 (表头须为:id,county,reported,status)",
    ]);
  });

  it("reports a table's cross-column check on the row's line", () => {
    expect(problemsWithRegister([VALID_MATTER, "M-002,990100,2024-03-05,未开始"])).toEqual([
      "data/matters.csv:3 county: 市级事项不能是「未开始」 (市级事项须已开始办理)",
    ]);
  });

  it("rejects a text longer than its limit, counting characters as an editor does", () => {
    expect(
      problemsWithRegister(
        [VALID_MATTER],
        // 𠮷 is one character outside the Basic Multilingual Plane (two UTF-16 code units).
        ["M-001,2024-03-06,𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷", "M-001,2024-03-07,一二三四五六七八九十一"],
      ),
    ).toEqual(["data/events.csv:3 note: 内容有 11 个字,超过上限 (不超过 10 个字)"]);
  });

  it("reports several problems of one row, each under its column", () => {
    expect(problemsWithRegister(["M-001,990199,2024-02-30,整改重"])).toEqual([
      "data/matters.csv:2 county: 行政区划代码 「990199」 不在 regions.csv 中 (regions.csv 中已有的 6 位行政区划代码(GB/T 2260))",
      "data/matters.csv:2 reported: 日期「2024-02-30」不存在 (日期写作 YYYY-MM-DD,如 2024-03-05)",
      "data/matters.csv:2 status: 「整改重」不是允许的值 (允许:未开始、整改中、已完成)",
    ]);
  });
});

describe("regions.csv is checked against itself and site.json", () => {
  it("rejects a duplicate region code", () => {
    const dir = dataDir({ ...validFiles(), "regions.csv": regionsCsv("990102,甲区,县,990100") });
    expect(problemsLoading(dir)).toEqual([
      "data/regions.csv:6 code: 编号 「990102」 与第 3 行重复 (每条记录的编号唯一)",
    ]);
  });

  it("rejects a parent code that is not in the file", () => {
    const dir = dataDir({ ...validFiles(), "regions.csv": regionsCsv("990104,丁区,县,990200") });
    expect(problemsLoading(dir)).toEqual([
      "data/regions.csv:6 parent: 上级代码 「990200」 不在本文件中 (本文件中已有的代码,本市一行留空)",
    ]);
  });

  it("reports a bad jurisdiction row once, not again for every county under it", () => {
    const regions = regionsCsv().replace("990100,样例市,市,", "990100,样例市,地级市,");
    expect(problemsLoading(dataDir({ ...validFiles(), "regions.csv": regions }))).toEqual([
      "data/regions.csv:2 level: 「地级市」不是允许的值 (允许:省、市、县、乡)",
    ]);
  });

  it("rejects regions.csv without a row for the jurisdiction of site.json", () => {
    const regions = regionsCsv().replace("990100,样例市,市,\n", "");
    const problems = problemsLoading(dataDir({ ...validFiles(), "regions.csv": regions }));
    expect(problems).toContain(
      "data/regions.csv:1 (文件): 没有 site.json 中本市代码 990100 的一行 (regions.csv 须包含本市及其县级区划)",
    );
  });

  it("rejects a jurisdiction row whose name differs from site.json", () => {
    const regions = regionsCsv().replace("990100,样例市,市,", "990100,范例市,市,");
    expect(problemsLoading(dataDir({ ...validFiles(), "regions.csv": regions }))).toEqual([
      "data/regions.csv:2 name: 本市名称「范例市」与 site.json 中的「样例市」不一致 (两处写同一个名称)",
    ]);
  });
});
