import { describe, expect, it } from "vitest";
import { loadDataset, registerData } from "../../src/site/dataset.ts";
import { exposures } from "../../src/registers/exposures/index.ts";
import {
  csv,
  dataDir,
  problemsLoading,
  sampleSiteConfig,
  siteJson,
  validFiles,
} from "./data-fixtures.ts";
import { EXPOSURE_UPDATES_HEADER, EXPOSURES_HEADER } from "./exposure-fixtures.ts";

/**
 * Each test writes one exposure (line 2 of exposures.csv) and its timeline (from line 2 of
 * exposure-updates.csv) into a valid 样例市 data directory (as-of 2024-06-30), changing
 * only what the test is about, and reads the exact messages back.
 */
type ExposureCells = Record<(typeof COLUMNS)[number], string>;
const COLUMNS = [
  "id",
  "title",
  "exposed_on",
  "media",
  "media_url",
  "region_code",
  "location",
  "category",
  "problem",
  "responsible_unit",
  "deadline",
  "status",
  "rectified_on",
  "closed_on",
  "measures",
] as const;

const CLOSED: ExposureCells = {
  id: "HB-2024-0001",
  title: "河边堆放垃圾",
  exposed_on: "2024-01-11",
  media: "示例电视台第1期",
  media_url: "",
  region_code: "990102",
  location: "某镇河边",
  category: "固体废物",
  problem: "河边堆放生活垃圾。",
  responsible_unit: "某镇人民政府",
  deadline: "2024-02-29",
  status: "已销号",
  rectified_on: "2024-02-20",
  closed_on: "2024-03-10",
  measures: "清运垃圾。",
};

/** The closed problem's timeline: exposed, rectified, closed (lines 2–4). */
const CLOSED_TIMELINE = [
  "HB-2024-0001,2024-01-11,曝光,未整改,节目曝光。,",
  "HB-2024-0001,2024-02-20,进展,已整改,整改完成。,",
  "HB-2024-0001,2024-03-10,验收,已销号,核查后销号。,",
];

/** A site that runs the exposure section, with one problem and its timeline. */
const SITE_WITH_EXPOSURES = siteJson({ ...sampleSiteConfig(), sections: ["exposures"] });

function filesWith(cells: Partial<ExposureCells>, timeline: string[]) {
  const row = { ...CLOSED, ...cells };
  return {
    ...validFiles(),
    "site.json": SITE_WITH_EXPOSURES,
    "exposures.csv": csv([EXPOSURES_HEADER, COLUMNS.map((name) => row[name]).join(",")]),
    "exposure-updates.csv": csv([EXPOSURE_UPDATES_HEADER, ...timeline]),
  };
}

function problems(cells: Partial<ExposureCells>, timeline: string[] = CLOSED_TIMELINE): string[] {
  return problemsLoading(dataDir(filesWith(cells, timeline)));
}

const OPEN_TIMELINE = ["HB-2024-0001,2024-01-11,曝光,未整改,节目曝光。,"];
const RECTIFIED_TIMELINE = CLOSED_TIMELINE.slice(0, 2);

