import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/site/dataset.ts";
import { DataValidationError, formatIssue } from "../../src/data/issues.ts";
import { indicatorChartSpec, indicatorCsv } from "../../src/indicators/chart.ts";
import { numericTarget } from "../../src/indicators/load.ts";

/**
 * Each test writes a tiny data directory: a city with two counties, one published source,
 * one sample source, and the indicator rows the test is about.
 */
const SITE = {
  jurisdiction: { name: "乐山市", code: "511100" },
  siteName: "测试站",
  publisher: "测试",
  siteUrl: "https://example.test/",
  asOf: "2026-10-31",
  sample: true,
  licence: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
  sections: ["indicators"],
};

/** The indicators of a data directory whose site publishes them. */
function indicatorsOf(dir: string) {
  const indicators = loadDataset(dir).indicators;
  if (!indicators) throw new Error(`${dir}: site.json does not list the indicators section`);
  return indicators;
}
const REGIONS =
  "code,name,level,parent\n511100,乐山市,市,\n511102,市中区,县,511100\n511111,沙湾区,县,511100\n";
const SOURCES = [
  "id,kind,publisher,title,author,date,url,note",
  "paper,公开报道,某报,某文,,2022-03-16,,",
  "sample,示例数据,测试,示例,,,,",
].join("\n");
const INDICATOR_HEADER =
  "id,name,group,unit,direction,target,definition,method_notes,source,place,city_total,numerator,denominator";
const VALUE_HEADER = "indicator_id,region_code,period,value,qualifier,source,note";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(indicators: string[], values: string[], site: object = SITE): string {
  const dir = mkdtempSync(join(tmpdir(), "gongshi-indicators-"));
  dirs.push(dir);
  writeFileSync(join(dir, "site.json"), JSON.stringify(site));
  writeFileSync(join(dir, "regions.csv"), REGIONS);
  writeFileSync(join(dir, "indicator-sources.csv"), `${SOURCES}\n`);
  writeFileSync(join(dir, "indicators.csv"), `${[INDICATOR_HEADER, ...indicators].join("\n")}\n`);
  writeFileSync(join(dir, "indicator-values.csv"), `${[VALUE_HEADER, ...values].join("\n")}\n`);
  return dir;
}

/** Every message the data path reports, as `<file>:<line> <column>: …`, file name only. */
function problems(dir: string): string[] {
  try {
    loadDataset(dir);
    return [];
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    return error.issues.map((issue) =>
      formatIssue({ ...issue, file: issue.file.split("/").at(-1) ?? "" }),
    );
  }
}

const ZERO = "fires,森林防火零火星,十零,起,零目标,,当月火情起数,,paper,,是,,";
const PLANS = [
  "plans,制定的计划,民生实事,件,不评优劣,,计划件数,,paper,昆明市,,,",
  "plans-done,完成的计划,民生实事,件,越高越好,,完成件数,,paper,昆明市,,,",
  "plans-rate,完成率,民生实事,%,越高越好,,完成率,,paper,昆明市,,plans-done,plans",
];

