import { describe, expect, it } from "vitest";
import {
  findHalfWidthPunctuation,
  findLooseSpacing,
  tidyChinese,
} from "../../src/format/typography.ts";

describe("Chinese typography", () => {
  it("finds a half-width comma, colon or bracket next to Chinese, spaces between them or not", () => {
    expect(findHalfWidthPunctuation("已逾期,仍未整改").map((p) => p.found)).toEqual([","]);
    expect(findHalfWidthPunctuation("发布: 本站").map((p) => p.expected)).toEqual(["："]);
    expect(findHalfWidthPunctuation("演示站(非官方)").map((p) => p.found)).toEqual(["(", ")"]);
  });

  it("leaves marks between digits or Latin words alone", () => {
    expect(findHalfWidthPunctuation("14:30, CC BY 4.0 (2024)")).toEqual([]);
    expect(findHalfWidthPunctuation("https://example.org/a,b")).toEqual([]);
  });

  it("finds a space between Chinese and a digit or Latin letter, either way round", () => {
    expect(findLooseSpacing("已逾期 119 天").map((p) => p.found)).toEqual(["期 1", "9 天"]);
    expect(findLooseSpacing("本站是 Gongshi 演示站").map((p) => p.found)).toEqual(["是 G", "i 演"]);
  });

  it("takes a tab for a cell boundary, not a space between words", () => {
    expect(findLooseSpacing("沙湾区\t8\t已销号")).toEqual([]);
  });

  it("tidies text to the rules, a bracket's partner included", () => {
    expect(tidyChinese("Gongshi 演示站(非官方)")).toBe("Gongshi演示站（非官方）");
    expect(tidyChinese("本条数据(JSON)")).toBe("本条数据（JSON）");
    expect(tidyChinese("80 个问题中66 个,已逾期 3 天")).toBe("80个问题中66个，已逾期3天");
    expect(tidyChinese("14:30, CC BY 4.0")).toBe("14:30, CC BY 4.0");
  });
});