describe("exposures.csv row checks", () => {
  it("accepts a closed problem with its dates in order", () => {
    expect(problems({})).toEqual([]);
  });

  it("rejects a deadline before the exposure", () => {
    expect(problems({ deadline: "2024-01-10" })).toEqual([
      "data/exposures.csv:2 deadline: 整改期限 2024-01-10 早于曝光日期 2024-01-11 (不早于曝光日期(exposed_on);没有明确期限时留空)",
    ]);
  });

  it("accepts a deadline on the day of exposure, and one after the as-of date", () => {
    expect(problems({ deadline: "2024-01-11" })).toEqual([]);
    expect(
      problems(
        { deadline: "2024-12-31", status: "未整改", rectified_on: "", closed_on: "" },
        OPEN_TIMELINE,
      ),
    ).toEqual([]);
  });

  it("rejects an id whose year is not the year of exposure", () => {
    expect(
      problems(
        { id: "HB-2023-0001" },
        CLOSED_TIMELINE.map((line) => line.replace("2024-0001", "2023-0001")),
      ),
    ).toEqual([
      "data/exposures.csv:2 id: 编号 「HB-2023-0001」 的年份 2023 与 exposed_on 的 2024-01-11 不在同一年 (编号中的年份与 exposed_on 的年份相同;编号写错时改编号,日期写错时改日期)",
    ]);
  });

  it("rejects a rectified_on that disagrees with the timeline's 已整改 date, so one date is published", () => {
    expect(problems({ rectified_on: "2024-02-21" })).toEqual([
      "data/exposures.csv:2 rectified_on: 日期 2024-02-21 与时间线中事项首次达到「已整改」的日期 2024-02-20(data/exposure-updates.csv:3)不一致 (两处写同一天:以实际发生的日期为准,改正错的一处)",
    ]);
    expect(problems({ closed_on: "2024-03-11" })).toEqual([
      "data/exposures.csv:2 closed_on: 日期 2024-03-11 与时间线中事项首次达到「已销号」的日期 2024-03-10(data/exposure-updates.csv:4)不一致 (两处写同一天:以实际发生的日期为准,改正错的一处)",
    ]);
  });

  it("rejects a deadline centuries ahead, a typo rather than a plan", () => {
    expect(
      problems(
        { deadline: "2204-02-29", status: "未整改", rectified_on: "", closed_on: "" },
        OPEN_TIMELINE,
      ),
    ).toEqual([
      "data/exposures.csv:2 deadline: 日期 2204-02-29 比数据截至日期晚 30 年以上 (计划日期不晚于 2054-06-30;多为年份笔误)",
    ]);
  });

  it("rejects 已整改 without rectified_on", () => {
    expect(
      problems({ status: "已整改", rectified_on: "", closed_on: "" }, RECTIFIED_TIMELINE),
    ).toEqual([
      "data/exposures.csv:2 rectified_on: 状态为「已整改」,但没有填整改完成日期 (状态为已整改或已销号时必填,日期写作 YYYY-MM-DD)",
    ]);
  });

  it("rejects 已销号 without closed_on", () => {
    expect(problems({ closed_on: "" })).toEqual([
      "data/exposures.csv:2 closed_on: 状态为「已销号」,但没有填销号日期 (状态为已销号时必填,日期写作 YYYY-MM-DD)",
    ]);
  });

  it("rejects 已销号 without rectified_on as well", () => {
    expect(problems({ rectified_on: "" })).toEqual([
      "data/exposures.csv:2 rectified_on: 状态为「已销号」,但没有填整改完成日期 (状态为已整改或已销号时必填,日期写作 YYYY-MM-DD)",
    ]);
  });

  it("rejects a rectification date on a problem still 整改中, and a closing date before 已销号", () => {
    expect(problems({ status: "整改中", closed_on: "" }, OPEN_TIMELINE)).toEqual([
      "data/exposures.csv:2 rectified_on: 状态为「整改中」,却填了整改完成日期 2024-02-20 (整改完成后请把状态改为已整改;未完成时留空)",
    ]);
    expect(problems({ status: "已整改" }, RECTIFIED_TIMELINE)).toEqual([
      "data/exposures.csv:2 closed_on: 状态为「已整改」,却填了销号日期 2024-03-10 (销号后请把状态改为已销号;未销号时留空)",
    ]);
  });

  it("rejects dates out of order: rectified before exposed, closed before rectified", () => {
    expect(problems({ rectified_on: "2024-01-05" })).toEqual([
      "data/exposures.csv:2 rectified_on: 整改完成日期 2024-01-05 早于曝光日期 2024-01-11 (不早于曝光日期(exposed_on))",
    ]);
    expect(problems({ closed_on: "2024-02-19" })).toEqual([
      "data/exposures.csv:2 closed_on: 销号日期 2024-02-19 早于整改完成日期 2024-02-20 (不早于整改完成日期(rectified_on))",
    ]);
  });

  it("rejects a region that is the city itself rather than a county", () => {
    expect(problems({ region_code: "990100" })).toEqual([
      "data/exposures.csv:2 region_code: 行政区划代码 「990100」 不是县级区划 (regions.csv 中本市所辖县级区划(层级为「县」)的代码)",
    ]);
  });

  it("rejects a category outside the vocabulary, naming every allowed word", () => {
    expect(problems({ category: "光污染" })).toEqual([
      "data/exposures.csv:2 category: 「光污染」不是允许的值 (允许:水、大气、土壤、噪声、固体废物、生态、其他)",
    ]);
  });

  it("rejects an exposure dated after the as-of date", () => {
    expect(
      problems(
        {
          exposed_on: "2024-07-01",
          deadline: "",
          status: "未整改",
          rectified_on: "",
          closed_on: "",
        },
        [],
      ),
    ).toEqual([
      "data/exposures.csv:2 exposed_on: 日期 2024-07-01 晚于数据截至日期 2024-06-30 (不晚于 site.json 中的截至日期 asOf;若数据已更新,请同时更新 asOf)",
    ]);
  });
});