describe("indicator data", () => {
  it("builds when a stated rate agrees with its counts", () => {
    const dir = dataDir(PLANS, [
      "plans,,2021,1248,,paper,",
      "plans-done,,2021,432,,paper,",
      "plans-rate,,2021,34.6,,paper,",
    ]);
    const rate = indicatorsOf(dir).byId.get("plans-rate");
    expect(rate?.latest?.value).toBe(34.62);
    expect(rate?.latest?.rate).toEqual({ numerator: 432, denominator: 1248, stated: 34.6 });
  });

  it("fails the build with the file, line and column when a stated rate disagrees with its counts", () => {
    const dir = dataDir(PLANS, [
      "plans,,2021,1248,,paper,",
      "plans-done,,2021,432,,paper,",
      "plans-rate,,2021,36.4,,paper,",
    ]);
    expect(problems(dir)).toEqual([
      "indicator-values.csv:4 value: 所报比率 36.4% 与计数不符:432 ÷ 1248 × 100 = 34.615%(计数见第 3、2 行) (比率须等于分子 ÷ 分母 × 100,按所报的小数位四舍五入)",
    ]);
  });

  it("checks a stated rate at the precision it is written with: 35.0 is not 34.6, 35 is", () => {
    const values = (rate: string) =>
      dataDir(PLANS, [
        "plans,,2021,1248,,paper,",
        "plans-done,,2021,432,,paper,",
        `plans-rate,,2021,${rate},,paper,`,
      ]);
    expect(problems(values("35.0"))).toEqual([
      "indicator-values.csv:4 value: 所报比率 35.0% 与计数不符:432 ÷ 1248 × 100 = 34.615%(计数见第 3、2 行) (比率须等于分子 ÷ 分母 × 100,按所报的小数位四舍五入)",
    ]);
    expect(problems(values("35"))).toEqual([]);
    expect(problems(values("34.62"))).toEqual([]);
  });

  it("rejects a period that has not begun by the as-of date, which the board would show as latest", () => {
    expect(problems(dataDir([ZERO], ["fires,511102,2026-11,0,,sample,"]))).toEqual([
      "indicator-values.csv:2 period: 时期 2026-11 始于 2026-11-01 晚于数据截至日期 2026-10-31 (不晚于 site.json 中的截至日期 asOf;若数据已更新,请同时更新 asOf)",
    ]);
  });

  it("rejects a period whose year is a typo, before it draws centuries of empty months", () => {
    expect(
      problems(
        dataDir([ZERO], ["fires,511102,2026-10,0,,sample,", "fires,511102,2201-03,0,,sample,"]),
      ),
    ).toEqual([
      "indicator-values.csv:3 period: 时期 2201-03 始于 2201-03-01 晚于数据截至日期 2026-10-31 (不晚于 site.json 中的截至日期 asOf;若数据已更新,请同时更新 asOf)",
    ]);
    expect(problems(dataDir([ZERO], ["fires,511102,1202-03,0,,sample,"]))).toEqual([
      "indicator-values.csv:2 period: 时期 1202-03 始于 1202-03-01 早于最早年份 2000 (不早于 2000 年(site.json 的 earliestYear);多为年份笔误)",
    ]);
  });

  it("rejects a number too long to be read exactly instead of publishing Infinity", () => {
    const [message, ...rest] = problems(
      dataDir([ZERO], [`fires,511102,2026-10,${"9".repeat(400)},,sample,`]),
    );
    expect(rest).toEqual([]);
    expect(message).toMatch(
      /^indicator-values\.csv:2 value: 「9{40}…」 超出范围 \(.*10 的 15 次方/,
    );
  });

  it("computes a rate the source did not state, and marks it computed", () => {
    const dir = dataDir(PLANS, ["plans,,2021,2856,,paper,", "plans-done,,2021,908,,paper,"]);
    const rate = indicatorsOf(dir).byId.get("plans-rate");
    expect(rate?.latest?.value).toBe(31.79);
    expect(rate?.latest?.origin).toBe("computed");
  });

  it("does not check or compute a rate from approximate counts", () => {
    const dir = dataDir(PLANS, [
      "plans,,2021,600000,,paper,",
      "plans-done,,2021,500000,近,paper,",
      "plans-rate,,2021,10,,paper,",
    ]);
    expect(problems(dir)).toEqual([]);
    expect(indicatorsOf(dir).byId.get("plans-rate")?.latest?.rate).toBeUndefined();
  });

  it("rejects a value for an unknown indicator", () => {
    const [message, ...rest] = problems(dataDir([ZERO], ["floods,511102,2026-10,0,,sample,"]));
    expect(rest).toEqual([]);
    expect(message).toMatch(
      /^indicator-values\.csv:2 indicator_id: 编号 「floods」 在 \S*indicators\.csv 中不存在/,
    );
  });

  it("rejects a region code that is not in regions.csv", () => {
    expect(problems(dataDir([ZERO], ["fires,511199,2026-10,0,,sample,"]))).toEqual([
      "indicator-values.csv:2 region_code: 行政区划代码 「511199」 不在 regions.csv 中 (regions.csv 中已有的 6 位行政区划代码(GB/T 2260))",
    ]);
  });

  it("keeps figures about another place out of the city's regions", () => {
    const dir = dataDir(PLANS, ["plans,511102,2021,1248,,paper,", "plans-done,,2021,432,,paper,"]);
    expect(problems(dir)).toEqual([
      "indicator-values.csv:2 region_code: 指标 「plans」 说的是昆明市,不是本市的区划 (本市以外的指标,区划代码留空)",
    ]);
  });

  it("requires a region for the city's own figures", () => {
    expect(problems(dataDir([ZERO], ["fires,,2026-10,0,,sample,"]))).toEqual([
      "indicator-values.csv:2 region_code: 本市指标的数值须写明区划 (本市代码 511100 或县级区划代码)",
    ]);
  });

  it("treats an empty value as no data: the city total is empty, not the sum of the rest", () => {
    const dir = dataDir(
      [ZERO],
      [
        "fires,511102,2026-09,2,,sample,",
        "fires,511111,2026-09,,,sample,",
        "fires,511102,2026-10,0,,sample,",
        "fires,511111,2026-10,0,,sample,",
      ],
    );
    const fires = indicatorsOf(dir).byId.get("fires");
    expect(fires?.headline.observations.map((o) => o.value)).toEqual([undefined, 0]);
    expect(fires?.zero?.state).toBe("zero");
    expect(fires?.zero?.lastNonZero?.period.code).toBe("2026-09");
    expect(fires?.zero?.monthsSince).toBe(1);
    expect(fires?.zero?.counties.map((c) => c.noDataPeriods)).toEqual([0, 1]);
  });

  it("counts a county with no rows at all as no data in every month", () => {
    const dir = dataDir([ZERO], ["fires,511102,2026-10,0,,sample,"]);
    const fires = indicatorsOf(dir).byId.get("fires");
    expect(fires?.zero?.state).toBe("partial");
    expect(fires?.headline.observations[0]?.value).toBeUndefined();
  });

  it("rejects real and sample figures in one indicator", () => {
    expect(
      problems(
        dataDir([ZERO], ["fires,511102,2026-09,0,,sample,", "fires,511102,2026-10,0,,paper,"]),
      ),
    ).toEqual([
      "indicator-values.csv:3 source: 指标 「fires」 第 2 行是示例数据,这一行是公开报道 (同一指标的数值不能混用示例数据和公开报道;真实数字另建一个指标)",
    ]);
  });

  it("rejects months and years mixed in one indicator", () => {
    expect(
      problems(
        dataDir([ZERO], ["fires,511102,2026-09,0,,sample,", "fires,511102,2026,0,,sample,"]),
      ),
    ).toEqual([
      "indicator-values.csv:3 period: 指标 「fires」 在第 2 行按月填写,这一行按年 (同一指标的时期统一按年、按季度或按月)",
    ]);
  });

  it("rejects two values for the same place and period", () => {
    expect(
      problems(
        dataDir([ZERO], ["fires,511102,2026-10,0,,sample,", "fires,511102,2026-10,1,,sample,"]),
      ),
    ).toEqual([
      "indicator-values.csv:3 period: 与第 2 行是同一指标、同一地方、同一时期 (每个指标每个地方每个时期只有一行)",
    ]);
  });

  it("rejects a malformed period and says which forms are allowed", () => {
    expect(problems(dataDir([ZERO], ["fires,511102,2026-3,0,,sample,"]))).toEqual([
      "indicator-values.csv:2 period: 时期「2026-3」格式不对 (年份写作 2021,月份写作 2021-03,季度写作 2021-Q1)",
    ]);
  });

  it("rejects sample sources on a site that is not a demo", () => {
    expect(
      problems(dataDir([ZERO], ["fires,511102,2026-10,0,,paper,"], { ...SITE, sample: false })),
    ).toEqual([
      "indicator-sources.csv:3 kind: site.json 的 sample 为 false(正式站),不能有示例数据出处 (正式站只发布有出处的真实数字;演示站把 sample 设为 true)",
    ]);
  });
});

describe("indicator downloads", () => {
  it("hold exactly the plotted values, with the source's qualifier and no data left empty", () => {
    const dir = dataDir(
      ["petitions,全市信访量,信访,件,越低越好,,信访件数,,paper,,,,"],
      [
        "petitions,511100,2015,16000,余,paper,原文为「1.6万余件」",
        "petitions,511100,2018,3000,余,paper,",
      ],
    );
    const figures = indicatorsOf(dir).byId.get("petitions");
    if (!figures) throw new Error("fixture indicator missing");
    const csv = indicatorCsv(figures);
    expect(csv.startsWith("\uFEFFperiod,period_label,place,region_code,value,qualifier,")).toBe(
      true,
    );
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines.slice(1).map((line) => line.split(",").slice(0, 6).join(","))).toEqual([
      "2015,2015年,乐山市,511100,16000,余",
      "2016,2016年,乐山市,511100,,",
      "2017,2017年,乐山市,511100,,",
      "2018,2018年,乐山市,511100,3000,余",
    ]);
    expect(indicatorChartSpec(figures).series[0]?.values).toEqual([16000, null, null, 3000]);
  });
});

