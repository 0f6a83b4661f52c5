import { describe, expect, test } from "vitest";
import {
  EMBED_LAYOUT,
  EMBED_WIDTHS,
  embedHeight,
  embedHeights,
  embedText,
  lineCount,
  type EmbedText,
} from "../../src/components/chart/embed-layout.ts";

const text: EmbedText = embedText({
  notice: { label: "示例数据：", text: "数值为演示用的虚构数据。" },
  title: "森林防火零火星（乐山市各县区合计，示例数据）",
  summary: "最近一期（2026年10月）11个县区均报告0起。",
  sources: ["示例数据（虚构）：逐月示例数值（「十零」目标、邻里中心）"],
  siteName: "乐山公示",
  asOf: "2026-10-31",
  fullPageHas: "定义、各县区、下载",
});

describe("line count", () => {
  test("fits as many Chinese characters on a line as there are ems of width", () => {
    expect(lineCount("一二三四五六七八九十", 160, 16)).toBe(1);
    expect(lineCount("一二三四五六七八九十一", 160, 16)).toBe(2);
  });

  test("keeps closing punctuation with the character before it, hanging its half past the end", () => {
    // Ten characters and a full stop in 10.5 ems: the stop is set half width at the end.
    expect(lineCount("一二三四五六七八九十。", 168, 16)).toBe(1);
    // In ten ems the stop does not fit even so; it takes 十 down with it, never starts a line.
    expect(lineCount("一二三四五六七八九十。", 160, 16)).toBe(2);
    expect(lineCount("一二三四五六七八九十十。", 168, 16)).toBe(2);
  });

  test("never breaks inside a Latin word or number unless it is longer than a line", () => {
    expect(lineCount("一二三四五六七八 2026", 160, 16)).toBe(2);
    expect(lineCount("x".repeat(60), 160, 16)).toBeGreaterThanOrEqual(3);
  });
});

describe("embed height", () => {
  test("is taller for a narrower frame, never shorter", () => {
    const heights = EMBED_WIDTHS.map((width) => embedHeight(text, width));
    for (let i = 1; i < heights.length; i++) {
      expect(heights[i]).toBeLessThanOrEqual(heights[i - 1] ?? 0);
    }
    expect(embedHeights(text).map((h) => h.width)).toEqual([...EMBED_WIDTHS]);
  });

  test("counts the chart, or the single figure shown in its place", () => {
    const withChart = embedHeight(text, 640);
    const withFigure = embedHeight({ ...text, figure: "12万本（2014年）" }, 640);
    expect(
      Math.abs(
        withChart -
          withFigure -
          (EMBED_LAYOUT.chartHeight + EMBED_LAYOUT.chartGap - (36 * 1.3 + EMBED_LAYOUT.figure.gap)),
      ),
    ).toBeLessThanOrEqual(1);
  });

  test("grows by a line for each line a longer source wraps to", () => {
    const longer = { ...text, source: `${text.source}；${"另一份出处的标题".repeat(4)}` };
    const lines =
      lineCount(longer.source, 640 - 4 - 32, 16) - lineCount(text.source, 640 - 4 - 32, 16);
    expect(lines).toBeGreaterThan(0);
    expect(embedHeight(longer, 640) - embedHeight(text, 640)).toBeCloseTo(lines * 28, 0);
  });

  test("leaves the sample notice out when there is none", () => {
    const { notice: _notice, ...withoutNotice } = text;
    expect(embedHeight(text, 640) - embedHeight(withoutNotice, 640)).toBeCloseTo(28 + 16 + 12, 0);
  });
});
