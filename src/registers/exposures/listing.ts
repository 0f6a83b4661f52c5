import type { Region } from "../../data/regions.ts";
import { memoisedListing } from "../listing.ts";
import { timelinessFacet, timelinessSlug } from "../timeliness.ts";
import type { ListRow, RegisterListing, RegisterListingData } from "../listing.ts";
import type { Exposure, ExposureRegister } from "./load.ts";
import { exposureCategories, exposureStatuses } from "./vocabulary.ts";

export const EXPOSURES_BASE = "/exposures/";

/** How the exposure register is listed, filtered and sorted. */
export function exposureListing(
  register: ExposureRegister,
  counties: readonly Region[],
): RegisterListing {
  const years = [...new Set(register.items.map((item) => item.year))].sort((a, b) => b - a);
  return {
    base: EXPOSURES_BASE,
    pageSize: 50,
    indexPath: `${EXPOSURES_BASE}filter-index.json`,
    columns: [
      { kind: "title", label: "问题" },
      { kind: "facet", label: "区县", facet: "county" },
      { kind: "facet", label: "状态", facet: "status" },
      { kind: "date", label: "曝光日期", value: "exposedOn" },
      { kind: "date", label: "整改期限", value: "deadline" },
      { kind: "text", label: "按期情况", value: "timelinessText" },
    ],
    facets: [
      {
        key: "county",
        label: "区县",
        values: counties.map((county) => ({ value: county.code, label: county.name })),
      },
      {
        key: "status",
        label: "状态",
        values: exposureStatuses.terms.map((term) => ({
          value: term.slug,
          label: term.value,
          tone: term.tone,
        })),
      },
      {
        key: "category",
        label: "类别",
        values: exposureCategories.terms.map((term) => ({ value: term.slug, label: term.value })),
      },
      timelinessFacet(),
      {
        key: "year",
        label: "曝光年份",
        values: years.map((year) => ({ value: String(year), label: `${year}年` })),
      },
    ],
    flags: [
      { key: "overdue", label: "只看逾期未整改的问题" },
      { key: "late", label: "只看逾期未整改或超期整改的问题" },
    ],
    sorts: [
      { key: "newest", label: "曝光日期,新的在前", value: "exposedOn", descending: true },
      { key: "oldest", label: "曝光日期,早的在前", value: "exposedOn", descending: false },
      { key: "deadline", label: "整改期限,早的在前", value: "deadline", descending: false },
      {
        key: "overdue",
        label: "逾期或超期天数,多的在前",
        value: "daysPastDeadline",
        descending: true,
      },
    ],
  };
}

export function exposureListRow(item: Exposure): ListRow {
  return {
    id: item.id,
    title: item.title,
    facets: {
      county: item.county.code,
      status: exposureStatuses.get(item.status).slug,
      category: exposureCategories.get(item.category).slug,
      year: String(item.year),
      timeliness: timelinessSlug(item.timeliness.value),
    },
    values: {
      exposedOn: item.exposedOn,
      deadline: item.deadline,
      timelinessText: item.timeliness.text,
      // Days past the deadline, overdue or rectified late; the sort puts the worst first.
      daysPastDeadline:
        item.timeliness.days !== undefined && item.timeliness.days > 0
          ? item.timeliness.days
          : undefined,
    },
    flags: { overdue: item.overdue, late: item.overdue || item.rectifiedLate },
  };
}

export type ExposureListingData = RegisterListingData;

/** The listing, rows and facet counts, made once per loaded register. */
export function exposureListingData(
  register: ExposureRegister,
  counties: readonly Region[],
): ExposureListingData {
  return memoisedListing(register, () => ({
    listing: exposureListing(register, counties),
    rows: register.items.map(exposureListRow),
  }));
}
