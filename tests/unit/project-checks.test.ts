import { describe, expect, it } from "vitest";
import { loadDataset, registerData } from "../../src/site/dataset.ts";
import { projects } from "../../src/registers/projects/index.ts";
import {
  csv,
  dataDir,
  problemsLoading,
  sampleSiteConfig,
  siteJson,
  validFiles,
} from "./data-fixtures.ts";

/**
 * Each test writes one project (line 2 of projects.csv) and its updates (from line 2 of
 * project-updates.csv) into a valid 样例市 data directory (as-of 2024-06-30), changing only
 * what the test is about, and reads the exact messages back.
 */
const COLUMNS = [
  "id",
  "name",
  "category",
  "region_code",
  "responsible_unit",
  "shortfall",
  "scope",
  "total_investment",
  "listed_on",
  "planned_start_on",
  "planned_finish_on",
  "status",
  "status_reason",
  "started_on",
  "completed_on",
  "overrun_reason",
] as const;
type ProjectCells = Record<(typeof COLUMNS)[number], string>;
const UPDATES_HEADER = "item_id,date,kind,status,investment_to_date,progress,summary,source_url";

/** A hospital ward block under construction, 10,000 万元, planned mid-2023 to end of 2024. */
const BUILDING: ProjectCells = {
  id: "DB-2023-001",
  name: "甲区人民医院住院楼建设项目",
  category: "医疗",
  region_code: "990102",
  responsible_unit: "甲区卫生健康局",
  shortfall: "住院病房长期加床。",
  scope: "新建住院楼 1 万平方米。",
  total_investment: "10000",
  listed_on: "2023-03-01",
  planned_start_on: "2023-06-01",
  planned_finish_on: "2024-12-31",
  status: "在建",
  status_reason: "",
  started_on: "2023-07-01",
  completed_on: "",
  overrun_reason: "",
};

/** Its updates: listed, started, two progress reports (lines 2–5). */
const BUILDING_UPDATES = [
  "DB-2023-001,2023-03-01,列入计划,前期,,,列入计划。,",
  "DB-2023-001,2023-07-01,开工,在建,300,,开工。,",
  "DB-2023-001,2024-01-10,进度,,4000,40,主体结构施工。,",
  "DB-2023-001,2024-06-20,进度,,6000,60,装饰装修。,",
];

const SITE_WITH_PROJECTS = siteJson({ ...sampleSiteConfig(), sections: ["projects"] });

function filesWith(cells: Partial<ProjectCells>, updates: readonly string[]) {
  const row = { ...BUILDING, ...cells };
  return {
    ...validFiles(),
    "site.json": SITE_WITH_PROJECTS,
    "projects.csv": csv([COLUMNS.join(","), COLUMNS.map((name) => row[name]).join(",")]),
    "project-updates.csv": csv([UPDATES_HEADER, ...updates]),
  };
}

function problems(
  cells: Partial<ProjectCells>,
  updates: readonly string[] = BUILDING_UPDATES,
): string[] {
  return problemsLoading(dataDir(filesWith(cells, updates)));
}

function load(cells: Partial<ProjectCells>, updates: readonly string[] = BUILDING_UPDATES) {
  const register = registerData(loadDataset(dataDir(filesWith(cells, updates))), projects);
  if (!register) throw new Error("the fixture site runs the projects section");
  return register;
}

/** The updates with line `line` (2-based, as in the file) replaced. */
function replacing(line: number, update: string): string[] {
  return BUILDING_UPDATES.map((row, i) => (i + 2 === line ? update : row));
}

