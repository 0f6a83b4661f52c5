import type { ShardManifest } from "./bundle.ts";
import type {
  PagefindFilterValue,
  PagefindModule,
  PagefindResult,
  PagefindSearchOptions,
} from "./pagefind-api.ts";
import {
  FILTER_KEYS,
  looseQuery,
  phraseQueries,
  type QueryTerm,
  type SearchState,
} from "./query.ts";

/**
 * How a query runs against the index. Every term must be found as written: each term is
 * its own exact-phrase search (Pagefind answers one phrase per query), and a page is an
 * exact result only if every term's search found it. Ordering comes from Pagefind's
 * ordinary search over all the terms' characters, which ranks by relevance or sorts by
 * date. When no page has every term as written, the pages that have all the characters
 * (in any order) are returned as approximate results, for the page to label as such.
 */

export interface SearchOutcome {
  exact: PagefindResult[];
  /** Only when there is no exact result: pages with all the characters, not the terms. */
  approximate: PagefindResult[];
  /** Each term's own matches (the term or one of its synonyms), for fallback.ts. */
  byTerm: PagefindResult[][];
}

/** The pages that have a term as written or one of its alternatives, first-found first. */
async function termMatches(
  pagefind: PagefindModule,
  term: QueryTerm,
  filters: Record<string, PagefindFilterValue>,
): Promise<PagefindResult[]> {
  const lists = await Promise.all(
    phraseQueries(term).map(async (query) => (await pagefind.search(query, { filters })).results),
  );
  const seen = new Set<string>();
  return lists.flat().filter((result) => {
    if (seen.has(result.id)) return false;
    seen.add(result.id);
    return true;
  });
}

function pagefindFilters(state: SearchState): Record<string, PagefindFilterValue> {
  const filters: Record<string, PagefindFilterValue> = {};
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value) filters[key] = value;
  }
  return filters;
}

/**
 * Results in the order the reader asked for. A date sort across shards searches one shard
 * at a time, newest shard first (or last, for oldest first), because shards hold
 * consecutive date ranges and Pagefind's merge would interleave them by rank. Pagefind's
 * sort leaves out pages without a date; they follow, in relevance order.
 */
async function ordered(
  pagefind: PagefindModule,
  shards: ShardManifest,
  term: string | null,
  state: SearchState,
): Promise<PagefindResult[]> {
  const filters = pagefindFilters(state);
  const all = pagefind.search(term, { filters });
  if (state.sort === "relevance") return (await all).results;
  const options: PagefindSearchOptions = {
    filters,
    sort: { [shards.sortKey]: state.sort === "newest" ? "desc" : "asc" },
  };
  const order = Array.from({ length: shards.bundles.length + 1 }, (_, k) => k);
  if (state.sort === "oldest") order.reverse();
  const perShard = await Promise.all(
    order.map(
      async (k) =>
        (
          await pagefind.search(
            term,
            shards.bundles.length === 0
              ? options
              : { ...options, filters: { ...filters, [shards.filter]: String(k) } },
          )
        ).results,
    ),
  );
  const dated = perShard.flat();
  const placed = new Set(dated.map((result) => result.id));
  return [...dated, ...(await all).results.filter((result) => !placed.has(result.id))];
}

/** Results looked at for a page whose id a code of the query is: a code finds few pages. */
const ID_LOOKAHEAD = 20;

/** The last path segment of a URL as a code alias: `/exposures/HB-2024-0007/` → `hb20240007`. */
export function urlAlias(url: string): string {
  const segment = url.split("/").filter(Boolean).pop() ?? "";
  return decodeURIComponent(segment)
    .replace(/[-/._]/gu, "")
    .toLowerCase();
}

/**
 * Moves the page whose id is a code of the query (an item page's URL ends in its id) to the
 * front, so that an id query shows the item itself first, then the pages that mention it.
 */
export async function idsFirst(
  results: readonly PagefindResult[],
  terms: readonly QueryTerm[],
): Promise<PagefindResult[]> {
  const codes = new Set(terms.flatMap((term) => term.codes ?? []));
  if (codes.size === 0) return [...results];
  const head = results.slice(0, ID_LOOKAHEAD);
  const urls = await Promise.all(head.map(async (result) => (await result.data()).url));
  const own = head.filter((_, i) => codes.has(urlAlias(urls[i] ?? "")));
  return [...own, ...results.filter((result) => !own.includes(result))];
}

export async function runSearch(
  pagefind: PagefindModule,
  shards: ShardManifest,
  state: SearchState,
  terms: readonly QueryTerm[],
): Promise<SearchOutcome> {
  if (terms.length === 0) {
    // Browsing by filters alone: every page that carries them.
    const hasFilter = Object.keys(pagefindFilters(state)).length > 0;
    const exact = hasFilter ? await ordered(pagefind, shards, null, state) : [];
    return { exact, approximate: [], byTerm: [] };
  }
  const filters = pagefindFilters(state);
  const [ranked, ...phrases] = await Promise.all([
    ordered(pagefind, shards, looseQuery(terms), state),
    ...terms.map((term) => termMatches(pagefind, term, filters)),
  ]);
  const [first = [], ...others] = phrases;
  const otherIds = others.map((results) => new Set(results.map((result) => result.id)));
  const exactIds = new Set(
    first.map((result) => result.id).filter((id) => otherIds.every((ids) => ids.has(id))),
  );
  const exact = (ranked ?? []).filter((result) => exactIds.has(result.id));
  // Every exact result has all the characters, so the ordinary search should hold them
  // all; should it ever miss one, the result still counts, after the ordered ones.
  const placed = new Set(exact.map((result) => result.id));
  exact.push(...first.filter((result) => exactIds.has(result.id) && !placed.has(result.id)));
  const approximate = exact.length === 0 ? (ranked ?? []) : [];
  return { exact: await idsFirst(exact, terms), approximate, byTerm: [first, ...others] };
}
