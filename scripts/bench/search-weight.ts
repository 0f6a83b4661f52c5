import { serveStatic } from "../../tests/e2e/static-server.ts";
import { coldSearch, launch, search, warmPage } from "../search-bench/browser.ts";
import type { Transfer } from "../search-bench/browser.ts";

/**
 * The search page on a built benchmark site, measured with the search benchmark's own
 * browser driver (scripts/search-bench/browser.ts): what a cold first query transfers and
 * how long it takes, and the latency of searches once the page is open. Queries are words
 * the synthetic registers use, so every one finds pages.
 */
export const SEARCH_QUERIES = [
  "污水直排",
  "扬尘",
  "非法采砂",
  "路灯",
  "青石镇",
  "整改",
  "养老",
  "公交班次",
  "垃圾",
  "噪声扰民",
  "入学",
  "河道",
];

/** A query in Traditional characters: the search page loads the converter for it. */
export const TRADITIONAL_QUERY = "夜間施工";

export interface SearchFigures {
  /** The first cold query: everything it transferred. */
  cold: Transfer & { query: string; milliseconds: number; results: number };
  /** A cold visit with a query in Traditional characters. */
  traditional?: Transfer & { query: string; milliseconds: number; results: number };
  /** Cold visits with other queries (a new browser context each). */
  coldMedianMs: number;
  coldMaxGzipBytes: number;
  /** Searches in an open page, index already loaded. */
  warmMedianMs: number;
  warmQueries: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

export async function measureSearch(dist: string, coldVisits = 5): Promise<SearchFigures> {
  const { server, origin } = await serveStatic(dist);
  const browser = await launch();
  try {
    const [firstQuery = "整改", ...others] = SEARCH_QUERIES;
    const first = await coldSearch(browser, origin, firstQuery);
    const colds = [first];
    for (const query of others.slice(0, coldVisits - 1)) {
      colds.push(await coldSearch(browser, origin, query));
    }
    const traditional = await coldSearch(browser, origin, TRADITIONAL_QUERY);
    const page = await warmPage(browser, origin, firstQuery);
    const warm: number[] = [];
    for (const query of SEARCH_QUERIES) warm.push((await search(page, query)).milliseconds);
    return {
      cold: {
        ...first.transfer,
        query: firstQuery,
        milliseconds: first.results.milliseconds,
        results: first.results.exact.length + first.results.approximate,
      },
      traditional: {
        ...traditional.transfer,
        query: TRADITIONAL_QUERY,
        milliseconds: traditional.results.milliseconds,
        results: traditional.results.exact.length + traditional.results.approximate,
      },
      coldMedianMs: median(colds.map((cold) => cold.results.milliseconds)),
      coldMaxGzipBytes: Math.max(...colds.map((cold) => cold.transfer.gzipBytes)),
      warmMedianMs: median(warm),
      warmQueries: warm.length,
    };
  } finally {
    await browser.close();
    server.close();
  }
}
