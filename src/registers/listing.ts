import type { Tone } from "./vocabulary.ts";

/**
 * How a register is listed: the columns of its table, the facets readers can narrow it by
 * (each with no-JS pages per value, and a select in the JS filter), flags ("overdue only")
 * and sort orders. A register turns each item into a `ListRow` once; the server-rendered
 * pages and the compact JSON index the JS filter fetches are both made from those rows,
 * so the two views cannot disagree.
 *
 * This module has no Node imports: the browser filter imports its types.
 */

export interface FacetValue {
  /** URL token: used in paths (`/county/510302/`) and query strings (`?county=510302`). */
  value: string;
  /** What readers see. */
  label: string;
  /** Statuses carry a tone, and cells of this facet render as a status badge. */
  tone?: Tone;
}

export interface Facet {
  /** Query-string name and path segment, e.g. `county`. */
  key: string;
  /** Label of the select and of the facet's link list, e.g. 区县. */
  label: string;
  /** Values in display order. */
  values: FacetValue[];
}

export interface Flag {
  /** Query-string name, e.g. `overdue`; set as `overdue=1`. */
  key: string;
  /** Checkbox label, e.g. 只看逾期未整改. */
  label: string;
  /** A word shown after the title of every row that has the flag, e.g. 久未更新. */
  marker?: string;
  /** What the marker means, for the list's legend. */
  description?: string;
}

export type ListColumn =
  | { kind: "title"; label: string }
  | { kind: "facet"; label: string; facet: string }
  | { kind: "date"; label: string; value: string }
  | { kind: "days"; label: string; value: string }
  /** A short text from the row's values, e.g. 超期 45 天. */
  | { kind: "text"; label: string; value: string };

export interface ListSort {
  /** Query-string value, e.g. `deadline`. */
  key: string;
  label: string;
  /** The row value to order by. */
  value: string;
  descending: boolean;
}

export interface RegisterListing {
  /** The register's path, with slashes, e.g. `/exposures/`. */
  base: string;
  /** Rows per page, in the no-JS pages and the JS filter alike. */
  pageSize: number;
  columns: ListColumn[];
  facets: Facet[];
  flags: Flag[];
  /** The first sort is the default, and must match the order rows are given in. */
  sorts: [ListSort, ...ListSort[]];
  /** Path of the JSON index the filter fetches, e.g. `/exposures/filter-index.json`. */
  indexPath: string;
}

export type RowValue = string | number | undefined;

/** One item as the list shows it. */
export interface ListRow {
  id: string;
  title: string;
  /** Facet key → the item's value token. */
  facets: Record<string, string>;
  /** Values shown in date/days columns and used for sorting. */
  values: Record<string, RowValue>;
  flags: Record<string, boolean>;
}

