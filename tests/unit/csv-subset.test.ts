import { describe, expect, test } from "vitest";
import { toCsv } from "../../src/open-data/csv.ts";
import { subsetCsv } from "../../src/registers/csv-subset.ts";

describe("下载当前结果: the full CSV cut to the matching ids", () => {
  const full = toCsv(
    ["title", "id", "note"],
    [
      ["第一, 有逗号", "A-1", "一行"],
      ['有"引号"', "A-2", "两\n行"],
      ["第三", "A-3", ""],
    ],
  );

  test("keeps the header and exactly the matching records, byte for byte", () => {
    const subset = subsetCsv(full, new Set(["A-2", "A-3"]));
    const lines = full.split("\r\n");
    expect(subset.startsWith(lines[0] ?? "x")).toBe(true);
    expect(subset).toBe(full.replace(/\r\n"第一, 有逗号",A-1,一行/, ""));
    expect(subset).toContain("两\n行");
    expect(subset).not.toContain("A-1");
  });

  test("no match leaves the header alone", () => {
    expect(subsetCsv(full, new Set())).toBe(`${full.split("\r\n")[0]}\r\n`);
  });
});
