import { facetBase } from "./listing.ts";
import type { Facet, Flag, FilterIndex, IndexRow, ListSort, RegisterListing } from "./listing.ts";

/**
 * The JS filter's state and its query string, as pure functions (the custom element only
 * wires them to the DOM). The query string is the state, so a filtered view can be shared:
 * `?county=510302&status=rectified&overdue=1&sort=deadline&page=2`. Unknown names and
 * values are ignored rather than failing, since old or hand-edited links must still open.
 */
export interface FilterState {
  /** Facet key → selected value token; absent means all. */
  facets: Map<string, string>;
  /** Keys of the flags that are on. */
  flags: Set<string>;
  /** A sort key; the first sort is the default. */
  sort: string;
  /** 1-based page of the filtered result. */
  page: number;
}

export interface FilterDefinitions {
  facets: readonly Facet[];
  flags: readonly Flag[];
  sorts: readonly [ListSort, ...ListSort[]] | readonly ListSort[];
}

export function defaultSort(definitions: FilterDefinitions): string {
  return definitions.sorts[0]?.key ?? "";
}

export function readState(params: URLSearchParams, definitions: FilterDefinitions): FilterState {
  const facets = new Map<string, string>();
  for (const facet of definitions.facets) {
    const value = params.get(facet.key);
    if (value !== null && facet.values.some((candidate) => candidate.value === value)) {
      facets.set(facet.key, value);
    }
  }
  const flags = new Set(
    definitions.flags.filter((flag) => params.get(flag.key) === "1").map((flag) => flag.key),
  );
  const requestedSort = params.get("sort");
  const sort = definitions.sorts.some((candidate) => candidate.key === requestedSort)
    ? (requestedSort ?? defaultSort(definitions))
    : defaultSort(definitions);
  const pageText = params.get("page") ?? "1";
  const page = /^[1-9]\d{0,6}$/.test(pageText) ? Number(pageText) : 1;
  return { facets, flags, sort, page };
}

/** The query string for a state, without defaults, in a fixed order (stable links). */
export function writeQuery(state: FilterState, definitions: FilterDefinitions): string {
  const params = new URLSearchParams();
  for (const facet of definitions.facets) {
    const value = state.facets.get(facet.key);
    if (value !== undefined) params.set(facet.key, value);
  }
  for (const flag of definitions.flags) if (state.flags.has(flag.key)) params.set(flag.key, "1");
  if (state.sort !== defaultSort(definitions)) params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}

/** True when the state differs from the unfiltered, default-sorted first page. */
export function isFiltered(state: FilterState, definitions: FilterDefinitions): boolean {
  return writeQuery(state, definitions) !== "";
}

/**
 * The rows matching a state, sorted. Rows arrive in the default order; sorting is stable,
 * and rows without a value for the sort key go last in either direction.
 */
export function applyFilter(index: FilterIndex, state: FilterState): IndexRow[] {
  const wanted = index.facets.map((facet) => {
    const value = state.facets.get(facet.key);
    return value === undefined
      ? -1
      : facet.values.findIndex((candidate) => candidate.value === value);
  });
  let mask = 0;
  index.flags.forEach((flag, i) => {
    if (state.flags.has(flag.key)) mask |= 1 << i;
  });
  const matches = index.rows.filter(
    (row) => (row[4] & mask) === mask && wanted.every((want, i) => want < 0 || row[2][i] === want),
  );
  const sort = index.sorts.find((candidate) => candidate.key === state.sort);
  if (!sort || sort === index.sorts[0]) return matches;
  const position = index.valueKeys.indexOf(sort.value);
  const direction = sort.descending ? -1 : 1;
  return matches
    .map((row, order) => ({ row, order, value: row[3][position] ?? null }))
    .sort((a, b) => {
      if (a.value === b.value) return a.order - b.order;
      if (a.value === null) return 1;
      if (b.value === null) return -1;
      return (a.value < b.value ? -1 : 1) * direction;
    })
    .map((entry) => entry.row);
}

/**
 * The list a count counts: `/<base>/<facet>/<value>/?<facet>=<value>&…`. With JS the filter
 * reads every facet from the query; without JS the reader lands on the first facet's page
 * (e.g. the county's list), the nearest static page to the count.
 */
export function filteredListHref(
  listing: Pick<RegisterListing, "base"> & FilterDefinitions,
  selection: readonly (readonly [string, string])[],
): string {
  const first = selection[0];
  if (first === undefined) return listing.base;
  const state: FilterState = {
    facets: new Map(selection),
    flags: new Set(),
    sort: defaultSort(listing),
    page: 1,
  };
  return `${facetBase(listing, first[0], first[1])}${writeQuery(state, listing)}`;
}
