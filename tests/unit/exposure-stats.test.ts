import { describe, expect, it } from "vitest";
import { loadDataset, registerData } from "../../src/site/dataset.ts";
import { exposures as exposuresRegister } from "../../src/registers/exposures/index.ts";
import { exposureCategories, exposureStatuses } from "../../src/registers/exposures/vocabulary.ts";
import { deadlineStanding } from "../../src/registers/exposures/describe.ts";
import { exposureListingData } from "../../src/registers/exposures/listing.ts";
import { buildFilterIndex } from "../../src/registers/listing.ts";
import type { Exposure } from "../../src/registers/exposures/load.ts";

const dataset = loadDataset("data");
const { counties, site } = dataset;
const exposures = registerData(dataset, exposuresRegister);
if (!exposures) throw new Error("the demo site runs the exposures section");
const { items, stats } = exposures;

describe("the demo exposure register", () => {
  it("has at least 80 problems from July 2017 to the as-of date", () => {
    expect(items.length).toBeGreaterThanOrEqual(80);
    expect(stats.firstExposedOn?.slice(0, 7)).toBe("2017-07");
    expect((stats.lastExposedOn ?? "") <= site.asOf).toBe(true);
  });

  it("covers every county, category and status", () => {
    expect(new Set(items.map((item) => item.county.code))).toEqual(
      new Set(counties.map((county) => county.code)),
    );
    expect(new Set(items.map((item) => item.category))).toEqual(new Set(exposureCategories.values));
    expect(new Set(items.map((item) => item.status))).toEqual(new Set(exposureStatuses.values));
  });

  it("has overdue, late, deadline-day, no-deadline and due-on-the-as-of-date cases", () => {
    expect(items.filter((item) => item.overdue).length).toBeGreaterThan(0);
    expect(items.filter((item) => item.rectifiedLate).length).toBeGreaterThan(0);
    expect(
      items.some((item) => item.rectifiedOn !== undefined && item.rectifiedOn === item.deadline),
    ).toBe(true);
    expect(items.some((item) => item.deadline === undefined)).toBe(true);
    expect(items.some((item) => item.deadline === site.asOf && !item.rectified)).toBe(true);
  });

  it("gives every problem a timeline of one to six events", () => {
    for (const item of items) {
      expect(item.timeline.length, item.id).toBeGreaterThanOrEqual(1);
      expect(item.timeline.length, item.id).toBeLessThanOrEqual(6);
    }
  });

  it("lists problems newest first", () => {
    const dates = items.map((item) => item.exposedOn);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe("the exposure statistics", () => {
  const rows = [stats.overall, ...stats.byYear, ...stats.byCounty];

  it("split every due problem into on time, late or overdue", () => {
    for (const row of rows) expect(row.onTime + row.late + row.overdue, row.label).toBe(row.due);
  });

  it("add up by year and by county to the whole register", () => {
    const sum = (list: typeof rows, key: "total" | "due" | "onTime") =>
      list.reduce((total, row) => total + row[key], 0);
    for (const key of ["total", "due", "onTime"] as const) {
      expect(sum(stats.byYear, key)).toBe(stats.overall[key]);
      expect(sum(stats.byCounty, key)).toBe(stats.overall[key]);
    }
    expect(stats.countyStatus.reduce((total, row) => total + row.total, 0)).toBe(stats.total);
    expect(Object.values(stats.byStatus).reduce((a, b) => a + b, 0)).toBe(stats.total);
  });

  it("account for every problem left out of the on-time rate", () => {
    expect(
      stats.overall.due + stats.withoutDeadline + stats.withinDeadline + stats.rectifiedNotYetDue,
    ).toBe(stats.total);
  });

  it("compute the rate as on-time over due", () => {
    expect(stats.overall.rate).toBeCloseTo(stats.overall.onTime / stats.overall.due, 10);
  });

  it("list overdue problems most overdue first", () => {
    const days = stats.overdueItems.map((item) => item.daysOverdue ?? 0);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(stats.overdueItems.length).toBe(stats.overall.overdue);
  });
});

describe("the listing and the filter index", () => {
  const { listing, rows, counts } = exposureListingData(exposures, counties);

  it("has one row per problem, in the register's order", () => {
    expect(rows.map((row) => row.id)).toEqual(items.map((item) => item.id));
    expect(buildFilterIndex(listing, rows).rows).toHaveLength(items.length);
  });

  it("counts every problem once per facet", () => {
    for (const facet of listing.facets) {
      const total = [...(counts.get(facet.key)?.values() ?? [])].reduce((a, b) => a + b, 0);
      expect(total, facet.key).toBe(items.length);
    }
  });

  it("is made once per loaded register", () => {
    expect(exposureListingData(exposures, counties)).toBe(exposureListingData(exposures, counties));
  });
});

describe("how a problem's deadline standing is worded", () => {
  const base = items[0] as Exposure;
  const asOf = "2024-06-30";
  const variant = (facts: Partial<Exposure>): Exposure => ({ ...base, ...facts });

  it("states the days overdue, and flags them", () => {
    expect(
      deadlineStanding(variant({ deadline: "2024-06-01", overdue: true, daysOverdue: 29 }), asOf),
    ).toEqual({
      text: "已逾期 29 天,仍未完成整改",
      alert: true,
    });
  });

  it("says a rectification on the deadline day was on time", () => {
    const item = variant({
      deadline: "2024-05-01",
      rectifiedOn: "2024-05-01",
      rectified: true,
      overdue: false,
      rectifiedLate: false,
    });
    expect(deadlineStanding(item, asOf)).toEqual({
      text: "在整改期限当天完成整改(按期)",
      alert: false,
    });
  });

  it("says when the as-of date is the last day allowed", () => {
    const item = variant({
      deadline: asOf,
      rectified: false,
      overdue: false,
      rectifiedLate: false,
    });
    expect(deadlineStanding(item, asOf).text).toBe("数据截至日正是整改期限的最后一天");
  });
});