describe("exposure-updates.csv timeline checks", () => {
  it("rejects a status that goes backwards, at the event's line", () => {
    const timeline = [
      CLOSED_TIMELINE[0] ?? "",
      CLOSED_TIMELINE[1] ?? "",
      "HB-2024-0001,2024-02-25,进展,整改中,又开始整改。,",
      CLOSED_TIMELINE[2] ?? "",
    ];
    expect(problems({}, timeline)).toEqual([
      "data/exposure-updates.csv:4 status: 状态「整改中」倒退:事项 HB-2024-0001 在第 3 行(2024-02-20)已是「已整改」 (状态按 未整改 → 整改中 → 已整改 → 已销号 的顺序前进或保持不变)",
    ]);
  });

  it("judges the order by date, not by the order of lines in the file", () => {
    const shuffled = [CLOSED_TIMELINE[2] ?? "", CLOSED_TIMELINE[0] ?? "", CLOSED_TIMELINE[1] ?? ""];
    expect(problems({}, shuffled)).toEqual([]);
  });

  it("rejects an event dated before the exposure", () => {
    expect(problems({}, ["HB-2024-0001,2024-01-10,来源,,事前报道。,", ...CLOSED_TIMELINE])).toEqual(
      [
        "data/exposure-updates.csv:2 date: 日期 2024-01-10 早于事项 HB-2024-0001 的曝光日期 2024-01-11 (不早于事项的曝光日期(exposed_on))",
      ],
    );
  });

  it("rejects a problem whose status differs from its timeline's latest status", () => {
    expect(problems({}, RECTIFIED_TIMELINE)).toEqual([
      "data/exposures.csv:2 status: 状态「已销号」与时间线最新状态「已整改」(data/exposure-updates.csv:3)不一致 (与时间线中该事项最新一条填了状态的事件相同)",
    ]);
  });

  it("rejects an event for a problem that is not in exposures.csv", () => {
    expect(problems({}, [...CLOSED_TIMELINE, "HB-2024-0099,2024-03-01,进展,,无此问题。,"])).toEqual(
      [
        "data/exposure-updates.csv:5 item_id: 编号 「HB-2024-0099」 在 data/exposures.csv 中不存在 (exposures.csv 中已有的编号)",
      ],
    );
  });
});

describe("the loaded register", () => {
  it("orders each problem's timeline oldest first and derives its deadline facts", () => {
    const shuffled = [CLOSED_TIMELINE[2] ?? "", CLOSED_TIMELINE[0] ?? "", CLOSED_TIMELINE[1] ?? ""];
    const item = registerData(loadDataset(dataDir(filesWith({}, shuffled))), exposures)?.byId.get(
      "HB-2024-0001",
    );
    expect(item?.timeline.map((event) => event.date)).toEqual([
      "2024-01-11",
      "2024-02-20",
      "2024-03-10",
    ]);
    expect(item).toMatchObject({ onTime: true, daysToRectify: 40, overdue: false, year: 2024 });
  });
});

describe("the exposure section", () => {
  it("needs no exposure files on a site that does not run it", () => {
    expect(problemsLoading(dataDir(validFiles()))).toEqual([]);
    expect(registerData(loadDataset(dataDir(validFiles())), exposures)).toBeUndefined();
  });

  it("needs both files on a site that runs it", () => {
    expect(problemsLoading(dataDir({ ...validFiles(), "site.json": SITE_WITH_EXPOSURES }))).toEqual(
      [
        "data/exposure-updates.csv:1 (文件): 文件不存在 (在 data/ 下建立 exposure-updates.csv,第一行为表头)",
        "data/exposures.csv:1 (文件): 文件不存在 (在 data/ 下建立 exposures.csv,第一行为表头)",
      ],
    );
  });
});