describe("an indicator's target line", () => {
  it("draws a target that begins with a number in the indicator's unit as a flat line", () => {
    const dir = dataDir(
      ["answered,5 分钟响应率,邻里中心,%,越高越好,100%（承诺：5 分钟响应）,响应比例,,paper,,,,"],
      ["answered,511102,2026-01,96.5,,paper,", "answered,511102,2026-02,98,,paper,"],
    );
    const figures = indicatorsOf(dir).byId.get("answered");
    if (!figures) throw new Error("fixture indicator missing");
    expect(indicatorChartSpec(figures).series.map((s) => [s.label, s.values])).toEqual([
      ["市中区", [96.5, 98]],
      ["目标（100%）", [100, 100]],
    ]);
  });

  it("draws no line for a target in words, or in another unit", () => {
    expect(numericTarget("每月 0 起", "起")).toBeUndefined();
    expect(numericTarget("100 件", "%")).toBeUndefined();
    expect(numericTarget(undefined, "%")).toBeUndefined();
    expect(numericTarget("0 起", "起")).toBe(0);
    expect(numericTarget("99.5%", "%")).toBe(99.5);
  });
});

describe("the committed indicator data", () => {
  const indicators = indicatorsOf("data");

  it("has the ten zero targets on one board", () => {
    const board = indicators.groups.filter((group) => group.zeroBoard);
    expect(board).toHaveLength(1);
    expect(board[0]?.indicators).toHaveLength(10);
    expect(board[0]?.indicators.every((f) => f.isSample)).toBe(true);
  });

  it("agrees with every rate the sources state, to the source's decimal", () => {
    const rates = indicators.indicators.filter((f) => f.indicator.rateOf);
    expect(rates.length).toBeGreaterThan(0);
    for (const figures of rates) {
      const rate = figures.latest?.rate;
      if (!rate || rate.stated === undefined) continue;
      expect((rate.numerator / rate.denominator) * 100).toBeCloseTo(rate.stated, 1);
    }
  });

  it("cites a published source for every figure that is not sample data", () => {
    for (const figures of indicators.indicators.filter((f) => !f.isSample)) {
      expect(figures.sources.length, figures.indicator.id).toBeGreaterThan(0);
      expect(figures.sources.every((s) => s.kind === "公开报道")).toBe(true);
    }
  });
});

describe("the second city's indicators", () => {
  const { indicators } = loadDataset("tests/fixtures/sites/zigong/data");

  it("sums its own six counties, not the demo city's", () => {
    const fires = indicators?.byId.get("forest-fire-zero-sparks");
    expect(fires?.counties.map((c) => c.regionCode)).toHaveLength(6);
    expect(fires?.headline.placeName).toBe("自贡市");
    expect(fires?.headline.observations.map((o) => o.value)).toEqual([undefined, 1]);
  });

  it("charts a figure published for one county as that county's series", () => {
    const forms = indicators?.byId.get("gongjing-opinion-forms");
    expect(forms?.headline.placeName).toBe("贡井区");
    expect(forms?.latest?.value).toBe(10383);
  });
});
