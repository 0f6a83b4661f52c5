import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/site/dataset.ts";

/** A second, tiny jurisdiction: the same code must serve it from its own data directory. */
const ZIGONG_DATA = "tests/fixtures/sites/zigong/data";

describe("the second city's data", () => {
  it("loads as 自贡市 with its six county-level divisions", () => {
    const dataset = loadDataset(ZIGONG_DATA);
    expect(dataset.site.jurisdiction).toEqual({ name: "自贡市", code: "510300" });
    expect(dataset.site.sample).toBe(true);
    expect(dataset.jurisdiction.name).toBe("自贡市");
    expect(dataset.counties.map((county) => `${county.code} ${county.name}`)).toEqual([
      "510302 自流井区",
      "510303 贡井区",
      "510304 大安区",
      "510311 沿滩区",
      "510321 荣县",
      "510322 富顺县",
    ]);
  });
});