describe("projects.csv row checks", () => {
  it("accepts a project under construction with its dates in order", () => {
    expect(problems({})).toEqual([]);
  });

  it("rejects a planned finish before the planned start", () => {
    expect(problems({ planned_finish_on: "2023-05-31" })).toEqual([
      "data/projects.csv:2 planned_finish_on: 计划建成日期 2023-05-31 早于计划开工日期 2023-06-01 (不早于计划开工日期（planned_start_on）)",
    ]);
  });

  it("rejects a planned start before the project was listed", () => {
    expect(problems({ planned_start_on: "2023-02-28" })).toEqual([
      "data/projects.csv:2 planned_start_on: 计划开工日期 2023-02-28 早于列入计划日期 2023-03-01 (不早于列入计划日期（listed_on）)",
    ]);
  });

  it("accepts planned dates after the as-of date", () => {
    expect(problems({ planned_finish_on: "2026-12-31" })).toEqual([]);
  });

  it("rejects a total investment that is not a whole number of 万元, or is zero", () => {
    expect(problems({ total_investment: "10000.5" })).toEqual([
      "data/projects.csv:2 total_investment: 「10000.5」不是整数 (不小于 1 的整数)",
    ]);
    expect(problems({ total_investment: "1亿" })).toEqual([
      "data/projects.csv:2 total_investment: 「1亿」不是整数 (不小于 1 的整数)",
    ]);
    expect(problems({ total_investment: "0" })).toEqual([
      "data/projects.csv:2 total_investment: 0 超出范围 (不小于 1 的整数)",
    ]);
  });

  it("rejects a status outside the vocabulary, naming every allowed word", () => {
    expect(problems({ status: "完工" })).toEqual([
      "data/projects.csv:2 status: 「完工」不是允许的值 (允许:前期、在建、建成、投用、暂缓、终止)",
    ]);
  });

  it("rejects a category outside the vocabulary", () => {
    expect(problems({ category: "卫生" })).toEqual([
      "data/projects.csv:2 category: 「卫生」不是允许的值 (允许:交通、水利、产业、城建、教育、医疗、生态、文化、体育、养老)",
    ]);
  });

  it("rejects an id that is not DB-<year>-<serial>", () => {
    expect(problems({ id: "DB-23-1" }, [])).toEqual([
      "data/projects.csv:2 id: 编号「DB-23-1」格式不对 (编号格式如 DB-2018-007,一经发布不得更改)",
    ]);
  });

  it("rejects a region that is the city itself rather than a county", () => {
    expect(problems({ region_code: "990100" })).toEqual([
      "data/projects.csv:2 region_code: 行政区划代码 「990100」 不是县级区划 (regions.csv 中本市所辖县级区划（层级为「县」）的代码)",
    ]);
  });

  it("rejects 暂缓 and 终止 without a reason, and a reason on any other status", () => {
    const paused = [...BUILDING_UPDATES, "DB-2023-001,2024-06-25,暂缓,暂缓,,,资金未落实。,"];
    expect(problems({ status: "暂缓" }, paused)).toEqual([
      "data/projects.csv:2 status_reason: 状态为「暂缓」，但没有写原因 (状态为暂缓或终止时必填，写明依据哪项决定、为什么)",
    ]);
    expect(problems({ status_reason: "资金未落实。" })).toEqual([
      "data/projects.csv:2 status_reason: 状态为「在建」，却填了暂缓或终止的原因 (只在状态为暂缓或终止时填写；项目恢复后请清空，原因留在时间线里)",
    ]);
  });

  it("rejects 在建 without an actual start, and 前期 with one", () => {
    expect(problems({ started_on: "" })).toEqual([
      "data/projects.csv:2 started_on: 状态为「在建」，但没有填实际开工日期 (状态为在建、建成、投用时必填，日期写作 YYYY-MM-DD)",
    ]);
    expect(problems({ status: "前期" }, BUILDING_UPDATES.slice(0, 1))).toEqual([
      "data/projects.csv:2 started_on: 状态为「前期」，却填了实际开工日期 2023-07-01 (开工后请把状态改为在建；尚未开工时留空)",
    ]);
  });

  it("rejects 建成 without an actual completion, and a completion on a project not built", () => {
    const built = [...BUILDING_UPDATES, "DB-2023-001,2024-06-28,完工验收,建成,9800,100,验收。,"];
    expect(problems({ status: "建成" }, built)).toEqual([
      "data/projects.csv:2 completed_on: 状态为「建成」，但没有填实际建成日期 (状态为建成或投用时必填，日期写作 YYYY-MM-DD)",
    ]);
    expect(problems({ completed_on: "2024-06-28" })).toEqual([
      "data/projects.csv:2 completed_on: 状态为「在建」，却填了实际建成日期 2024-06-28 (建成后请把状态改为建成或投用；未建成时留空)",
    ]);
  });

  it("rejects actual dates out of order: started before listed, built before started", () => {
    expect(problems({ started_on: "2023-02-01" })).toEqual([
      "data/projects.csv:2 started_on: 实际开工日期 2023-02-01 早于列入计划日期 2023-03-01 (不早于列入计划日期（listed_on）)",
    ]);
    const built = [...BUILDING_UPDATES, "DB-2023-001,2024-06-28,完工验收,建成,9800,100,验收。,"];
    expect(problems({ status: "建成", completed_on: "2023-06-30" }, built)).toEqual([
      "data/projects.csv:2 completed_on: 实际建成日期 2023-06-30 早于实际开工日期 2023-07-01 (不早于实际开工日期（started_on）)",
    ]);
  });

  it("rejects an actual start after the as-of date", () => {
    expect(problems({ started_on: "2024-07-01" })).toEqual([
      "data/projects.csv:2 started_on: 日期 2024-07-01 晚于数据截至日期 2024-06-30 (不晚于 site.json 中的截至日期 asOf;若数据已更新,请同时更新 asOf)",
    ]);
  });
});

