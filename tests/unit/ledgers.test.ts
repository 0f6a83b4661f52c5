import { describe, expect, it } from "vitest";
import { siteConfigSchema } from "../../src/data/site-config.ts";
import { ledgers } from "../../src/registers/ledgers/index.ts";
import type { LedgerData } from "../../src/registers/ledgers/load.ts";
import type { RegisterEnvironment } from "../../src/registers/module.ts";
import { SOLVE_RATE_RULE } from "../../src/registers/ledgers/stats.ts";
import {
  dataDir,
  problemsLoading,
  regionsCsv,
  sampleSiteConfig,
  validFiles,
} from "./data-fixtures.ts";
import { loadLedgerRows } from "./hearing-fixtures.ts";

/** The environment the module's functions get: 样例市's site and its three counties. */
function envOf(data: LedgerData): RegisterEnvironment {
  const counties = data.stats.byCounty.map((row) => row.county);
  return {
    site: siteConfigSchema.parse({ ...sampleSiteConfig(), sections: ["ledgers"] }),
    jurisdiction: { code: "990100", name: "样例市", level: "市", parent: undefined },
    counties,
    regionsByCode: new Map(counties.map((county) => [county.code, county])),
    latestDate: () => undefined,
  };
}

/**
 * ledgers.csv in a 样例市 data directory (as-of 2024-06-30; counties 甲区 990102, 乙区 990103,
 * 丙县 990121, and 甲区's 甲街道 990102001). Rows start at line 2.
 */
const row = (
  region: string,
  period: string,
  kind: string,
  registered: number,
  solved: number,
  inProgress: number,
  extra: { visited?: number; satisfaction?: string } = {},
) =>
  [
    region,
    period,
    kind,
    registered,
    solved,
    inProgress,
    extra.visited ?? "",
    extra.satisfaction ?? "",
    "示例数据",
    "",
    "",
  ].join(",");

const problems = (rows: string[]) => loadLedgerRows(rows).problems;

