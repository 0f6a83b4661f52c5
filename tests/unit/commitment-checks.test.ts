import { describe, expect, it } from "vitest";
import { loadDataset, registerData } from "../../src/site/dataset.ts";
import { commitments } from "../../src/registers/commitments/index.ts";
import { resolveComparisons } from "../../src/registers/commitments/comparisons.ts";
import type { CommitmentComparisonRow } from "../../src/registers/commitments/comparisons.ts";
import { formatIssue } from "../../src/data/issues.ts";
import {
  csv,
  dataDir,
  problemsLoading,
  sampleSiteConfig,
  siteJson,
  validFiles,
} from "./data-fixtures.ts";

/**
 * Each test writes one commitment (line 2 of commitments.csv) and its timeline (from line 2
 * of commitment-updates.csv) into a valid 样例市 data directory (as-of 2024-06-30), changing
 * only what the test is about, and reads the exact messages back.
 */
const COLUMNS = [
  "id",
  "year",
  "list",
  "level",
  "responsible_unit",
  "post",
  "region_code",
  "title",
  "promise",
  "listed_on",
  "due_on",
  "adjusted_due_on",
  "status",
  "adjustment_reason",
  "completed_on",
  "result",
  "evidence_url",
] as const;
type Cells = Record<(typeof COLUMNS)[number], string>;

const HEADER = COLUMNS.join(",");
const UPDATES_HEADER = "item_id,date,kind,status,summary,source_url";
const COMPARISONS_HEADER = "list,level,made_indicator,done_indicator,rate_indicator,note";

/** A leader's commitment, done on time: every optional column that applies is filled. */
const DONE: Cells = {
  id: "MS-2024-0001",
  year: "2024",
  list: "为民办事清单",
  level: "班子成员",
  responsible_unit: "甲区水务局",
  post: "副局长",
  region_code: "990102",
  title: "某村灌溉渠修补",
  promise: "修补灌溉渠渗漏段。",
  listed_on: "2024-02-01",
  due_on: "2024-04-30",
  adjusted_due_on: "",
  status: "已完成",
  adjustment_reason: "",
  completed_on: "2024-04-20",
  result: "渠道修补完成。",
  evidence_url: "",
};

const DONE_TIMELINE = [
  "MS-2024-0001,2024-02-01,列入,未启动,列入清单。,",
  "MS-2024-0001,2024-02-10,进展,推进中,开始办理。,",
  "MS-2024-0001,2024-04-20,完成,已完成,办完。,",
];
const OPEN_TIMELINE = DONE_TIMELINE.slice(0, 2);

const SITE = siteJson({ ...sampleSiteConfig(), sections: ["commitments"] });

function files(cells: Partial<Cells>, timeline: readonly string[], comparisons: string[] = []) {
  const row = { ...DONE, ...cells };
  return {
    ...validFiles(),
    "site.json": SITE,
    "commitments.csv": csv([HEADER, COLUMNS.map((name) => row[name]).join(",")]),
    "commitment-updates.csv": csv([UPDATES_HEADER, ...timeline]),
    "commitment-comparisons.csv": csv([COMPARISONS_HEADER, ...comparisons]),
  };
}

function problems(cells: Partial<Cells>, timeline: readonly string[] = DONE_TIMELINE): string[] {
  return problemsLoading(dataDir(files(cells, timeline)));
}

/** Still under way: no completion date or result. */
const OPEN: Partial<Cells> = { status: "推进中", completed_on: "", result: "" };

