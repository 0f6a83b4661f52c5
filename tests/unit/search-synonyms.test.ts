import { describe, expect, it } from "vitest";
import type { PagefindResult } from "../../src/search/pagefind-api.ts";
import { anyTermResults, shorterQueries } from "../../src/search/fallback.ts";
import { queryTerms, type QueryTerm } from "../../src/search/query.ts";
import { splitSynonyms, synonymIndex, withSynonyms } from "../../src/search/synonyms.ts";

const same = (text: string) => text;
const cut = (word: string) => queryTerms(word, same).flatMap((term) => term.tokens);
const index = synonymIndex([
  { term: "污染", synonyms: ["污水", "排污"], bothWays: false },
  { term: "噪音", synonyms: ["噪声"], bothWays: true },
]);
const alternatives = (query: string) =>
  withSynonyms(queryTerms(query, same), index, cut).map((term) =>
    (term.alternatives ?? []).map((tokens) => tokens.join("")),
  );

describe("search synonyms", () => {
  it("reads a synonyms cell separated by spaces, 、 or commas", () => {
    expect(splitSynonyms("污水 排污、直排，废水")).toEqual(["污水", "排污", "直排", "废水"]);
  });

  it("lets a term also match its synonyms, one way unless the row says both ways", () => {
    expect(alternatives("污染")).toEqual([["污水", "排污"]]);
    expect(alternatives("污水")).toEqual([[]]);
    expect(alternatives("噪声")).toEqual([["噪音"]]);
  });

  it("replaces a synonym inside a longer term", () => {
    expect(alternatives("河水污染")).toEqual([["河水污水", "河水排污"]]);
  });

  it("gives each term of a query its own alternatives", () => {
    expect(alternatives("沙湾 污染")).toEqual([[], ["污水", "排污"]]);
  });
});

const result = (id: string): PagefindResult => ({
  id,
  score: 1,
  data: async () => ({ url: id, content: "", meta: {}, filters: {} }),
});
const terms = (query: string): QueryTerm[] => queryTerms(query, same);

describe("when no page has every term", () => {
  it("lists the pages with some of the terms, those with more terms first", () => {
    const byTerm = [[result("a"), result("b")], [result("b"), result("c")], [result("c")]];
    expect(anyTermResults(byTerm).map((r) => r.id)).toEqual(["b", "c", "a"]);
  });

  it("suggests shorter queries that find pages, with their counts, longest first", () => {
    const byTerm = [[result("a"), result("b")], [result("b")], []];
    expect(shorterQueries(terms("沙湾 河水 黑臭"), byTerm)).toEqual([
      { query: "沙湾 河水", count: 1 },
      { query: "沙湾", count: 2 },
      { query: "河水", count: 1 },
    ]);
  });

  it("suggests nothing for a single term", () => {
    expect(shorterQueries(terms("黑臭"), [[]])).toEqual([]);
  });
});
