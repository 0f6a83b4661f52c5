import { aliasPositions, isWordToken, tokenSpans } from "./tokens.ts";

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
  /** Other token sequences that count as this term (synonyms.ts, dates.ts). */
  alternatives?: string[][];
  /** The codes (ids, dates) the term holds, as aliases (tokens.ts): an id's page ranks first. */
  codes?: string[];
}

/**
 * Cuts a query into terms. Spaces separate terms, as do punctuation marks (a phrase never
 * spans one in the index); each term is folded with `fold` (Traditional to Simplified) and
 * cut into tokens the way the index was. A code (SJ-2024-0012) counts as one token, its
 * alias, so that it is found as a whole. Repeated terms count once.
 */
export function queryTerms(query: string, fold: (text: string) => string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  let run: string[] = [];
  let codes: string[] = [];
  const endTerm = () => {
    const key = run.join(" ");
    if (run.length > 0 && !seen.has(key)) {
      seen.add(key);
      terms.push(codes.length > 0 ? { tokens: run, codes } : { tokens: run });
    }
    run = [];
    codes = [];
  };
  for (const piece of query.split(/\s+/u)) {
    const tokens = tokenSpans(fold(piece)).map((span) => span.token);
    // A code's parts and joiners give way to its alias.
    const partOfCode = new Set<number>();
    for (const [alias, start] of aliasPositions(tokens)) {
      for (let k = start; k < alias; k++) partOfCode.add(k);
    }
    tokens.forEach((token, i) => {
      if (partOfCode.has(i)) return;
      if (!isWordToken(token)) {
        endTerm();
        return;
      }
      const lower = token.toLowerCase();
      run.push(lower);
      if (i > 0 && partOfCode.has(i - 1)) codes.push(lower);
    });
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

/** Filters a term can stand for when typed as a word: a status, a year. */
export const FIELD_KEYS = ["status", "year"] as const satisfies readonly FilterKey[];

/**
 * A status or a year typed as a term means the field (the item's current status, its year),
 * not every page whose history or text passes through the word: such terms become filters,
 * unless the reader already chose that filter. `options` are the values each filter offers.
 */
export function termsAsFields(
  terms: readonly QueryTerm[],
  filters: SearchState["filters"],
  options: Readonly<Partial<Record<FilterKey, readonly string[]>>>,
): { terms: QueryTerm[]; filters: SearchState["filters"] } {
  const chosen = { ...filters };
  const rest: QueryTerm[] = [];
  for (const term of terms) {
    const text = termText(term);
    const key = FIELD_KEYS.find(
      (candidate) => chosen[candidate] === undefined && options[candidate]?.includes(text),
    );
    if (key === undefined) rest.push(term);
    else chosen[key] = text;
  }
  return { terms: rest, filters: chosen };
}

/** Characters (tokens) below which a query gets no approximate results: they would be noise. */
export const APPROXIMATE_MIN_TOKENS = 4;

/** Whether a query is long enough for approximate (any-order) results to mean something. */
export function allowsApproximate(terms: readonly QueryTerm[]): boolean {
  return terms.reduce((sum, term) => sum + term.tokens.length, 0) >= APPROXIMATE_MIN_TOKENS;
}