describe("commitments.csv row checks", () => {
  it("accepts a leader's commitment done on time, and the register loads it", () => {
    const dataset = loadDataset(dataDir(files({}, DONE_TIMELINE)));
    const register = registerData(dataset, commitments);
    expect(register?.items.map((item) => [item.id, item.done, item.overdue])).toEqual([
      ["MS-2024-0001", true, false],
    ]);
  });

  it("rejects a list year that is neither the year listed nor the next", () => {
    expect(problems({ year: "2026", id: "MS-2026-0001" }, [])).toEqual([
      "data/commitments.csv:2 year: 清单年度 2026 与列入日期 2024-02-01 不符 (列入日期所在年份（2024）或下一年（2025）)",
    ]);
  });

  it("accepts a list published in December for the next year", () => {
    expect(
      problems({ ...OPEN, listed_on: "2023-12-20", year: "2024" }, [
        "MS-2024-0001,2023-12-20,列入,推进中,列入清单。,",
      ]),
    ).toEqual([]);
  });

  it("rejects an id whose year is not the list year", () => {
    expect(problems({ id: "MS-2023-0001" }, [])).toEqual([
      "data/commitments.csv:2 id: 编号「MS-2023-0001」中的年度与清单年度 2024 不一致 (MS-2024-四位序号)",
    ]);
  });

  it("rejects a promised date before the day the commitment was listed", () => {
    expect(problems({ due_on: "2024-01-31" })).toEqual([
      "data/commitments.csv:2 due_on: 承诺完成日期 2024-01-31 早于列入日期 2024-02-01 (不早于列入清单的日期（listed_on）)",
    ]);
  });

  it("accepts a promised date after the as-of date", () => {
    expect(problems({ ...OPEN, due_on: "2024-12-31" }, OPEN_TIMELINE)).toEqual([]);
  });

  it("rejects a leader's commitment without the post", () => {
    expect(problems({ post: "" })).toEqual([
      "data/commitments.csv:2 post: 层级为「班子成员」，但没有填职务 (班子成员的职务，如 县委副书记；不写姓名)",
    ]);
  });

  it("rejects a post on a party member's commitment (members are private people)", () => {
    expect(problems({ level: "党员", post: "网格员" })).toEqual([
      "data/commitments.csv:2 post: 层级为「党员」，却填了职务「网格员」 (只有班子成员填职务；其他层级留空（党员个人不写姓名和职务）)",
    ]);
  });

  it("rejects a post that reads like a person's name", () => {
    expect(problems({ post: "王小明" })).toEqual([
      "data/commitments.csv:2 post: 「王小明」不像职务名称，可能是姓名 (职务名称，如 县委副书记、副区长、局长、党委委员；不写姓名)",
    ]);
  });

  it("rejects 已完成 without a completion date or a result", () => {
    expect(problems({ completed_on: "", result: "" })).toEqual([
      "data/commitments.csv:2 completed_on: 状态为「已完成」，但没有填完成日期 (状态为已完成时必填，日期写作 YYYY-MM-DD)",
      "data/commitments.csv:2 result: 状态为「已完成」，但没有填办理结果 (状态为已完成时必填，照责任单位报告的写)",
    ]);
  });

  it("rejects a completion date on a commitment that is not done", () => {
    expect(problems({ ...OPEN, completed_on: "2024-04-20" }, OPEN_TIMELINE)).toEqual([
      "data/commitments.csv:2 completed_on: 状态为「推进中」，却填了完成日期 2024-04-20 (办完后请把状态改为已完成；未完成时留空)",
    ]);
  });

  it("rejects a completion date before the commitment was listed", () => {
    expect(problems({ completed_on: "2024-01-20" }, [])).toEqual([
      "data/commitments.csv:2 completed_on: 完成日期 2024-01-20 早于列入日期 2024-02-01 (不早于列入清单的日期（listed_on）)",
    ]);
  });

  it("rejects a completion date after the as-of date", () => {
    expect(problems({ completed_on: "2024-07-01" }, [])).toEqual([
      "data/commitments.csv:2 completed_on: 日期 2024-07-01 晚于数据截至日期 2024-06-30 (不晚于 site.json 中的截至日期 asOf;若数据已更新,请同时更新 asOf)",
    ]);
  });

  it("rejects a status outside the vocabulary", () => {
    expect(problems({ status: "已办结" }, [])).toEqual([
      "data/commitments.csv:2 status: 「已办结」不是允许的值 (允许:未启动、推进中、未按期完成、已完成、已调整)",
    ]);
  });

  it("rejects 已调整 without a reason", () => {
    const timeline = [...OPEN_TIMELINE, "MS-2024-0001,2024-03-01,调整,已调整,并入县级项目。,"];
    expect(problems({ ...OPEN, status: "已调整" }, timeline)).toEqual([
      "data/commitments.csv:2 adjustment_reason: 状态为「已调整」，但没有填调整原因 (状态为已调整时必填，写明调整了什么、为什么)",
    ]);
  });

  it("rejects an adjusted date without a reason, or equal to the promised date", () => {
    expect(problems({ ...OPEN, adjusted_due_on: "2024-05-31" }, OPEN_TIMELINE)).toEqual([
      "data/commitments.csv:2 adjusted_due_on: 填了调整后的完成日期 2024-05-31，却没有调整原因 (经批准调整日期时，同时填写调整原因（adjustment_reason）)",
    ]);
    const timeline = [...OPEN_TIMELINE, "MS-2024-0001,2024-03-01,调整,已调整,推迟。,"];
    expect(
      problems(
        {
          ...OPEN,
          status: "已调整",
          adjustment_reason: "汛期推迟。",
          adjusted_due_on: "2024-04-30",
        },
        timeline,
      ),
    ).toEqual([
      "data/commitments.csv:2 adjusted_due_on: 调整后的完成日期与原承诺日期相同（2024-04-30） (日期没有调整时留空)",
    ]);
  });

  it("rejects 未按期完成 while the promised date has not yet passed", () => {
    const timeline = [...OPEN_TIMELINE, "MS-2024-0001,2024-05-01,进展,未按期完成,未办完。,"];
    expect(problems({ ...OPEN, status: "未按期完成", due_on: "2024-06-30" }, timeline)).toEqual([
      "data/commitments.csv:2 status: 状态为「未按期完成」，但承诺完成日期 2024-06-30 还没有过（数据截至 2024-06-30） (承诺完成日期（调整过的按调整后的日期）已过、仍未办完的事项才填未按期完成)",
    ]);
  });

  it("rejects a region that is the city rather than a county", () => {
    expect(problems({ region_code: "990100" })).toEqual([
      "data/commitments.csv:2 region_code: 行政区划代码 「990100」 不是县级区划 (regions.csv 中本市所辖县级区划（层级为「县」）的代码)",
    ]);
  });
});

