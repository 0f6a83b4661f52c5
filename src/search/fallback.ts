import type { PagefindResult } from "./pagefind-api.ts";
import { termText, type QueryTerm } from "./query.ts";

/**
 * What the search page offers when no page has every term: the pages that have some of the
 * terms (most terms first, labelled as such), and shorter queries that do find pages, each
 * with its count. Computed from each term's own matches, so it costs no further search.
 */

export interface ShorterQuery {
  /** The query to run, terms separated by spaces. */
  query: string;
  /** How many pages have every one of its terms. */
  count: number;
}

/** Pages with at least one of the terms, those with more of the terms first. */
export function anyTermResults(byTerm: readonly PagefindResult[][]): PagefindResult[] {
  const hits = new Map<string, { result: PagefindResult; terms: number; first: number }>();
  let order = 0;
  for (const results of byTerm) {
    for (const result of results) {
      const known = hits.get(result.id);
      if (known) known.terms++;
      else hits.set(result.id, { result, terms: 1, first: order++ });
    }
  }
  return [...hits.values()]
    .sort((a, b) => b.terms - a.terms || a.first - b.first)
    .map((hit) => hit.result);
}

/** At most this many suggestions: a reader scans a few, not a table. */
export const MAX_SUGGESTIONS = 4;

/**
 * Queries made of fewer of the terms that find at least one page: first those that leave out
 * one term, then shorter ones, each group by count, largest first. Only for two terms or
 * more (a single term has nothing to leave out).
 */
export function shorterQueries(
  terms: readonly QueryTerm[],
  byTerm: readonly PagefindResult[][],
): ShorterQuery[] {
  if (terms.length < 2) return [];
  const ids = byTerm.map((results) => new Set(results.map((result) => result.id)));
  const found: (ShorterQuery & { size: number })[] = [];
  // Every proper, non-empty subset of the terms; queries have a handful of terms at most.
  const limit = Math.min(terms.length, 6);
  for (let mask = 1; mask < (1 << limit) - 1; mask++) {
    const chosen = [...Array(limit).keys()].filter((i) => mask & (1 << i));
    const [head, ...rest] = chosen.map((i) => ids[i] ?? new Set<string>());
    if (!head) continue;
    let count = 0;
    for (const id of head) if (rest.every((set) => set.has(id))) count++;
    if (count === 0) continue;
    const query = chosen.map((i) => (terms[i] ? termText(terms[i]) : "")).join(" ");
    found.push({ query, count, size: chosen.length });
  }
  return found
    .sort((a, b) => b.size - a.size || b.count - a.count)
    .slice(0, MAX_SUGGESTIONS)
    .map(({ query, count }) => ({ query, count }));
}