describe("ledgers.csv row checks", () => {
  it("accepts county and township rows whose townships fit inside the county", () => {
    expect(
      problems([
        row("990102", "2024-Q1", "民生诉求", 100, 80, 15, { visited: 900, satisfaction: "92.5" }),
        row("990102001", "2024-Q1", "民生诉求", 30, 25, 5, { visited: 300 }),
      ]),
    ).toEqual([]);
  });

  it("rejects solved plus in progress above the problems registered", () => {
    expect(problems([row("990102", "2024-Q1", "民生诉求", 100, 80, 21)])).toEqual([
      "data/ledgers.csv:2 solved: 已解决 80 加办理中 21 共 101,超过登记的 100 (已解决与办理中之和不超过登记数(登记 = 已解决 + 办理中 + 尚未办理))",
    ]);
  });

  it("keeps satisfaction between 0 and 100", () => {
    expect(
      problems([row("990102", "2024-Q1", "民生诉求", 10, 5, 5, { satisfaction: "100.5" })]),
    ).toEqual([
      "data/ledgers.csv:2 satisfaction: 100.5 超出范围 (可留空(表示无数据,不是 0);0 到 100 之间的数字,用英文小数点,不带单位和千分位逗号)",
    ]);
    expect(
      problems([row("990102", "2024-Q1", "民生诉求", 10, 5, 5, { satisfaction: "-1" })]),
    ).toEqual([
      "data/ledgers.csv:2 satisfaction: -1 超出范围 (可留空(表示无数据,不是 0);0 到 100 之间的数字,用英文小数点,不带单位和千分位逗号)",
    ]);
  });

  it("rejects a period that begins after the as-of date, and accepts the current one", () => {
    expect(problems([row("990102", "2024-Q3", "民生诉求", 10, 5, 5)])).toEqual([
      "data/ledgers.csv:2 period: 时期 2024-Q3 晚于数据截至日期 2024-06-30 (已经开始的时期;若数据已更新,请同时更新 site.json 的 asOf)",
    ]);
    expect(problems([row("990102", "2024-Q2", "民生诉求", 10, 5, 5)])).toEqual([]);
  });

  it("rejects a file that mixes quarters and years", () => {
    expect(
      problems([
        row("990102", "2024-Q1", "民生诉求", 10, 5, 5),
        row("990103", "2023", "民生诉求", 10, 5, 5),
      ]),
    ).toEqual([
      "data/ledgers.csv:3 period: 第 2 行按季度填写,这一行按年 (全文件的时期统一按年、按季度或按月)",
    ]);
  });

  it("rejects the same region, period and ledger twice", () => {
    expect(
      problems([
        row("990102", "2024-Q1", "民生诉求", 10, 5, 5),
        row("990102", "2024-Q1", "民生诉求", 12, 5, 5),
      ]),
    ).toEqual([
      "data/ledgers.csv:3 kind: 与第 2 行是同一地方、同一时期、同一台账 (每个地方每个时期每类台账只有一行)",
    ]);
  });

  it("rejects townships that add up to more than their county, once per column", () => {
    expect(
      problems([
        row("990102", "2024-Q1", "困难群众", 40, 30, 5, { visited: 500 }),
        row("990102001", "2024-Q1", "困难群众", 45, 30, 5, { visited: 600 }),
      ]),
    ).toEqual([
      "data/ledgers.csv:3 registered: 甲区所辖乡镇街道2024年第一季度「困难群众」的登记合计 45,超过甲区本级一行(第 2 行)的 40 (乡镇街道各行之和不超过所属县级区划同一时期、同一台账的数字)",
      "data/ledgers.csv:3 residents_visited: 甲区所辖乡镇街道2024年第一季度「困难群众」的走访人次合计 600,超过甲区本级一行(第 2 行)的 500 (乡镇街道各行之和不超过所属县级区划同一时期、同一台账的数字)",
    ]);
  });

  it("accepts township rows where the county gives no row of its own", () => {
    expect(problems([row("990102001", "2024-Q1", "稳定工作", 9, 9, 0)])).toEqual([]);
  });

  it("rejects the city itself and codes missing from regions.csv", () => {
    expect(problems([row("990100", "2024-Q1", "民生诉求", 10, 5, 5)])).toEqual([
      "data/ledgers.csv:2 region_code: 样例市(990100)不是本市的县级区划或其下的乡镇、街道 (regions.csv 中层级为「县」的区划,或层级为「乡」、上级是本市县级区划的区划)",
    ]);
    expect(problems([row("990102002", "2024-Q1", "民生诉求", 10, 5, 5)])).toEqual([
      "data/ledgers.csv:2 region_code: 行政区划代码 「990102002」 不在 regions.csv 中 (regions.csv 中已有的区划代码:县级及以上 6 位(GB/T 2260),乡、镇、街道 9 位(统计用区划代码))",
    ]);
  });

  it("rejects a ledger kind outside the three ledgers", () => {
    expect(problems([row("990102", "2024-Q1", "党情", 10, 5, 5)])).toEqual([
      "data/ledgers.csv:2 kind: 「党情」不是允许的值 (允许:民生诉求、困难群众、稳定工作)",
    ]);
  });
});