describe("commitment-updates.csv timeline checks", () => {
  it("rejects an event dated before the commitment was listed", () => {
    expect(
      problems({}, ["MS-2024-0001,2024-01-20,列入,未启动,列入清单。,", ...DONE_TIMELINE.slice(1)]),
    ).toEqual([
      "data/commitment-updates.csv:2 date: 日期 2024-01-20 早于事项 MS-2024-0001 的列入日期 2024-02-01 (不早于事项的列入日期（listed_on）)",
    ]);
  });

  it("rejects a status that moves backwards", () => {
    const timeline = [...DONE_TIMELINE, "MS-2024-0001,2024-05-01,进展,推进中,返工。,"];
    expect(problems({ ...OPEN }, timeline)).toEqual([
      "data/commitment-updates.csv:5 status: 状态「推进中」倒退：事项 MS-2024-0001 在第 4 行（2024-04-20）已是「已完成」 (状态按 未启动 → 推进中 → 未按期完成 → 已完成 的顺序前进或保持不变；只有经「调整」事件改为已调整后才可重新开始)",
    ]);
  });

  it("lets an adjusted commitment start over: 已调整 then 推进中 then 已完成", () => {
    const timeline = [
      ...OPEN_TIMELINE,
      "MS-2024-0001,2024-03-01,调整,已调整,改换选址。,",
      "MS-2024-0001,2024-03-05,进展,推进中,按新方案办理。,",
      "MS-2024-0001,2024-06-01,完成,已完成,办完。,",
    ];
    expect(
      problems(
        {
          completed_on: "2024-06-01",
          adjustment_reason: "改换选址。",
          adjusted_due_on: "2024-06-15",
        },
        timeline,
      ),
    ).toEqual([]);
  });

  it("allows 已调整 after 已完成 (an approved change to a kept promise)", () => {
    const timeline = [...DONE_TIMELINE, "MS-2024-0001,2024-05-01,调整,已调整,并入县级项目。,"];
    expect(
      problems(
        { status: "已调整", completed_on: "", result: "", adjustment_reason: "并入县级项目。" },
        timeline,
      ),
    ).toEqual([]);
  });

  it("rejects a 调整 event that does not set 已调整, and 已调整 set by another kind", () => {
    const timeline = [
      ...OPEN_TIMELINE,
      "MS-2024-0001,2024-03-01,调整,,推迟。,",
      "MS-2024-0001,2024-03-05,进展,已调整,推迟。,",
    ];
    expect(problems({ ...OPEN, status: "已调整", adjustment_reason: "推迟。" }, timeline)).toEqual([
      "data/commitment-updates.csv:4 status: 「调整」事件的状态是空的 (「调整」事件的状态填已调整)",
      "data/commitment-updates.csv:5 kind: 事件类型「进展」把状态改成了「已调整」 (只有「调整」事件把状态改为已调整，并在说明里写明原因)",
    ]);
  });

  it("rejects a row whose status is not the timeline's latest", () => {
    expect(problems({}, OPEN_TIMELINE)).toEqual([
      "data/commitments.csv:2 status: 状态「已完成」与时间线最新状态「推进中」（data/commitment-updates.csv:3）不一致 (与时间线中该事项最新一条填了状态的事件相同)",
    ]);
  });

  it("rejects a commitment adjusted in its timeline without a reason, and a reason without an adjustment", () => {
    const timeline = [
      ...OPEN_TIMELINE,
      "MS-2024-0001,2024-03-01,调整,已调整,推迟。,",
      "MS-2024-0001,2024-03-05,进展,推进中,继续办理。,",
    ];
    expect(problems({ ...OPEN }, timeline)).toEqual([
      "data/commitments.csv:2 adjustment_reason: 事项 MS-2024-0001 在时间线中曾经调整，但没有填调整原因 (事项调整过就填写调整原因，调整后重新办理也保留)",
    ]);
    expect(problems({ adjustment_reason: "推迟。" })).toEqual([
      "data/commitments.csv:2 adjustment_reason: 填了调整原因，但事项 MS-2024-0001 的状态和时间线中都没有「已调整」 (事项经批准调整时，在时间线加一条「调整」事件（状态填已调整）并填写原因；没有调整时留空)",
    ]);
  });

  it("rejects an update for an unknown commitment", () => {
    expect(problems({}, [...DONE_TIMELINE, "MS-2024-0009,2024-03-01,进展,,说明。,"])).toEqual([
      "data/commitment-updates.csv:5 item_id: 编号 「MS-2024-0009」 在 data/commitments.csv 中不存在 (commitments.csv 中已有的编号)",
    ]);
  });

  it("rejects an event kind outside the vocabulary", () => {
    expect(problems({}, [...DONE_TIMELINE, "MS-2024-0001,2024-05-01,回访,,说明。,"])).toEqual([
      "data/commitment-updates.csv:5 kind: 「回访」不是允许的值 (允许:列入、进展、调整、完成、督查、来源)",
    ]);
  });
});

