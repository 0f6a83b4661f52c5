import { describe, expect, it } from "vitest";
import { HEARING_PROBLEMS_HEADER, loadHearingFiles } from "./hearing-fixtures.ts";

/**
 * Each test writes one episode (line 2 of hearings.csv), one problem raised on it (line 2 of
 * hearing-problems.csv) and its timeline (from line 2 of hearing-problem-updates.csv) into a
 * 样例市 data directory (as-of 2024-06-30), changing only what the test is about.
 */
const HEARING_COLUMNS = [
  "id",
  "number",
  "aired_on",
  "broadcaster",
  "theme",
  "units_questioned",
  "video_url",
  "summary",
] as const;
type HearingCells = Record<(typeof HEARING_COLUMNS)[number], string>;

const EPISODE: HearingCells = {
  id: "WL-001",
  number: "1",
  aired_on: "2024-01-15",
  broadcaster: "样例市广播电视台",
  theme: "聚焦群众办事难",
  units_questioned: "甲区行政审批局、乙区医疗保障局",
  video_url: "",
  summary: "",
};

const PROBLEM_COLUMNS = HEARING_PROBLEMS_HEADER.split(",");
type ProblemCells = Record<string, string>;

const CLOSED: ProblemCells = {
  id: "WL-001-01",
  hearing_id: "WL-001",
  title: "登记窗口让群众跑三趟",
  region_code: "990102",
  unit_questioned: "甲区行政审批局",
  exposed: "窗口三次要求补交不同材料。",
  commitment: "一周内公布统一材料清单。",
  deadline: "2024-03-15",
  status: "已销号",
  rectified_on: "2024-03-01",
  closed_on: "2024-03-20",
  measures: "公布材料清单。",
  accountable_admonition: "2",
  accountable_party_discipline: "1",
  accountable_government_discipline: "0",
  accountable_organisational: "0",
  accountable_other: "0",
  accountability_announced_on: "2024-02-10",
};

/** Lines 2–6 of the timeline. */
const CLOSED_TIMELINE = [
  "WL-001-01,2024-01-15,质询,未整改,节目曝光。,",
  "WL-001-01,2024-01-20,进展,整改中,启动整改。,",
  "WL-001-01,2024-02-10,问责,,通报问责结果:3 人被问责。,",
  "WL-001-01,2024-03-01,进展,已整改,整改完成。,",
  "WL-001-01,2024-03-20,验收,已销号,核查销号。,",
];
const OPEN_TIMELINE = CLOSED_TIMELINE.slice(0, 1);

const row = (columns: readonly string[], cells: Partial<Record<string, string>>) =>
  columns.map((name) => cells[name] ?? "").join(",");

function problems(
  cells: Partial<ProblemCells> = {},
  timeline: readonly string[] = CLOSED_TIMELINE,
  episode: Partial<HearingCells> = {},
): string[] {
  return loadHearingFiles(
    [row(HEARING_COLUMNS, { ...EPISODE, ...episode })],
    [row(PROBLEM_COLUMNS, { ...CLOSED, ...cells })],
    timeline,
  ).problems;
}

const OPEN: Partial<ProblemCells> = {
  status: "未整改",
  rectified_on: "",
  closed_on: "",
  measures: "",
};

describe("hearings.csv", () => {
  it("loads an episode with a closed problem whose dates are in order", () => {
    const loaded = loadHearingFiles(
      [row(HEARING_COLUMNS, EPISODE)],
      [row(PROBLEM_COLUMNS, CLOSED)],
      CLOSED_TIMELINE,
    );
    expect(loaded.problems).toEqual([]);
    const hearing = loaded.data?.hearingsById.get("WL-001");
    expect(hearing?.unitsQuestioned).toEqual(["甲区行政审批局", "乙区医疗保障局"]);
    expect(hearing?.accountableTotal).toBe(3);
    expect(loaded.data?.problemsById.get("WL-001-01")?.onTime).toBe(true);
  });

  it("rejects an episode number that disagrees with its id", () => {
    expect(problems({}, CLOSED_TIMELINE, { number: "2" })).toEqual([
      "data/hearings.csv:2 number: 期数 2 与编号 WL-001 不一致 (编号为 WL- 加三位期数,如第 7 期为 WL-007)",
    ]);
  });

  it("rejects a later episode that aired before an earlier one", () => {
    const second = row(HEARING_COLUMNS, {
      ...EPISODE,
      id: "WL-002",
      number: "2",
      aired_on: "2024-01-10",
    });
    expect(
      loadHearingFiles(
        [row(HEARING_COLUMNS, EPISODE), second],
        [row(PROBLEM_COLUMNS, CLOSED)],
        CLOSED_TIMELINE,
      ).problems,
    ).toEqual([
      "data/hearings.csv:3 aired_on: 第 2 期的直播日期 2024-01-10 早于第 1 期(第 2 行,2024-01-15) (期数按直播先后编排,后一期的日期不早于前一期)",
    ]);
  });

  it("rejects an episode aired after the as-of date", () => {
    const unaccountable = {
      deadline: "",
      accountable_admonition: "0",
      accountable_party_discipline: "0",
      accountability_announced_on: "",
    };
    expect(problems({ ...OPEN, ...unaccountable }, [], { aired_on: "2024-07-01" })).toEqual([
      "data/hearings.csv:2 aired_on: 日期 2024-07-01 晚于数据截至日期 2024-06-30 (不晚于 site.json 中的截至日期 asOf;若数据已更新,请同时更新 asOf)",
    ]);
  });
});

