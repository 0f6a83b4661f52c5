import type { SiteConfig } from "../data/site-config.ts";
import type { IsoDate } from "../data/dates.ts";
import type { Region } from "../data/regions.ts";
import { describedColumns } from "../data/tables.ts";
import type { PublishedTable, TemporalCoverage } from "./published-table.ts";

/**
 * What a dataset covers, read from its records and column specs, so any published table
 * gets it without saying anything: when (its date columns), where (its region columns) and
 * the latest day it records. Dates come from the data, never from the build's clock.
 */
export interface DatasetCoverage {
  /** Earliest recorded day to the data's as-of date; undefined for a table with no dates. */
  temporal: TemporalCoverage | undefined;
  /**
   * The latest day the records name (planned days such as deadlines excepted), or the as-of
   * date for a table without dates: the dataset's `dateModified`.
   */
  modified: IsoDate;
  /** Regions the records name, in the order of regions.csv. */
  regions: Region[];
}

/**
 * What the catalogue needs to know of the site: its configuration and its regions (the
 * site's dataset has them; nothing here needs more).
 */
export interface CatalogueSite {
  site: SiteConfig;
  /** The jurisdiction's own row of regions.csv. */
  jurisdiction: Region;
  /** County-level divisions in the editors' order. */
  counties: readonly Region[];
  regionsByCode: ReadonlyMap<string, Region>;
}

const cache = new WeakMap<PublishedTable, DatasetCoverage>();

export function datasetCoverage(dataset: CatalogueSite, table: PublishedTable): DatasetCoverage {
  const cached = cache.get(table);
  if (cached) return cached;
  const { asOf } = dataset.site;
  const columns = describedColumns(table.spec);
  // A planned date (a deadline) may lie after the as-of date: it says nothing of when.
  const dateColumns = columns
    .filter(([, column]) => column.kind === "date" && !column.plannedDate)
    .map(([name]) => name);
  const regionColumns = columns
    .filter(([, column]) => column.kind === "region")
    .map(([name]) => name);
  let earliest: IsoDate | undefined;
  let latest: IsoDate | undefined;
  const named = new Set<string>();
  for (const record of table.records) {
    for (const name of dateColumns) {
      const value = record[name];
      if (typeof value !== "string") continue;
      if (earliest === undefined || value < earliest) earliest = value;
      if (latest === undefined || value > latest) latest = value;
    }
    for (const name of regionColumns) {
      const value = record[name];
      if (typeof value === "string") named.add(value);
    }
  }
  const coverage: DatasetCoverage = {
    temporal:
      table.temporalCoverage ??
      (earliest === undefined ? undefined : { start: earliest, end: asOf }),
    modified: latest === undefined || latest > asOf ? asOf : latest,
    // A township (乡, below GB/T 2260) is covered through its county, which has a code.
    regions: [...dataset.regionsByCode.values()].filter(
      (region) =>
        region.level !== "乡" &&
        (named.has(region.code) ||
          [...named].some((code) => {
            const named = dataset.regionsByCode.get(code);
            return named?.level === "乡" && named.parent === region.code;
          })),
    ),
  };
  cache.set(table, coverage);
  return coverage;
}

/** The span of several datasets: earliest start to latest end. */
export function combinedCoverage(
  spans: readonly (TemporalCoverage | undefined)[],
): TemporalCoverage | undefined {
  let combined: TemporalCoverage | undefined;
  for (const span of spans) {
    if (!span) continue;
    combined = combined
      ? {
          start: span.start < combined.start ? span.start : combined.start,
          end: span.end > combined.end ? span.end : combined.end,
        }
      : { ...span };
  }
  return combined;
}

/** The latest `modified` of several datasets; the as-of date when there are none. */
export function latestModified(coverages: readonly DatasetCoverage[], asOf: IsoDate): IsoDate {
  let latest: IsoDate | undefined;
  for (const coverage of coverages) {
    if (latest === undefined || coverage.modified > latest) latest = coverage.modified;
  }
  return latest ?? asOf;
}
