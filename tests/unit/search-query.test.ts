import { describe, expect, test } from "vitest";
import { withDateForms } from "../../src/search/dates.ts";
import { fold } from "../../src/search/fold.ts";
import {
  allowsApproximate,
  looseQuery,
  phraseQuery,
  queryTerms,
  stateFromParams,
  stateToParams,
  termsAsFields,
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
    expect(tokensOf("“污水”,处理;2024年")).toEqual(["污水", "处理", "2024年"]);
  });

  test("takes an id or a date as one whole term, so its parts alone do not match", () => {
    expect(queryTerms("SJ-2024-0012", fold)).toEqual([
      { tokens: ["sj20240012"], codes: ["sj20240012"] },
    ]);
    expect(queryTerms("hb-2024-0007 整改", fold).map((term) => term.tokens)).toEqual([
      ["hb20240007"],
      ["整", "改"],
    ]);
  });

  test("finds a date in its other writing too", () => {
    const [iso] = withDateForms(queryTerms("2024-10-06", fold));
    expect(iso?.alternatives).toEqual([["2024", "年", "10", "月", "6", "日"]]);
    const [chinese] = withDateForms(queryTerms("2024年3月", fold));
    expect(chinese?.alternatives).toEqual([["202403"]]);
    expect(withDateForms(queryTerms("HB-2024-0007", fold))[0]?.alternatives).toBeUndefined();
  });

  test("takes a status or a year typed as a word as its field", () => {
    const options = { status: ["整改中", "已整改"], year: ["2024", "2023"] };
    const asked = termsAsFields(queryTerms("五通桥 整改中 2024", fold), {}, options);
    expect(asked.terms.map((term) => term.tokens.join(""))).toEqual(["五通桥"]);
    expect(asked.filters).toEqual({ status: "整改中", year: "2024" });
    // A filter the reader chose stays; the word is then searched as text.
    const kept = termsAsFields(queryTerms("整改中", fold), { status: "已整改" }, options);
    expect(kept.terms).toHaveLength(1);
    expect(kept.filters).toEqual({ status: "已整改" });
  });

  test("offers approximate results only to queries of four characters or more", () => {
    expect(allowsApproximate(queryTerms("黑臭", fold))).toBe(false);
    expect(allowsApproximate(queryTerms("黑臭水体", fold))).toBe(true);
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
