import { describe, expect, test } from "vitest";
import { fold } from "../../src/search/fold.ts";
import {
  looseQuery,
  phraseQuery,
  queryTerms,
  stateFromParams,
  stateToParams,
} from "../../src/search/query.ts";

const tokensOf = (query: string) => queryTerms(query, fold).map((term) => term.tokens.join(""));

describe("turning a query into terms", () => {
  test("separates terms at spaces, including the full-width space", () => {
    expect(tokensOf("五通桥 污水\u3000黑臭水体")).toEqual(["五通桥", "污水", "黑臭水体"]);
  });

  test("folds Traditional terms to Simplified", () => {
    expect(tokensOf("樂山 環保")).toEqual(["乐山", "环保"]);
  });

  test("separates terms at punctuation and drops quotes", () => {
    expect(tokensOf("“污水”,处理;2024-03")).toEqual(["污水", "处理", "2024", "03"]);
  });

  test("lower-cases Latin letters and counts a repeated term once", () => {
    expect(tokensOf("COD cod ＣＯＤ")).toEqual(["cod"]);
  });

  test("builds one phrase query per term and one query over all characters", () => {
    const terms = queryTerms("五通桥 COD超标", fold);
    expect(terms.map(phraseQuery)).toEqual(['"五 通 桥"', '"cod 超 标"']);
    expect(looseQuery(terms)).toBe("五 通 桥 cod 超 标");
  });

  test("finds no terms in a query of punctuation only", () => {
    expect(queryTerms(" ,。! ", fold)).toEqual([]);
  });
});

describe("keeping a search in the URL", () => {
  test("reads the query, known filters and the sort order", () => {
    const state = stateFromParams(
      new URLSearchParams("q=五通桥+污水&county=五通桥区&colour=red&sort=newest"),
    );
    expect(state).toEqual({
      query: "五通桥 污水",
      filters: { county: "五通桥区" },
      sort: "newest",
    });
  });

  test("falls back to relevance for an unknown sort order", () => {
    expect(stateFromParams(new URLSearchParams("q=x&sort=random")).sort).toBe("relevance");
  });

  test("writes only what is set, so a shared URL stays short", () => {
    const params = stateToParams({
      query: "樂山",
      filters: { year: "2024" },
      sort: "relevance",
    });
    expect(params.toString()).toBe("q=%E6%A8%82%E5%B1%B1&year=2024");
    expect(stateFromParams(params)).toEqual({
      query: "樂山",
      filters: { year: "2024" },
      sort: "relevance",
    });
  });
});
