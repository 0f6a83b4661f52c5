import { describe, expect, it } from "vitest";
import { loadDataset, registerData } from "../../src/site/dataset.ts";
import { commitments } from "../../src/registers/commitments/index.ts";
import { commitmentFacts } from "../../src/registers/commitments/derive.ts";
import { dueStanding } from "../../src/registers/commitments/describe.ts";
import { commitmentListingData } from "../../src/registers/commitments/listing.ts";
import { resolveComparisons } from "../../src/registers/commitments/comparisons.ts";
import { completionRow } from "../../src/registers/commitments/stats.ts";
import type { Commitment } from "../../src/registers/commitments/model.ts";
import {
  commitmentLevels,
  commitmentLists,
  commitmentStatuses,
} from "../../src/registers/commitments/vocabulary.ts";
import { buildFilterIndex } from "../../src/registers/listing.ts";

const dataset = loadDataset("data");
const { counties, site } = dataset;
const register = registerData(dataset, commitments);
if (!register) throw new Error("the demo site runs the commitments section");
const { items, stats } = register;

describe("the demo 民生实事 register", () => {
  it("has at least 80 commitments over every county, list, level and status", () => {
    expect(items.length).toBeGreaterThanOrEqual(80);
    expect(new Set(items.map((item) => item.county.code))).toEqual(
      new Set(counties.map((county) => county.code)),
    );
    expect(new Set(items.map((item) => item.list))).toEqual(new Set(commitmentLists.values));
    expect(new Set(items.map((item) => item.level))).toEqual(new Set(commitmentLevels.values));
    expect(new Set(items.map((item) => item.status))).toEqual(new Set(commitmentStatuses.values));
  });

  it("gives every commitment its own title, promise and result (no text repeated)", () => {
    for (const texts of [
      items.map((item) => item.title),
      items.map((item) => item.promise),
      items.flatMap((item) => (item.result === undefined ? [] : [item.result])),
    ]) {
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it("names a post for every leader and no person anywhere", () => {
    for (const item of items) {
      expect(item.post !== undefined, item.id).toBe(item.level === "班子成员");
    }
  });

  it("has overdue, late, due-today, adjusted and adjusted-then-resumed cases", () => {
    expect(items.some((item) => item.overdue)).toBe(true);
    expect(items.some((item) => item.completedLate)).toBe(true);
    expect(items.some((item) => item.done && item.completedOn === item.dueOn)).toBe(true);
    expect(items.some((item) => item.effectiveDueOn === site.asOf && !item.done)).toBe(true);
    expect(items.some((item) => item.adjusted)).toBe(true);
    expect(
      items.some(
        (item) => !item.adjusted && item.timeline.some((event) => event.status === "已调整"),
      ),
    ).toBe(true);
  });

  it("lists the newest list year first, newest listed first within a year", () => {
    const keys = items.map((item) => `${item.year}|${item.listedOn}`);
    expect(keys).toEqual([...keys].sort().reverse());
  });
});

describe("the 民生实事 statistics", () => {
  it("divide done by all commitments in the group, adjusted ones staying in the denominator", () => {
    const { overall } = stats;
    expect(overall.rate).toBe(overall.done / overall.total);
    expect(overall.done).toBe(items.filter((item) => item.status === "已完成").length);
    expect(overall.adjusted).toBeGreaterThan(0);
    expect(overall.total).toBe(items.length);
  });

  it("split every group into done, adjusted, overdue and still open", () => {
    for (const row of [
      stats.overall,
      ...stats.byList,
      ...stats.byLevel,
      ...stats.byCounty,
      ...stats.byYear,
    ]) {
      expect(row.done + row.adjusted + row.overdue + row.open, row.label).toBe(row.total);
      expect(row.open, row.label).toBeGreaterThanOrEqual(0);
    }
  });

  it("add up to the whole register by list, level, county and year", () => {
    for (const rows of [stats.byList, stats.byLevel, stats.byCounty, stats.byYear]) {
      expect(rows.reduce((sum, row) => sum + row.total, 0)).toBe(items.length);
      expect(rows.reduce((sum, row) => sum + row.done, 0)).toBe(stats.overall.done);
    }
  });

  it("list overdue commitments, most days overdue first", () => {
    const days = stats.overdueItems.map((item) => item.daysOverdue ?? 0);
    expect(days.length).toBe(stats.overall.overdue);
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });

  it("show the 昆明 published figures beside, resolved from the indicators, never in the counts", () => {
    const { comparisons, issues } = resolveComparisons(
      register.comparisons,
      dataset.indicators,
      site.jurisdiction.name,
      register.comparisonsFile,
    );
    expect(issues).toEqual([]);
    expect(
      comparisons.map((row) => [row.level, row.made, row.done, row.statedRatePercent]),
    ).toEqual([
      ["领导班子", 1248, 432, 34.6],
      ["班子成员", 2410, 902, 37.4],
      ["基层党组织", 21776, 12471, 57.3],
      ["党员", 291528, 168288, 57.7],
    ]);
    expect(comparisons.every((row) => row.place === "昆明市")).toBe(true);
    expect(stats.overall.total).toBe(items.length);
  });
});

describe("a commitment's deadline facts", () => {
  const base = {
    status: "推进中" as const,
    listedOn: "2024-01-10",
    dueOn: "2024-06-30",
    adjustedDueOn: undefined,
    completedOn: undefined,
  };

  it("is not overdue on the promised day itself, and is the day after", () => {
    expect(commitmentFacts(base, "2024-06-30").overdue).toBe(false);
    expect(commitmentFacts(base, "2024-07-01")).toMatchObject({ overdue: true, daysOverdue: 1 });
  });

  it("counts overdue from the adjusted date when there is one", () => {
    const facts = commitmentFacts({ ...base, adjustedDueOn: "2024-09-30" }, "2024-10-10");
    expect(facts).toMatchObject({ effectiveDueOn: "2024-09-30", overdue: true, daysOverdue: 10 });
  });

  it("never counts a commitment that is 已调整 now as overdue", () => {
    expect(commitmentFacts({ ...base, status: "已调整" }, "2025-01-01").overdue).toBe(false);
  });

  it("measures lateness against the date first published, even after an adjustment", () => {
    const facts = commitmentFacts(
      { ...base, status: "已完成", adjustedDueOn: "2024-09-30", completedOn: "2024-08-01" },
      "2024-10-10",
    );
    expect(facts).toMatchObject({ done: true, completedLate: true, daysLate: 32, overdue: false });
  });

  it("says so in words, with the alert on late and overdue commitments", () => {
    const item = (overrides: Partial<Commitment>): Commitment => ({
      ...(items[0] as Commitment),
      ...overrides,
    });
    expect(dueStanding(item({ ...commitmentFacts(base, "2024-07-05") }), "2024-07-05")).toEqual({
      text: "已逾期 5 天，仍未办完",
      alert: true,
    });
    const onTime = commitmentFacts(
      { ...base, status: "已完成", completedOn: "2024-06-30" },
      "2024-07-05",
    );
    expect(
      dueStanding(
        item({
          ...onTime,
          completedOn: "2024-06-30",
          dueOn: "2024-06-30",
          adjustedDueOn: undefined,
        }),
        "2024-07-05",
      ),
    ).toEqual({
      text: "在承诺日期当天办完（按期）",
      alert: false,
    });
  });

  it("makes a completion row that reads the same with any order of items", () => {
    const row = completionRow("全部", "", [...items].reverse());
    expect(row).toEqual(stats.overall);
  });
});

describe("the 民生实事 listing", () => {
  const { listing, rows, counts } = commitmentListingData(register, counties);

  it("makes one row per commitment, and facet counts that add up to the register", () => {
    expect(rows.map((row) => row.id)).toEqual(items.map((item) => item.id));
    for (const facet of listing.facets) {
      const sum = [...(counts.get(facet.key)?.values() ?? [])].reduce((a, b) => a + b, 0);
      expect(sum, facet.key).toBe(items.length);
    }
  });

  it("offers county, status, year, list and level as facets", () => {
    expect(listing.facets.map((facet) => facet.key)).toEqual([
      "county",
      "status",
      "year",
      "list",
      "level",
    ]);
  });

  it("puts every commitment in the filter index once, with the overdue flag where it applies", () => {
    const index = buildFilterIndex(listing, rows);
    expect(index.rows.map((row) => row[0])).toEqual(items.map((item) => item.id));
    const flagged = index.rows.filter((row) => (row[4] & 1) === 1).map((row) => row[0]);
    expect(flagged).toEqual(items.filter((item) => item.overdue).map((item) => item.id));
  });
});
