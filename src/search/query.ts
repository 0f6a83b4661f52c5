import { isWordToken, tokenize } from "./tokens.ts";

/**
 * The reader's side of search: what the URL holds, and how a typed query becomes terms.
 * Pure functions, shared by the search page and the tests.
 */

/** The filters a page can carry (`data-pagefind-filter="county:…"`) and the page offers. */
export const FILTER_KEYS = ["register", "county", "status", "year"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const FILTER_LABELS: Record<FilterKey, string> = {
  register: "类别",
  county: "区县",
  status: "状态",
  year: "年份",
};

export const SORT_ORDERS = ["relevance", "newest", "oldest"] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** A search as the URL states it: `/search/?q=五通桥+污水&county=五通桥区&sort=newest`. */
export interface SearchState {
  query: string;
  filters: Partial<Record<FilterKey, string>>;
  sort: SortOrder;
}

export function stateFromParams(params: URLSearchParams): SearchState {
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const sort = params.get("sort");
  return {
    query: params.get("q")?.trim() ?? "",
    filters,
    sort: SORT_ORDERS.find((order) => order === sort) ?? "relevance",
  };
}

export function stateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query !== "") params.set("q", state.query);
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value) params.set(key, value);
  }
  if (state.sort !== "relevance") params.set("sort", state.sort);
  return params;
}

/** True when the state asks for anything (a query or a filter). */
export function isActive(state: SearchState): boolean {
  return state.query !== "" || FILTER_KEYS.some((key) => state.filters[key]);
}

/** One term of a query: found only where its tokens stand together, in this order. */
export interface QueryTerm {
  /** Folded tokens, lower case, as matched against the index. */
  tokens: string[];
  /** Other token sequences that count as this term (synonyms.ts). */
  alternatives?: string[][];
}

/**
 * Cuts a query into terms. Spaces separate terms, as do punctuation marks (a phrase never
 * spans one in the index); each term is folded with `fold` (Traditional to Simplified) and
 * cut into tokens the way the index was. Repeated terms count once.
 */
export function queryTerms(query: string, fold: (text: string) => string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  let run: string[] = [];
  const endTerm = () => {
    const key = run.join(" ");
    if (run.length > 0 && !seen.has(key)) {
      seen.add(key);
      terms.push({ tokens: run });
    }
    run = [];
  };
  for (const piece of query.split(/\s+/u)) {
    for (const token of tokenize(fold(piece))) {
      if (isWordToken(token)) run.push(token.toLowerCase());
      else endTerm();
    }
    endTerm();
  }
  return terms;
}

/** Pagefind's exact-phrase query for one term. */
export function phraseQuery(term: QueryTerm): string {
  return `"${term.tokens.join(" ")}"`;
}

/** The phrase queries that find a term: its own, then one per alternative. */
export function phraseQueries(term: QueryTerm): string[] {
  return [term.tokens, ...(term.alternatives ?? [])].map((tokens) => `"${tokens.join(" ")}"`);
}

/** A term as the reader can read it again (folded, lower case), for suggestions. */
export function termText(term: QueryTerm): string {
  // Within one term, a Latin or digit run always borders a Chinese character, never another
  // run (a space or a mark would have ended the term), so the tokens join without spaces.
  return term.tokens.join("");
}

/** Pagefind's ordinary query for all terms: every token present, anywhere. */
export function looseQuery(terms: readonly QueryTerm[]): string {
  return terms.flatMap((term) => term.tokens).join(" ");
}
