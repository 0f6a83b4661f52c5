import { describe, expect, it } from "vitest";
import { HEARING_PROBLEMS_HEADER, loadDemo, loadHearingFiles } from "./hearing-fixtures.ts";

const EPISODES = [
  "WL-001,1,2023-03-01,样例市广播电视台,聚焦办事难,甲区行政审批局,,",
  "WL-002,2,2023-12-20,样例市广播电视台,聚焦环保,乙区生态环境局,,",
];
const COLUMNS = HEARING_PROBLEMS_HEADER.split(",");

/** A problem row: id, episode, county, deadline, status, rectified, counts by kind, announced. */
function problem(cells: Record<string, string>): string {
  const defaults: Record<string, string> = {
    title: "问题",
    unit_questioned: "某单位",
    exposed: "曝光内容。",
    commitment: "现场承诺。",
    closed_on: "",
    measures: "",
    accountable_admonition: "0",
    accountable_party_discipline: "0",
    accountable_government_discipline: "0",
    accountable_organisational: "0",
    accountable_other: "0",
    accountability_announced_on: "",
  };
  return COLUMNS.map((name) => cells[name] ?? defaults[name] ?? "").join(",");
}

describe("阳光问廉 statistics", () => {
  const load = () =>
    loadHearingFiles(
      EPISODES,
      [
        // On time: rectified before the deadline. Two people, announced the next year.
        problem({
          id: "WL-001-01",
          hearing_id: "WL-001",
          region_code: "990102",
          deadline: "2023-04-30",
          status: "已整改",
          rectified_on: "2023-04-20",
          accountable_admonition: "1",
          accountable_party_discipline: "1",
          accountability_announced_on: "2024-01-05",
        }),
        // Late: rectified after the deadline. One organisational measure in 2023.
        problem({
          id: "WL-001-02",
          hearing_id: "WL-001",
          region_code: "990103",
          deadline: "2023-04-30",
          status: "已整改",
          rectified_on: "2023-05-10",
          accountable_organisational: "1",
          accountability_announced_on: "2023-03-20",
        }),
        // Overdue: deadline passed, not rectified.
        problem({
          id: "WL-002-01",
          hearing_id: "WL-002",
          region_code: "990102",
          deadline: "2024-02-01",
          status: "整改中",
        }),
        // Not due: deadline after the as-of date.
        problem({
          id: "WL-002-02",
          hearing_id: "WL-002",
          region_code: "990121",
          deadline: "2024-12-31",
          status: "未整改",
        }),
      ],
      [],
    );

  it("counts on-time rectification only among problems whose promised deadline has passed", () => {
    const { problems, data } = load();
    expect(problems).toEqual([]);
    const overall = data?.stats.overall;
    expect([
      overall?.total,
      overall?.due,
      overall?.onTime,
      overall?.late,
      overall?.overdue,
    ]).toEqual([4, 3, 1, 1, 1]);
    expect(overall?.rate).toBeCloseTo(1 / 3, 10);
    expect(data?.stats.overdue.map((p) => [p.id, p.daysOverdue])).toEqual([["WL-002-01", 150]]);
  });

  it("groups people held accountable by kind and by the year the outcome was announced", () => {
    const accountability = load().data?.stats.accountability;
    expect(accountability?.total).toBe(3);
    expect(
      accountability?.byYear.map((row) => [row.year, row.total, row.byKind["组织处理"]]),
    ).toEqual([
      [2023, 1, 1],
      [2024, 2, 0],
    ]);
    expect(accountability?.byKind["诫勉谈话"]).toBe(1);
    expect(accountability?.problemsWithAccountability).toBe(2);
  });

  it("lists episodes newest first, each with its own problems and people", () => {
    const hearings = load().data?.hearings ?? [];
    expect(hearings.map((h) => [h.id, h.problems.length, h.accountableTotal])).toEqual([
      ["WL-002", 2, 0],
      ["WL-001", 2, 3],
    ]);
  });
});

describe("the demo site's sample data", () => {
  it("loads without a problem, with 30+ problems over 6+ episodes in every county", () => {
    // loadDemo throws with every message when the data has a problem.
    const demo = loadDemo();
    expect(demo.hearings.problems.length).toBeGreaterThanOrEqual(30);
    expect(demo.hearings.hearings.length).toBeGreaterThanOrEqual(6);
    expect(new Set(demo.hearings.problems.map((p) => p.county.code)).size).toBe(11);
    expect(demo.ledgers.stats.townshipRows).toBeGreaterThan(0);
    expect(demo.ledgers.stats.byCounty.every((county) => county.totals.rows > 0)).toBe(true);
  });
});