describe("ledger figures", () => {
  const figures = () =>
    loadLedgerRows([
      row("990102", "2024-Q1", "民生诉求", 100, 80, 15, { visited: 900 }),
      row("990102", "2024-Q1", "困难群众", 50, 30, 10),
      row("990102001", "2024-Q1", "民生诉求", 40, 40, 0),
      row("990103", "2024-Q1", "民生诉求", 50, 40, 5),
      row("990102", "2024-Q2", "民生诉求", 60, 30, 20),
    ]);

  it("counts the solve rate from county rows only, as the rule says", () => {
    const loaded = figures();
    const stats = loaded.data?.stats;
    expect(loaded.problems).toEqual([]);
    expect(SOLVE_RATE_RULE).toContain("乡镇、街道各行是其中的明细");
    // (80 + 30 + 40 + 30) ÷ (100 + 50 + 50 + 60); the township's 40 ÷ 40 is not added.
    expect(stats?.total.solveRate).toBeCloseTo(180 / 260, 10);
    expect(stats?.townshipRows).toBe(1);
  });

  it("adds the counties up per period and says how many reported", () => {
    const stats = figures().data?.stats;
    expect(
      stats?.byPeriod.map((p) => [p.period.code, p.totals.registered, p.countiesReporting]),
    ).toEqual([
      ["2024-Q1", 200, 2],
      ["2024-Q2", 60, 1],
    ]);
  });

  it("keeps visits unknown where no row counted them, never 0", () => {
    const stats = figures().data?.stats;
    const byCode = new Map(stats?.byCounty.map((c) => [c.county.code, c]));
    expect(byCode.get("990102")?.totals.residentsVisited).toBe(900);
    expect(byCode.get("990103")?.totals.residentsVisited).toBeUndefined();
    expect(byCode.get("990121")?.totals.solveRate).toBeUndefined();
    expect(byCode.get("990102")?.byPeriod.map((p) => p?.registered)).toEqual([150, 60]);
    expect(byCode.get("990103")?.byPeriod.map((p) => p?.registered)).toEqual([50, undefined]);
  });
});

describe("townships in regions.csv", () => {
  const regionProblems = (row: string) =>
    problemsLoading(dataDir({ ...validFiles(), "regions.csv": regionsCsv(row) }));

  it("accepts a township with its nine-digit code under its county", () => {
    expect(regionProblems("990102001,甲街道,乡,990102")).toEqual([]);
  });

  it("rejects a township code that is not nine digits, or a county code that is", () => {
    expect(regionProblems("990105,丁镇,乡,990102")).toEqual([
      "data/regions.csv:6 code: 乡级区划的代码 990105 不是 9 位 (县级及以上 6 位(GB/T 2260),乡、镇、街道 9 位(统计用区划代码))",
    ]);
    expect(regionProblems("990105001,丁区,县,990100")).toEqual([
      "data/regions.csv:6 code: 县级区划的代码 990105001 不是 6 位 (县级及以上 6 位(GB/T 2260),乡、镇、街道 9 位(统计用区划代码))",
    ]);
  });

  it("rejects a township filed under a county its code does not begin with", () => {
    expect(regionProblems("990102001,甲街道,乡,990103")).toEqual([
      "data/regions.csv:6 parent: 乡级代码 990102001 不以上级代码 990103 开头 (所属县级区划的 6 位代码,即本行代码的前 6 位)",
    ]);
  });
});

describe("ledger reports, feeds and listing", () => {
  const loaded = () =>
    loadLedgerRows([
      row("990102", "2024-Q1", "民生诉求", 100, 80, 15),
      row("990103", "2024-Q1", "民生诉求", 50, 40, 5),
      row("990102", "2024-Q2", "民生诉求", 60, 30, 20),
    ]);

  it("lists every county-quarter, the missing ones as 未报送", () => {
    const data = loaded().data;
    if (!data) throw new Error("fixture should load");
    const { rows } = ledgers.typed.listing(data, envOf(data));
    expect(rows.map((r) => [r.id, r.facets["status"]])).toEqual([
      ["990102-2024-Q1", "reported"],
      ["990102-2024-Q2", "reported"],
      ["990103-2024-Q1", "reported"],
      ["990103-2024-Q2", "missing"],
      ["990121-2024-Q1", "missing"],
      ["990121-2024-Q2", "missing"],
    ]);
  });

  it("gives each reported county-quarter its own feed entry, dated the quarter's last day", () => {
    const data = loaded().data;
    if (!data) throw new Error("fixture should load");
    const feed = ledgers.typed.feeds(data, envOf(data));
    expect(feed.items.map((item) => [item.path, item.openedOn])).toEqual([
      ["/ledgers/#county-990102-2024-Q1", "2024-03-31"],
      ["/ledgers/#county-990102-2024-Q2", "2024-06-30"],
      ["/ledgers/#county-990103-2024-Q1", "2024-03-31"],
    ]);
  });
});