describe("project-updates.csv checks", () => {
  it("rejects a cumulative investment smaller than an earlier report, at the later line", () => {
    expect(problems({}, replacing(5, "DB-2023-001,2024-06-20,进度,,3900,60,装饰装修。,"))).toEqual([
      "data/project-updates.csv:5 investment_to_date: 累计完成投资 3900 万元少于第 4 行（2024-01-10）已报的 4000 万元 (累计数只增不减：填自项目开始到当日的累计完成投资，不是本期新增)",
    ]);
  });

  it("judges the order of reports by date, not by their order in the file", () => {
    const shuffled = [
      BUILDING_UPDATES[3],
      BUILDING_UPDATES[0],
      BUILDING_UPDATES[2],
      BUILDING_UPDATES[1],
    ];
    expect(
      problems(
        {},
        shuffled.map((row) => row ?? ""),
      ),
    ).toEqual([]);
  });

  it("rejects a cumulative investment above the total unless the project states why", () => {
    const over = replacing(5, "DB-2023-001,2024-06-20,进度,,10400,95,装饰装修。,");
    expect(problems({}, over)).toEqual([
      "data/project-updates.csv:5 investment_to_date: 累计完成投资 10400 万元超过项目 DB-2023-001 的总投资 10000 万元 (不超过总投资；确需超出时，在 projects.csv 的 overrun_reason 写明原因)",
    ]);
    expect(problems({ overrun_reason: "概算调增尚待批复。" }, over)).toEqual([]);
  });

  it("rejects an overrun reason on a project whose investment stays within its total", () => {
    expect(problems({ overrun_reason: "概算调增尚待批复。" })).toEqual([
      "data/projects.csv:2 overrun_reason: 项目 DB-2023-001 的累计完成投资没有超过总投资 10000 万元，却填了超出原因 (只在时间线中累计完成投资超过总投资时填写；没有超出时留空)",
    ]);
  });

  it("rejects progress outside 0–100 and progress written with a percent sign", () => {
    expect(problems({}, replacing(5, "DB-2023-001,2024-06-20,进度,,6000,101,装饰装修。,"))).toEqual(
      ["data/project-updates.csv:5 progress: 101 超出范围 (可留空;0 到 100 的整数)"],
    );
    expect(problems({}, replacing(5, "DB-2023-001,2024-06-20,进度,,6000,-5,装饰装修。,"))).toEqual([
      "data/project-updates.csv:5 progress: -5 超出范围 (可留空;0 到 100 的整数)",
    ]);
    expect(problems({}, replacing(5, "DB-2023-001,2024-06-20,进度,,6000,60%,装饰装修。,"))).toEqual(
      ["data/project-updates.csv:5 progress: 「60%」不是整数 (可留空;0 到 100 的整数)"],
    );
  });

  it("rejects an update dated before the project was listed", () => {
    expect(
      problems({}, replacing(2, "DB-2023-001,2023-02-28,列入计划,前期,,,列入计划。,")),
    ).toEqual([
      "data/project-updates.csv:2 date: 日期 2023-02-28 早于项目 DB-2023-001 的列入计划日期 2023-03-01 (不早于项目的列入计划日期（listed_on）)",
    ]);
  });

  it("rejects an update dated after the project was terminated", () => {
    const ended = [
      ...BUILDING_UPDATES.slice(0, 3),
      "DB-2023-001,2024-02-01,终止,终止,,,选址调整。,",
      "DB-2023-001,2024-06-20,进度,,6000,60,装饰装修。,",
    ];
    expect(problems({ status: "终止", status_reason: "选址调整。" }, ended)).toEqual([
      "data/project-updates.csv:6 date: 日期 2024-06-20 晚于项目 DB-2023-001 的终止日期 2024-02-01（第 5 行） (项目终止后不再有进展；后续报道请记在终止当天或之前)",
    ]);
  });

  it("rejects an update dated after the as-of date", () => {
    expect(problems({}, replacing(5, "DB-2023-001,2024-07-01,进度,,6000,60,装饰装修。,"))).toEqual([
      "data/project-updates.csv:5 date: 日期 2024-07-01 晚于数据截至日期 2024-06-30 (不晚于 site.json 中的截至日期 asOf;若数据已更新,请同时更新 asOf)",
    ]);
  });

  const RULE =
    "阶段按 前期 → 在建 → 建成 → 投用 前进或保持不变；建成前可以暂缓或终止，暂缓后回到暂缓前的阶段或之后；终止后不再改变";

  it("rejects a stage that goes backwards", () => {
    const back = [...BUILDING_UPDATES, "DB-2023-001,2024-06-25,前期工作,前期,,,重新设计。,"];
    expect(problems({ status: "前期", started_on: "" }, back)).toEqual([
      `data/project-updates.csv:6 status: 状态「前期」倒退：项目 DB-2023-001 在第 3 行（2023-07-01）已到「在建」阶段 (${RULE})`,
    ]);
  });

  it("accepts a pause and a resumption to the stage the project had reached", () => {
    const resumed = [
      ...BUILDING_UPDATES.slice(0, 3),
      "DB-2023-001,2024-02-01,暂缓,暂缓,,,发现古墓，暂停施工。,",
      "DB-2023-001,2024-05-01,恢复,在建,,,考古结束，恢复施工。,",
      "DB-2023-001,2024-06-20,进度,,6000,60,装饰装修。,",
    ];
    expect(problems({}, resumed)).toEqual([]);
  });

  it("rejects pausing a project that is already built", () => {
    const built = [
      ...BUILDING_UPDATES,
      "DB-2023-001,2024-06-25,完工验收,建成,9800,100,验收。,",
      "DB-2023-001,2024-06-28,暂缓,暂缓,,,交付推迟。,",
    ];
    expect(problems({ status: "暂缓", status_reason: "交付推迟。" }, built)).toEqual([
      `data/project-updates.csv:7 status: 项目 DB-2023-001 在第 6 行（2024-06-25）已「建成」，不能再「暂缓」 (${RULE})`,
    ]);
  });

  it("rejects any status change after termination", () => {
    const ended = [
      ...BUILDING_UPDATES,
      "DB-2023-001,2024-06-25,终止,终止,,,选址调整。,",
      "DB-2023-001,2024-06-25,恢复,在建,,,又恢复。,",
    ];
    expect(problems({ status: "终止", status_reason: "选址调整。" }, ended)).toEqual([
      `data/project-updates.csv:7 status: 项目 DB-2023-001 已在第 6 行（2024-06-25）终止，不能再改为「在建」 (${RULE})`,
      "data/projects.csv:2 status: 状态「终止」与时间线最新状态「在建」（data/project-updates.csv:7）不一致 (与时间线中该项目最新一条填了状态的进展相同)",
    ]);
  });

  it("rejects a project whose status differs from its latest update's", () => {
    expect(problems({ status: "前期", started_on: "" }, BUILDING_UPDATES)).toEqual([
      "data/projects.csv:2 status: 状态「前期」与时间线最新状态「在建」（data/project-updates.csv:3）不一致 (与时间线中该项目最新一条填了状态的进展相同)",
    ]);
  });

  it("rejects a built project whose latest reported progress is below 100", () => {
    const built = [...BUILDING_UPDATES, "DB-2023-001,2024-06-28,完工验收,建成,9800,,验收。,"];
    expect(problems({ status: "建成", completed_on: "2024-06-28" }, built)).toEqual([
      "data/project-updates.csv:5 progress: 项目 DB-2023-001 状态为「建成」，最新报送的实物形象进度却是 60% (建成或投用的项目实物形象进度为 100)",
    ]);
  });

  it("rejects an update for a project that is not in projects.csv", () => {
    expect(
      problems({}, [...BUILDING_UPDATES, "DB-2023-099,2024-03-01,进度,,,,无此项目。,"]),
    ).toEqual([
      "data/project-updates.csv:6 item_id: 编号 「DB-2023-099」 在 data/projects.csv 中不存在 (projects.csv 中已有的编号)",
    ]);
  });
});