describe("commitment-comparisons.csv", () => {
  it("rejects comparison rows on a site without the indicators section", () => {
    const dir = dataDir(files({}, DONE_TIMELINE, ["民生实事计划,领导班子,made,done,,"]));
    expect(problemsLoading(dir)).toEqual([
      "data/commitment-comparisons.csv:2 done_indicator: 编号 「done」 在 data/indicators.csv 中不存在 (indicators.csv 中已有的编号)",
      "data/commitment-comparisons.csv:2 made_indicator: 本站没有开设公开指标板块（site.json 的 sections 中没有 indicators），对照数字无处可查 (开设 indicators 板块，或删去本文件的数据行（只留表头）)",
      "data/commitment-comparisons.csv:2 made_indicator: 编号 「made」 在 data/indicators.csv 中不存在 (indicators.csv 中已有的编号)",
    ]);
  });

  const demo = loadDataset("data");
  const row: CommitmentComparisonRow = {
    list: "民生实事计划",
    level: "领导班子",
    made_indicator: "kunming-unit-plans",
    done_indicator: "kunming-unit-plans-done",
    rate_indicator: "kunming-unit-plans-rate",
    note: undefined,
  };
  const resolve = (changes: Partial<typeof row>) =>
    resolveComparisons(
      [{ line: 2, row: { ...row, ...changes } }],
      demo.indicators,
      "乐山市",
      "data/commitment-comparisons.csv",
    );

  it("resolves a published figure with its counts, its stated rate and its source", () => {
    const { comparisons, issues } = resolve({});
    expect(issues).toEqual([]);
    expect(
      comparisons.map((c) => [c.place, c.made, c.done, c.statedRatePercent, c.source.id]),
    ).toEqual([["昆明市", 1248, 432, 34.6, "kunming-banshishi"]]);
  });

  it("rejects a rate that is not the rate of the row's two counts", () => {
    expect(
      resolve({ rate_indicator: "kunming-leader-lists-rate" }).issues.map(formatIssue),
    ).toEqual([
      "data/commitment-comparisons.csv:2 rate_indicator: 指标 「kunming-leader-lists-rate」 不是「kunming-unit-plans-done ÷ kunming-unit-plans」的比率 (indicators.csv 中 numerator 为已完成指标、denominator 为制定指标的比率指标)",
    ]);
  });

  it("rejects counts about two different places", () => {
    expect(
      resolve({ done_indicator: "gongjing-opinion-forms", rate_indicator: undefined }).issues.map(
        formatIssue,
      ),
    ).toEqual([
      "data/commitment-comparisons.csv:2 done_indicator: 指标 「gongjing-opinion-forms」 的地方与 「kunming-unit-plans」 不同 (同一地方的制定件数和已完成件数)",
    ]);
  });
});