describe("hearing-problems.csv", () => {
  it("rejects a problem naming an episode that does not exist", () => {
    expect(problems({ id: "WL-009-01", hearing_id: "WL-009" }, [])).toEqual([
      "data/hearing-problems.csv:2 hearing_id: 编号 「WL-009」 在 data/hearings.csv 中不存在 (hearings.csv 中已有的编号)",
    ]);
  });

  it("rejects a problem id that does not start with its episode's id", () => {
    expect(problems({ id: "WL-002-01" }, [])).toEqual([
      "data/hearing-problems.csv:2 id: 问题编号 WL-002-01 不以所属节目编号 WL-001 开头 (所属节目编号加两位序号,如 WL-007 的问题写作 WL-007-01)",
    ]);
  });

  it("rejects a region that is a township or the city rather than a county", () => {
    expect(problems({ region_code: "990102001" })).toEqual([
      "data/hearing-problems.csv:2 region_code: 「990102001」不是 6 位行政区划代码 (regions.csv 中已有的 6 位行政区划代码(GB/T 2260))",
    ]);
    expect(problems({ region_code: "990100" })).toEqual([
      "data/hearing-problems.csv:2 region_code: 行政区划代码 「990100」 不是县级区划 (regions.csv 中本市所辖县级区划(层级为「县」)的代码)",
    ]);
  });

  it("rejects a promised deadline or a rectification before the broadcast", () => {
    expect(problems({ deadline: "2024-01-14" })).toEqual([
      "data/hearing-problems.csv:2 deadline: 整改期限 2024-01-14 早于节目直播日期 2024-01-15(WL-001) (不早于所属节目的直播日期(hearings.csv 的 aired_on))",
    ]);
  });

  it("accepts a deadline after the as-of date on an open problem", () => {
    expect(problems({ ...OPEN, deadline: "2024-12-31" }, OPEN_TIMELINE)).toEqual([]);
  });

  it("requires rectified_on for 已整改 and refuses it while 整改中", () => {
    expect(
      problems({ status: "已整改", rectified_on: "", closed_on: "" }, CLOSED_TIMELINE.slice(0, 4)),
    ).toEqual([
      "data/hearing-problems.csv:2 rectified_on: 状态为「已整改」,但没有填整改完成日期 (状态为已整改或已销号时必填,日期写作 YYYY-MM-DD)",
    ]);
    expect(problems({ status: "整改中", closed_on: "" }, CLOSED_TIMELINE.slice(0, 2))).toEqual([
      "data/hearing-problems.csv:2 rectified_on: 状态为「整改中」,却填了整改完成日期 2024-03-01 (整改完成后请把状态改为已整改;未完成时留空)",
    ]);
  });

  it("requires closed_on for 已销号, not before rectification", () => {
    expect(problems({ closed_on: "" })).toEqual([
      "data/hearing-problems.csv:2 closed_on: 状态为「已销号」,但没有填销号日期 (状态为已销号时必填)",
    ]);
    expect(problems({ closed_on: "2024-02-29" })).toEqual([
      "data/hearing-problems.csv:2 closed_on: 销号日期 2024-02-29 早于整改完成日期 2024-03-01 (不早于整改完成日期(rectified_on))",
    ]);
  });

  it("keeps accountability to whole counts of people", () => {
    expect(problems({ accountable_admonition: "-1" })).toEqual([
      "data/hearing-problems.csv:2 accountable_admonition: -1 超出范围 (0 到 999 的整数)",
    ]);
    expect(problems({ accountable_other: "两人" })).toEqual([
      "data/hearing-problems.csv:2 accountable_other: 「两人」不是整数 (0 到 999 的整数)",
    ]);
  });

  it("requires the announcement date exactly when someone was held accountable", () => {
    expect(problems({ accountability_announced_on: "" })).toEqual([
      "data/hearing-problems.csv:2 accountability_announced_on: 记有 3 人被问责,但没有填问责结果公布日期 (有人被问责时必填,日期写作 YYYY-MM-DD)",
    ]);
    expect(problems({ accountable_admonition: "0", accountable_party_discipline: "0" })).toEqual([
      "data/hearing-problems.csv:2 accountability_announced_on: 各类问责人数都为 0,却填了公布日期 2024-02-10 (没有人被问责时留空)",
    ]);
    expect(problems({ accountability_announced_on: "2024-01-01" })).toEqual([
      "data/hearing-problems.csv:2 accountability_announced_on: 问责结果公布日期 2024-01-01 早于节目直播日期 2024-01-15(WL-001) (不早于所属节目的直播日期(hearings.csv 的 aired_on))",
    ]);
  });

  it("refuses a column that would hold people's names, saying why", () => {
    const header = `${HEARING_PROBLEMS_HEADER},责任人姓名`;
    const loaded = loadHearingFiles(
      [row(HEARING_COLUMNS, EPISODE)],
      [`${row(PROBLEM_COLUMNS, CLOSED)},某某`],
      CLOSED_TIMELINE,
      { problemsHeader: header },
    );
    expect(loaded.problems).toEqual([
      "data/hearing-problems.csv:1 责任人姓名: 列名「责任人姓名」像是记录人名的列,不能加入 (只按问责方式记人数(accountable_… 各列),任何文件都不记被问责人或其他人的姓名)",
      `data/hearing-problems.csv:1 责任人姓名: 未知的列 (表头须为:${HEARING_PROBLEMS_HEADER})`,
    ]);
  });

  it("refuses English name-like columns too, but not a place's name", () => {
    const loaded = loadHearingFiles(
      [row(HEARING_COLUMNS, EPISODE)],
      [`${row(PROBLEM_COLUMNS, CLOSED)},x,y`],
      CLOSED_TIMELINE,
      { problemsHeader: `${HEARING_PROBLEMS_HEADER},official_name,region_name` },
    );
    expect(loaded.problems.filter((p) => p.includes("像是记录人名"))).toEqual([
      "data/hearing-problems.csv:1 official_name: 列名「official_name」像是记录人名的列,不能加入 (只按问责方式记人数(accountable_… 各列),任何文件都不记被问责人或其他人的姓名)",
    ]);
  });

  it("runs the personal-data guard over the register's files", () => {
    const loaded = loadHearingFiles(
      [row(HEARING_COLUMNS, EPISODE)],
      [row(PROBLEM_COLUMNS, { ...CLOSED, exposed: "群众拨打 13912345678 反映无人处理。" })],
      CLOSED_TIMELINE,
      { scanForPersonalData: true },
    );
    expect(loaded.problems).toEqual([
      "data/hearing-problems.csv:2 exposed: 含有疑似手机号 139******78 (公开数据文件不得含身份证号、手机号、固定电话、银行卡号、电子邮箱、住址(门牌号、组号、楼栋单元室号);请删去或改写。确属对外公布的单位号码或地址,列入 privacy-allowlist.csv 并写明理由)",
    ]);
  });
});

