import type { Region } from "../../data/regions.ts";
import { memoisedListing } from "../listing.ts";
import type { ListRow, RegisterListing, RegisterListingData } from "../listing.ts";
import type { CommitmentRegister } from "./load.ts";
import type { Commitment } from "./model.ts";
import { commitmentLevels, commitmentLists, commitmentStatuses } from "./vocabulary.ts";

export const COMMITMENTS_BASE = "/commitments/";

/** How the 民生实事 register is listed, filtered and sorted. */
export function commitmentListing(
  register: CommitmentRegister,
  counties: readonly Region[],
): RegisterListing {
  const years = [...new Set(register.items.map((item) => item.year))].sort((a, b) => b - a);
  return {
    base: COMMITMENTS_BASE,
    pageSize: 50,
    indexPath: `${COMMITMENTS_BASE}filter-index.json`,
    columns: [
      { kind: "title", label: "事项" },
      { kind: "facet", label: "区县", facet: "county" },
      { kind: "facet", label: "层级", facet: "level" },
      { kind: "facet", label: "状态", facet: "status" },
      { kind: "date", label: "承诺完成日期", value: "dueOn" },
      { kind: "days", label: "逾期天数", value: "daysOverdue" },
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
        values: commitmentStatuses.terms.map((term) => ({
          value: term.slug,
          label: term.value,
          tone: term.tone,
        })),
      },
      {
        key: "year",
        label: "清单年度",
        values: years.map((year) => ({ value: String(year), label: `${year}年` })),
      },
      {
        key: "list",
        label: "清单",
        values: commitmentLists.terms.map((term) => ({ value: term.slug, label: term.value })),
      },
      {
        key: "level",
        label: "层级",
        values: commitmentLevels.terms.map((term) => ({ value: term.slug, label: term.value })),
      },
    ],
    flags: [{ key: "overdue", label: "只看逾期未完成的事项" }],
    sorts: [
      { key: "newest", label: "列入日期，新的在前", value: "listedOn", descending: true },
      { key: "oldest", label: "列入日期，早的在前", value: "listedOn", descending: false },
      { key: "due", label: "承诺完成日期，早的在前", value: "dueOn", descending: false },
      { key: "overdue", label: "逾期天数，多的在前", value: "daysOverdue", descending: true },
    ],
  };
}

export function commitmentListRow(item: Commitment): ListRow {
  return {
    id: item.id,
    title: item.title,
    facets: {
      county: item.county.code,
      status: commitmentStatuses.get(item.status).slug,
      year: String(item.year),
      list: commitmentLists.get(item.list).slug,
      level: commitmentLevels.get(item.level).slug,
    },
    // The list shows the date that applies now; the item page shows both when adjusted.
    values: {
      listedOn: item.listedOn,
      dueOn: item.effectiveDueOn,
      daysOverdue: item.daysOverdue,
    },
    flags: { overdue: item.overdue },
  };
}

/**
 * The listing, rows and facet counts, made once per loaded register (the kit memoises them):
 * list pages are many, so no page may recount the whole register.
 */
export function commitmentListingData(
  register: CommitmentRegister,
  counties: readonly Region[],
): RegisterListingData {
  return memoisedListing(register, () => ({
    listing: commitmentListing(register, counties),
    rows: register.items.map(commitmentListRow),
  }));
}
