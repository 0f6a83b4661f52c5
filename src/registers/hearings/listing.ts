import type { Region } from "../../data/regions.ts";
import { memoisedListing } from "../listing.ts";
import { timelinessFacet, timelinessSlug } from "../timeliness.ts";
import type { ListRow, RegisterListing, RegisterListingData } from "../listing.ts";
import type { HearingRegister } from "./load.ts";
import type { HearingProblem } from "./model.ts";
import { hearingProblemStatuses } from "./vocabulary.ts";

/** The register's root: the list of episodes. */
export const HEARINGS_BASE = "/hearings/";
/** Problems raised on the programme, each with its page under here. */
export const HEARING_PROBLEMS_BASE = "/hearings/problems/";

export function hearingPath(id: string): string {
  return `${HEARINGS_BASE}${encodeURIComponent(id)}/`;
}

export function hearingProblemPath(id: string): string {
  return `${HEARING_PROBLEMS_BASE}${encodeURIComponent(id)}/`;
}

/** How the problems are listed, filtered and sorted. */
export function hearingProblemListing(
  register: HearingRegister,
  counties: readonly Region[],
): RegisterListing {
  return {
    base: HEARING_PROBLEMS_BASE,
    pageSize: 50,
    indexPath: `${HEARING_PROBLEMS_BASE}filter-index.json`,
    columns: [
      { kind: "title", label: "问题" },
      { kind: "facet", label: "节目", facet: "hearing" },
      { kind: "facet", label: "区县", facet: "county" },
      { kind: "facet", label: "状态", facet: "status" },
      { kind: "date", label: "承诺期限", value: "deadline" },
      { kind: "text", label: "按期情况", value: "timelinessText" },
      { kind: "days", label: "问责人数", value: "accountable" },
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
        values: hearingProblemStatuses.terms.map((term) => ({
          value: term.slug,
          label: term.value,
          tone: term.tone,
        })),
      },
      timelinessFacet(),
      {
        key: "hearing",
        label: "节目",
        values: register.hearings.map((hearing) => ({
          value: hearing.id,
          label: `第 ${hearing.number} 期`,
        })),
      },
    ],
    flags: [
      { key: "overdue", label: "只看逾期未整改的问题" },
      { key: "late", label: "只看逾期未整改或超期整改的问题" },
      { key: "accountability", label: "只看有人被问责的问题" },
    ],
    sorts: [
      { key: "newest", label: "节目日期，新的在前", value: "airedOn", descending: true },
      { key: "deadline", label: "承诺期限，早的在前", value: "deadline", descending: false },
      {
        key: "overdue",
        label: "逾期或超期天数，多的在前",
        value: "daysPastDeadline",
        descending: true,
      },
      { key: "accountable", label: "问责人数，多的在前", value: "accountable", descending: true },
    ],
  };
}

export function hearingProblemListRow(problem: HearingProblem): ListRow {
  return {
    id: problem.id,
    title: problem.title,
    facets: {
      county: problem.county.code,
      status: hearingProblemStatuses.get(problem.status).slug,
      hearing: problem.hearingId,
      timeliness: timelinessSlug(problem.timeliness.value),
    },
    values: {
      airedOn: problem.airedOn,
      deadline: problem.deadline,
      timelinessText: problem.timeliness.text,
      // Days past the deadline, overdue or rectified late; the sort puts the worst first.
      daysPastDeadline:
        problem.timeliness.days !== undefined && problem.timeliness.days > 0
          ? problem.timeliness.days
          : undefined,
      accountable: problem.accountableTotal,
    },
    flags: {
      overdue: problem.overdue,
      late: problem.overdue || problem.rectifiedLate,
      accountability: problem.accountableTotal > 0,
    },
  };
}

/** The listing, rows and facet counts, made once per loaded register. */
export function hearingListingData(
  register: HearingRegister,
  counties: readonly Region[],
): RegisterListingData {
  return memoisedListing(register, () => ({
    listing: hearingProblemListing(register, counties),
    rows: register.problems.map(hearingProblemListRow),
  }));
}
