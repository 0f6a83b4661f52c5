import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  chartCsv,
  checkChartSpec,
  displayValue,
  toClientSpec,
  type ChartSpec,
} from "../../src/components/chart/spec.ts";

const spec: ChartSpec = {
  kind: "bar",
  title: "全市信访量",
  unit: "件",
  categoryHeading: "年份",
  categories: [
    { key: "2015", label: "2015年" },
    { key: "2016", label: "2016年" },
  ],
  series: [{ label: "乐山市", values: [16000, null] }],
  summary: "2015 年 1.6 万余件,2016 年无数据。",
};

describe("chart specs", () => {
  it("writes the plotted data as CSV with a UTF-8 BOM and an empty cell for no data", () => {
    expect(chartCsv(spec)).toBe(
      "\uFEFFkey,年份,乐山市(件)\r\n2015,2015年,16000\r\n2016,2016年,\r\n",
    );
  });

  it("shows no data in words in the table, never as 0", () => {
    expect(displayValue(spec.series[0] ?? { label: "", values: [] }, 1)).toBe("无数据");
  });

  it("gives the canvas a label that names the chart kind, title, unit and summary", () => {
    const client = toClientSpec(spec);
    expect(client.label).toBe(
      "柱状图：全市信访量（单位：件）。2015 年 1.6 万余件,2016 年无数据。数据见图下的表格。",
    );
    expect(client.series[0]?.values).toEqual([16000, null]);
    expect(client.integer).toBe(true);
  });

  it("fails the build when a series and its categories differ in length", () => {
    expect(() => checkChartSpec({ ...spec, series: [{ label: "x", values: [1] }] })).toThrow(
      /有 1 个值,分类有 2 个/,
    );
  });

  it("fails the build with more series than there are distinct patterns", () => {
    const series = Array.from({ length: 7 }, (_, i) => ({ label: `s${i}`, values: [1, 2] }));
    expect(() => checkChartSpec({ ...spec, series })).toThrow(/须为 1 到 6 个/);
  });
});

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe("chart colours", () => {
  const tokens = readFileSync("src/styles/tokens.css", "utf8");
  const token = (name: string) => {
    const match = new RegExp(`${name}:\\s*(#[0-9a-fA-F]{6})`).exec(tokens);
    if (!match?.[1]) throw new Error(`token ${name} not found`);
    return match[1];
  };

  it.each([1, 2, 3, 4, 5, 6])(
    "series %i stands out from the background by at least 3:1 (WCAG 1.4.11)",
    (n) => {
      expect(contrast(token(`--gs-chart-${n}`), token("--gs-color-bg"))).toBeGreaterThanOrEqual(3);
    },
  );
});
