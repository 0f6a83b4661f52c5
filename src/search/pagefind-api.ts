/**
 * The part of Pagefind's browser API (`/pagefind/pagefind.js`) that Gongshi uses, typed
 * from https://pagefind.app/docs/api/ and checked against Pagefind 1.6. The module is
 * generated at build time, so it cannot be imported statically.
 */

export type PagefindFilterValue = string | readonly string[] | { any: readonly string[] };

export interface PagefindSearchOptions {
  filters?: Record<string, PagefindFilterValue>;
  sort?: Record<string, "asc" | "desc">;
}

export interface PagefindResultData {
  url: string;
  /** The indexed content (for Gongshi: the folded, tokenised copy). */
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearchResponse {
  results: PagefindResult[];
}

/** Counts per value per filter key. */
export type PagefindFilterCounts = Record<string, Record<string, number>>;

export interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(bundlePath: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearchResponse>;
  filters(): Promise<PagefindFilterCounts>;
}