export function itemHref(listing: Pick<RegisterListing, "base">, id: string): string {
  return `${listing.base}${encodeURIComponent(id)}/`;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Page 1 is the base path itself; later pages are `<base>page/<n>/`. */
export function pageHref(base: string, page: number): string {
  return page <= 1 ? base : `${base}page/${page}/`;
}

/** The rest parameter that makes `pageHref` in an Astro `[...page].astro` route. */
export function pageParam(page: number): string | undefined {
  return page <= 1 ? undefined : `page/${page}`;
}

/**
 * The page numbers a pager shows: the first, the last, and two either side of the current
 * one, with a gap marker where numbers are skipped. Constant size, so a register with
 * thousands of pages does not make every page's pager walk all of them.
 */
export function pageWindow(current: number, total: number): (number | "gap")[] {
  const candidates = [1, current - 2, current - 1, current, current + 1, current + 2, total];
  const pages = [...new Set(candidates.filter((n) => n >= 1 && n <= total))].sort((a, b) => a - b);
  const shown: (number | "gap")[] = [];
  pages.forEach((n, i) => {
    if (i > 0 && n - (pages[i - 1] ?? 0) > 1) shown.push("gap");
    shown.push(n);
  });
  return shown;
}

export interface ListPage {
  /** 1-based. */
  page: number;
  totalPages: number;
  /** Rows in the whole list this page belongs to. */
  total: number;
  rows: ListRow[];
  /** Path of page 1 of this list. */
  base: string;
}

/** Splits rows into pages; an empty list still has one (empty) page. */
export function paginate(rows: readonly ListRow[], pageSize: number, base: string): ListPage[] {
  const totalPages = pageCount(rows.length, pageSize);
  const pages: ListPage[] = [];
  for (let page = 1; page <= totalPages; page++) {
    pages.push({
      page,
      totalPages,
      total: rows.length,
      rows: rows.slice((page - 1) * pageSize, page * pageSize),
      base,
    });
  }
  return pages;
}

/** Static paths for `<base>[...page].astro`: the whole register, paginated. */
export function listPagePaths(listing: RegisterListing, rows: readonly ListRow[]) {
  return paginate(rows, listing.pageSize, listing.base).map((page) => ({
    params: { page: pageParam(page.page) },
    props: { page },
  }));
}

export function facetBase(
  listing: Pick<RegisterListing, "base">,
  facet: string,
  value: string,
): string {
  return `${listing.base}${facet}/${encodeURIComponent(value)}/`;
}

/**
 * Static paths for `<base><facet>/[value]/[...page].astro`: one paginated list per facet
 * value, every value included (an empty one says so), rows grouped in a single pass.
 */
export function facetPagePaths(
  listing: RegisterListing,
  rows: readonly ListRow[],
  facetKey: string,
) {
  const facet = findFacet(listing, facetKey);
  const groups = new Map<string, ListRow[]>(facet.values.map((value) => [value.value, []]));
  for (const row of rows) {
    const value = row.facets[facetKey];
    const group = value === undefined ? undefined : groups.get(value);
    if (!group) throw new Error(`listing: row ${row.id} has no known ${facetKey} value (${value})`);
    group.push(row);
  }
  return facet.values.flatMap((value) =>
    paginate(
      groups.get(value.value) ?? [],
      listing.pageSize,
      facetBase(listing, facetKey, value.value),
    ).map((page) => ({
      params: { value: value.value, page: pageParam(page.page) },
      props: { page, facet, facetValue: value },
    })),
  );
}

/**
 * Paths for one `[facet]/[value]/[...page]` route serving the pages of several facets, e.g.
 * `/mailbox/county/<code>/` and `/mailbox/topic/<topic>/`: the facet key is the path segment.
 */
export function facetRoutePaths(
  listing: RegisterListing,
  rows: readonly ListRow[],
  facetKeys: readonly string[],
) {
  return facetKeys.flatMap((facetKey) =>
    facetPagePaths(listing, rows, facetKey).map(({ params, props }) => ({
      params: { facet: facetKey, ...params },
      props,
    })),
  );
}

export function findFacet(listing: Pick<RegisterListing, "facets">, key: string): Facet {
  const facet = listing.facets.find((candidate) => candidate.key === key);
  if (!facet) throw new Error(`listing: no facet ${key}`);
  return facet;
}

/** Counts rows per value of a facet, in one pass. */
export function facetCounts(rows: readonly ListRow[], facetKey: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = row.facets[facetKey];
    if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/**
 * The compact index the JS filter fetches on first use: the listing's definitions once,
 * then one short array per item. Facet values are stored as indexes into the facet's
 * values, flags as bits, so 100,000 items stay a few megabytes (less over gzip).
 */
export interface FilterIndex {
  version: 1;
  base: string;
  pageSize: number;
  columns: ListColumn[];
  facets: Facet[];
  flags: Flag[];
  sorts: ListSort[];
  /** Names of the entries of each row's values array. */
  valueKeys: string[];
  /** `[id, title, facet value indexes (facets order), values (valueKeys order), flag bits]`. */
  rows: IndexRow[];
}

export type IndexRow = [string, string, number[], (string | number | null)[], number];

export function buildFilterIndex(listing: RegisterListing, rows: readonly ListRow[]): FilterIndex {
  const valueKeys = [
    ...new Set([
      ...listing.columns.flatMap((column) =>
        column.kind === "date" || column.kind === "days" ? [column.value] : [],
      ),
      ...listing.sorts.map((sort) => sort.value),
    ]),
  ];
  const positions = listing.facets.map(
    (facet) => new Map(facet.values.map((value, index) => [value.value, index])),
  );
  return {
    version: 1,
    base: listing.base,
    pageSize: listing.pageSize,
    columns: listing.columns,
    facets: listing.facets,
    flags: listing.flags,
    sorts: listing.sorts,
    valueKeys,
    rows: rows.map((row) => [
      row.id,
      row.title,
      listing.facets.map((facet, i) => positions[i]?.get(row.facets[facet.key] ?? "") ?? -1),
      valueKeys.map((key) => row.values[key] ?? null),
      listing.flags.reduce((bits, flag, i) => (row.flags[flag.key] ? bits | (1 << i) : bits), 0),
    ]),
  };
}

/** A register's listing with every row and the facet counts, made once per loaded register. */
export interface RegisterListingData {
  listing: RegisterListing;
  /** Every item as a list row, in list order. */
  rows: ListRow[];
  /** Facet key → value → number of items. */
  counts: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

const listingCache = new WeakMap<object, RegisterListingData>();

/**
 * The listing, rows and facet counts for a loaded register (`owner`), built on first use and
 * kept: list pages are many (a 100,000-item register has thousands), so no page may recount
 * the whole register.
 */
export function memoisedListing(
  owner: object,
  build: () => { listing: RegisterListing; rows: ListRow[] },
): RegisterListingData {
  let data = listingCache.get(owner);
  if (!data) {
    const { listing, rows } = build();
    const counts = new Map(
      listing.facets.map((facet) => [facet.key, facetCounts(rows, facet.key)]),
    );
    data = { listing, rows, counts };
    listingCache.set(owner, data);
  }
  return data;
}

/**
 * Rows a statistics page shows of a ranked list of items (the most overdue …): the page says
 * how many there are and links to the whole list, so that it does not grow with the register.
 */
export const STATS_LIST_ROWS = 50;