describe("a loaded project's standing against the straight line", () => {
  it("compares its latest progress with the share of planned days elapsed", () => {
    const item = load({}).byId.get("DB-2023-001");
    // Planned 2023-06-01 to 2024-12-31: 580 days; by the end of 2024-06-30, 396 of them.
    const planned = (396 / 580) * 100;
    expect(item?.plannedProgress).toBeCloseTo(planned, 10);
    expect(item).toMatchObject({
      progress: 60,
      progressReportedOn: "2024-06-20",
      investmentToDate: 6000,
      behind: true,
      overdue: false,
    });
    expect(item?.behindBy).toBeCloseTo(planned - 60, 10);
    expect(item?.plannedInvestmentToDate).toBeCloseTo((10000 * 396) / 580, 6);
  });

  it("is not behind when its progress is on or above the line", () => {
    const ahead = replacing(5, "DB-2023-001,2024-06-20,进度,,6000,69,装饰装修。,");
    expect(load({}, ahead).byId.get("DB-2023-001")).toMatchObject({ behind: false });
  });

  it("counts a project with no progress report as 0%, and a built one as 100%", () => {
    const quiet = BUILDING_UPDATES.slice(0, 2);
    expect(load({}, quiet).byId.get("DB-2023-001")).toMatchObject({
      progress: 0,
      progressReportedOn: undefined,
      behind: true,
    });
    const built = [
      ...BUILDING_UPDATES.slice(0, 2),
      "DB-2023-001,2024-06-28,完工验收,建成,9800,,验收。,",
    ];
    expect(
      load({ status: "建成", completed_on: "2024-06-28" }, built).byId.get("DB-2023-001"),
    ).toMatchObject({ progress: 100, behind: false, finishedLate: false });
  });

  it("does not judge a terminated project against its plan", () => {
    const ended = [...BUILDING_UPDATES, "DB-2023-001,2024-06-25,终止,终止,,,选址调整。,"];
    const register = load({ status: "终止", status_reason: "选址调整。" }, ended);
    expect(register.byId.get("DB-2023-001")).toMatchObject({ inPlan: false, behind: false });
    expect(register.stats.overall.count).toBe(0);
    expect(register.stats.terminated).toEqual({
      count: 1,
      totalInvestment: 10000,
      completed: 6000,
    });
  });

  it("is overdue past its planned finish while not built", () => {
    const late = load({ planned_finish_on: "2024-05-31" }).byId.get("DB-2023-001");
    expect(late).toMatchObject({ overdue: true, daysOverdue: 30, behind: true });
  });
});

describe("the project section", () => {
  it("needs no project files on a site that does not run it", () => {
    expect(problemsLoading(dataDir(validFiles()))).toEqual([]);
    expect(registerData(loadDataset(dataDir(validFiles())), projects)).toBeUndefined();
  });

  it("needs both files on a site that runs it", () => {
    expect(problemsLoading(dataDir({ ...validFiles(), "site.json": SITE_WITH_PROJECTS }))).toEqual([
      "data/project-updates.csv:1 (文件): 文件不存在 (在 data/ 下建立 project-updates.csv,第一行为表头)",
      "data/projects.csv:1 (文件): 文件不存在 (在 data/ 下建立 projects.csv,第一行为表头)",
    ]);
  });
});
