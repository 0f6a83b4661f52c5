import { describe, expect, test } from "vitest";
import { loadDataset } from "../../src/site/dataset.ts";
import { figureCatalogue, figureNames, figureValue } from "../../src/site/figures.ts";
import { defineFigures, formatFigure, machineValue } from "../../src/figures/registry.ts";

describe("named figures", () => {
  const dataset = loadDataset("data");

  test("are named namespace.key and unique", () => {
    expect(figureNames.size).toBe(figureCatalogue.length);
    for (const name of figureNames) expect(name).toMatch(/^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/);
  });

  test.each([...figureNames])("%s computes from the data and reads as text", (name) => {
    const value = figureValue(dataset, name);
    expect(formatFigure(value)).not.toBe("");
  });

  test("agree with the data they describe", () => {
    expect(figureValue(dataset, "regions.countyCount")).toEqual({
      type: "count",
      value: dataset.counties.length,
    });
    expect(figureValue(dataset, "site.asOf")).toEqual({ type: "date", value: dataset.site.asOf });
    expect(formatFigure(figureValue(dataset, "site.asOf"))).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  });

  test("throw on an unknown name, listing the names there are", () => {
    expect(() => figureValue(dataset, "regions.nope")).toThrow(
      /regions\.nope.*regions\.countyCount/,
    );
  });

  test("of a section the site does not run cannot be quoted", () => {
    const withoutIndicators = { ...dataset, site: { ...dataset.site, sections: [] } };
    expect(() => figureValue(withoutIndicators, "indicators.count")).toThrow(/indicators.*未开设/);
    expect(figureValue(withoutIndicators, "regions.countyCount").type).toBe("count");
  });

  test("reject names that are not camelCase ASCII", () => {
    expect(() => defineFigures("Bad-Name", {})).toThrow(/namespace/);
    expect(() =>
      defineFigures("ok", { "on time": { doc: "", compute: () => ({ type: "count", value: 1 }) } }),
    ).toThrow(/ok\.on time/);
  });

  test("read rates as percentages with one decimal, and a missing rate as 暂无数据", () => {
    expect(formatFigure({ type: "rate", value: 0.875 })).toBe("87.5%");
    expect(formatFigure({ type: "rate", value: 1 })).toBe("100.0%");
    expect(formatFigure({ type: "rate", value: 204 / 245 })).toBe("83.3%");
    expect(formatFigure({ type: "rate", value: undefined })).toBe("暂无数据");
    expect(machineValue({ type: "rate", value: undefined })).toBeUndefined();
    expect(formatFigure({ type: "count", value: 12345 })).toBe("12,345");
  });
});
