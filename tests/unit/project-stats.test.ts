import { describe, expect, it } from "vitest";
import { checkChartSpec } from "../../src/components/chart/spec.ts";
import { buildFilterIndex } from "../../src/registers/listing.ts";
import {
  cumulativeInvestmentChart,
  progressByCategoryChart,
} from "../../src/registers/projects/charts.ts";
import { plannedShare } from "../../src/registers/projects/derive.ts";
import { formatInvestment, toYi } from "../../src/registers/projects/describe.ts";
import { projects } from "../../src/registers/projects/index.ts";
import { quarterEnds } from "../../src/registers/projects/stats.ts";
import { projectCategories, projectStatuses } from "../../src/registers/projects/vocabulary.ts";
import { loadDataset, registerData } from "../../src/site/dataset.ts";

const dataset = loadDataset("data");
const register = registerData(dataset, projects);
if (!register) throw new Error("the demo site runs the projects section");
const { items, stats } = register;
const { asOf } = dataset.site;

describe("the straight-line plan", () => {
  const plan = { plannedStartOn: "2024-01-01", plannedFinishOn: "2024-01-10" };

  it("is 0 before the planned start, k/N on day k, and complete from the finish day", () => {
    expect(plannedShare(plan, "2023-12-31")).toBe(0);
    expect(plannedShare(plan, "2024-01-01")).toBeCloseTo(0.1, 12);
    expect(plannedShare(plan, "2024-01-05")).toBeCloseTo(0.5, 12);
    expect(plannedShare(plan, "2024-01-10")).toBe(1);
    expect(plannedShare(plan, "2025-06-01")).toBe(1);
  });

  it("splits a plan across years so the years add up to the whole", () => {
    const acrossYears = { plannedStartOn: "2023-07-01", plannedFinishOn: "2025-06-30" };
    const shares = [2023, 2024, 2025].map(
      (year) =>
        plannedShare(acrossYears, `${year}-12-31`) - plannedShare(acrossYears, `${year - 1}-12-31`),
    );
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(shares[1]).toBeCloseTo(366 / 731, 12);
  });

  it("plots quarter ends from the first listing, then the as-of date", () => {
    expect(quarterEnds("2024-02-10", "2024-10-31")).toEqual([
      "2024-03-31",
      "2024-06-30",
      "2024-09-30",
      "2024-10-31",
    ]);
    expect(quarterEnds("2024-02-10", "2024-09-30").at(-1)).toBe("2024-09-30");
    expect(quarterEnds("2024-02-10", "2024-09-30")).toHaveLength(3);
  });
});

describe("money as readers see it", () => {
  it("writes 万元 below 1 亿元 and 亿元 with two decimals from there", () => {
    expect(formatInvestment(8600)).toBe("8,600 万元");
    expect(formatInvestment(9999.6)).toBe("10,000 万元");
    expect(formatInvestment(5_100_000)).toBe("510.00 亿元");
    expect(formatInvestment(12_000)).toBe("1.20 亿元");
    expect(formatInvestment(123_456)).toBe("12.35 亿元");
    expect(toYi(5_000)).toBe(0.5);
    expect(toYi(12_345)).toBe(1.23);
  });
});

describe("the demo project register", () => {
  it("has at least 60 projects in every county, category and status", () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(new Set(items.map((item) => item.county.code))).toEqual(
      new Set(dataset.counties.map((county) => county.code)),
    );
    expect(new Set(items.map((item) => item.category))).toEqual(new Set(projectCategories.values));
    expect(new Set(items.map((item) => item.status))).toEqual(new Set(projectStatuses.values));
  });

  it("gives every project its own name, shortfall and scope", () => {
    for (const field of ["name", "shortfall", "scope"] as const) {
      expect(new Set(items.map((item) => item[field])).size, field).toBe(items.length);
    }
  });

  it("never repeats a wording in two consecutive updates of one project", () => {
    for (const item of items) {
      item.timeline.forEach((event, i) => {
        const previous = item.timeline[i - 1];
        if (previous) expect(event.summary, `${item.id} ${event.date}`).not.toBe(previous.summary);
      });
    }
  });

  it("has projects behind schedule, overdue, paused, resumed, ended and over their total", () => {
    expect(stats.behindItems.length).toBeGreaterThan(0);
    expect(stats.overdueItems.length).toBeGreaterThan(0);
    expect(stats.overrunItems.every((item) => item.overrunReason !== undefined)).toBe(true);
    expect(stats.overrunItems.length).toBeGreaterThan(0);
    expect(items.some((item) => item.timeline.some((event) => event.kind === "恢复"))).toBe(true);
  });

  it("lists projects newest listed first, each exactly once", () => {
    const dates = items.map((item) => item.listedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    const { rows, listing } = projects.typed.listing(register, dataset);
    expect(rows.map((row) => row.id)).toEqual(items.map((item) => item.id));
    expect(buildFilterIndex(listing, rows).rows).toHaveLength(items.length);
  });
});

describe("the project statistics", () => {
  const { overall } = stats;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

  it("add up by county and by category to every project in the plan", () => {
    for (const groups of [stats.byCounty, stats.byCategory]) {
      expect(sum(groups.map((row) => row.count))).toBe(overall.count);
      expect(sum(groups.map((row) => row.behind))).toBe(overall.behind);
      expect(sum(groups.map((row) => row.completedToDate))).toBe(overall.completedToDate);
      expect(sum(groups.map((row) => row.plannedToDate))).toBeCloseTo(overall.plannedToDate, 6);
    }
    expect(overall.count + stats.terminated.count).toBe(stats.total);
  });

  it("add up by year to what is planned and completed by the as-of date", () => {
    expect(sum(stats.byYear.map((row) => row.planned))).toBeCloseTo(overall.plannedToDate, 6);
    expect(sum(stats.byYear.map((row) => row.completed))).toBe(overall.completedToDate);
    expect(stats.byYear.at(-1)).toMatchObject({ year: Number(asOf.slice(0, 4)), partial: true });
  });

  it("end the cumulative series at the as-of date with the overall figures", () => {
    expect(stats.cumulative.at(-1)).toEqual({
      on: asOf,
      planned: overall.plannedToDate,
      completed: overall.completedToDate,
    });
    const completed = stats.cumulative.map((point) => point.completed);
    expect(completed).toEqual([...completed].sort((a, b) => a - b));
  });

  it("call behind exactly the projects in the plan whose progress is below the line", () => {
    for (const item of items) {
      expect(item.behind, item.id).toBe(item.inPlan && item.progress < item.plannedProgress);
    }
    const gaps = stats.behindItems.map((item) => item.behindBy ?? 0);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
  });

  it("draw charts whose tables hold the figures the stats report", () => {
    const cumulative = checkChartSpec(cumulativeInvestmentChart(stats, asOf));
    expect(cumulative.categories.at(-1)?.key).toBe(asOf);
    expect(cumulative.series[1]?.values.at(-1)).toBe(toYi(overall.completedToDate));
    const byCategory = checkChartSpec(progressByCategoryChart(stats));
    expect(byCategory.categories.map((category) => category.label)).toEqual(
      stats.byCategory.filter((row) => row.count > 0).map((row) => row.label),
    );
  });
});
