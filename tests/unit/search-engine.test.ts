import { describe, expect, test } from "vitest";
import type { ShardManifest } from "../../src/search/bundle.ts";
import { runSearch } from "../../src/search/engine.ts";
import { fold } from "../../src/search/fold.ts";
import type {
  PagefindModule,
  PagefindResult,
  PagefindSearchOptions,
} from "../../src/search/pagefind-api.ts";
import { queryTerms, type SearchState } from "../../src/search/query.ts";
import { tokenize } from "../../src/search/tokens.ts";

interface FakePage {
  url: string;
  text: string;
  date?: string;
  county?: string;
  shard: number;
}

/**
 * A stand-in for Pagefind's browser module over a few pages, with its behaviours that the
 * engine relies on or works around: a quoted query matches the tokens as a phrase, an
 * unquoted one matches pages with every token anywhere, and results merged from several
 * shards are ordered by each shard's own rank, not by the sort key.
 */
function fakePagefind(pages: FakePage[]): PagefindModule {
  const tokens = new Map(pages.map((page) => [page.url, tokenize(fold(page.text).toLowerCase())]));
  const search = async (term: string | null, options: PagefindSearchOptions = {}) => {
    const phrase = term !== null && /^".+"$/.test(term);
    const words = (term ?? "").replaceAll('"', "").split(" ").filter(Boolean);
    const matches = pages.filter((page) => {
      const has = tokens.get(page.url) ?? [];
      for (const [key, value] of Object.entries(options.filters ?? {})) {
        const own = key === "gs-shard" ? String(page.shard) : key === "county" ? page.county : "";
        if (own !== value) return false;
      }
      if (term === null) return true;
      if (!phrase) return words.every((word) => has.includes(word));
      return has.some((_, i) => words.every((word, j) => has[i + j] === word));
    });
    const direction = options.sort?.["date"];
    const ranked = matches.map((page) => {
      const sameShard = matches.filter((other) => other.shard === page.shard);
      const dated = sameShard.filter((other) => other.date !== undefined);
      dated.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
      if (direction === "desc") dated.reverse();
      const rank = direction ? dated.indexOf(page) : 0;
      return { page, score: direction ? -rank : (tokens.get(page.url)?.length ?? 0) };
    });
    const kept = direction ? ranked.filter(({ page }) => page.date !== undefined) : ranked;
    kept.sort((a, b) => b.score - a.score);
    const results: PagefindResult[] = kept.map(({ page, score }) => ({
      id: page.url,
      score,
      data: async () => ({ url: page.url, content: "", meta: {}, filters: {} }),
    }));
    return { results };
  };
  return {
    options: async () => undefined,
    init: async () => undefined,
    mergeIndex: async () => undefined,
    filters: async () => ({}),
    search,
  };
}

const oneShard: ShardManifest = { pages: 4, sortKey: "date", filter: "gs-shard", bundles: [] };
const threeShards: ShardManifest = {
  ...oneShard,
  bundles: ["/pagefind/shard-1/", "/pagefind/shard-2/"],
};

async function urls(
  pages: FakePage[],
  query: string,
  state: Partial<SearchState> = {},
  shards = oneShard,
) {
  const full: SearchState = { query, filters: {}, sort: "relevance", ...state };
  const outcome = await runSearch(fakePagefind(pages), shards, full, queryTerms(query, fold));
  const ids = (results: PagefindResult[]) => results.map((result) => result.id);
  return { exact: ids(outcome.exact), approximate: ids(outcome.approximate) };
}

const pages: FakePage[] = [
  {
    url: "/a/",
    text: "五通桥区污水处理厂超标排放",
    date: "2024-05-01",
    county: "五通桥区",
    shard: 0,
  },
  {
    url: "/b/",
    text: "沙湾区河道有污水,五通桥方向",
    date: "2023-01-01",
    county: "沙湾区",
    shard: 1,
  },
  { url: "/c/", text: "樂山市環保局回覆污水問題", date: "2022-06-01", county: "市中区", shard: 2 },
  { url: "/d/", text: "水污染防治条例解读", shard: 2 },
];

describe("running a search", () => {
  test("finds only pages where every term stands as written", async () => {
    const found = await urls(pages, "五通桥 污水");
    expect(found.exact.sort()).toEqual(["/a/", "/b/"]);
    expect(found.approximate).toEqual([]);
  });

  test("finds a Traditional page with a Simplified query and the reverse", async () => {
    expect((await urls(pages, "乐山 环保")).exact).toEqual(["/c/"]);
    expect((await urls(pages, "五通橋")).exact.sort()).toEqual(["/a/", "/b/"]);
  });

  test("offers approximate results, apart, when no page has the terms as written", async () => {
    expect(await urls(pages, "污水防治")).toEqual({ exact: [], approximate: ["/d/"] });
    expect(await urls(pages, "核电站")).toEqual({ exact: [], approximate: [] });
  });

  test("narrows to a filter", async () => {
    expect((await urls(pages, "污水", { filters: { county: "沙湾区" } })).exact).toEqual(["/b/"]);
  });

  test("browses by filter alone when there is no query", async () => {
    expect((await urls(pages, "", { filters: { county: "市中区" } })).exact).toEqual(["/c/"]);
    expect((await urls(pages, "")).exact).toEqual([]);
  });

  test("browses by filter in date order, undated pages last", async () => {
    const browse = await urls(pages, "", { filters: { county: "市中区" }, sort: "oldest" });
    expect(browse.exact).toEqual(["/c/"]);
    const all = [...pages, { url: "/e/", text: "无日期", county: "市中区", shard: 2 }];
    const withUndated = await urls(all, "", { filters: { county: "市中区" }, sort: "newest" });
    expect(withUndated.exact).toEqual(["/c/", "/e/"]);
  });

  test("sorts by date across shards, undated pages last", async () => {
    const newest = await urls(pages, "水", { sort: "newest" }, threeShards);
    expect(newest.exact).toEqual(["/a/", "/b/", "/c/", "/d/"]);
    const oldest = await urls(pages, "水", { sort: "oldest" }, threeShards);
    expect(oldest.exact).toEqual(["/c/", "/b/", "/a/", "/d/"]);
  });
});