describe("hearing-problem-updates.csv", () => {
  it("rejects an event dated before the broadcast", () => {
    expect(problems({}, ["WL-001-01,2024-01-10,来源,,事前报道。,", ...CLOSED_TIMELINE])).toEqual([
      "data/hearing-problem-updates.csv:2 date: 日期 2024-01-10 早于事项 WL-001-01 的节目直播日期 2024-01-15 (不早于事项的节目直播日期(hearing_id))",
    ]);
  });

  it("rejects a status that goes backwards", () => {
    const timeline = [
      ...CLOSED_TIMELINE.slice(0, 4),
      "WL-001-01,2024-03-05,回访,整改中,回访发现反弹。,",
      CLOSED_TIMELINE[4] ?? "",
    ];
    expect(problems({}, timeline)).toEqual([
      "data/hearing-problem-updates.csv:6 status: 状态「整改中」倒退:事项 WL-001-01 在第 5 行(2024-03-01)已是「已整改」 (状态按 未整改 → 整改中 → 已整改 → 已销号 的顺序前进或保持不变)",
    ]);
  });

  it("rejects a problem whose status is not its timeline's latest", () => {
    expect(problems({}, CLOSED_TIMELINE.slice(0, 4))).toEqual([
      "data/hearing-problems.csv:2 status: 状态「已销号」与时间线最新状态「已整改」(data/hearing-problem-updates.csv:5)不一致 (与时间线中该事项最新一条填了状态的事件相同)",
    ]);
  });

  it("rejects an event kind outside the vocabulary", () => {
    expect(problems({}, [...CLOSED_TIMELINE, "WL-001-01,2024-04-01,点评,,观众点评。,"])).toEqual([
      "data/hearing-problem-updates.csv:7 kind: 「点评」不是允许的值 (允许:质询、交办、进展、问责、回访、验收、来源)",
    ]);
  });
});
