import { describe, expect, test } from "vitest";
import {
  aliasPositions,
  BLOCK_BREAK,
  isWordToken,
  tokenize,
  tokenSpans,
} from "../../src/search/tokens.ts";

describe("cutting text into index tokens", () => {
  test("makes every Chinese character its own token", () => {
    expect(tokenize("五通桥区")).toEqual(["五", "通", "桥", "区"]);
  });

  test("keeps runs of Latin letters and digits together", () => {
    expect(tokenize("COD超标2024年")).toEqual(["COD", "超", "标", "2024", "年"]);
  });

  test("makes each punctuation mark a token, so phrases stop at it", () => {
    expect(tokenize("污水,处理。PM2.5")).toEqual([
      "污",
      "水",
      ",",
      "处",
      "理",
      "。",
      "PM2",
      ".",
      "5",
      "pm25",
    ]);
  });

  test("follows a code with its parts joined, one token a query for the code matches", () => {
    expect(tokenize("编号SJ-2024-0012号")).toEqual([
      "编",
      "号",
      "SJ",
      "-",
      "2024",
      "-",
      "0012",
      "sj20240012",
      "号",
    ]);
    expect(tokenize("2024-03-05")).toEqual(["2024", "-", "03", "-", "05", "20240305"]);
    // Words joined by a hyphen without a digit, or spaced apart, are not codes.
    expect(tokenize("a-b")).toEqual(["a", "-", "b"]);
    expect(tokenize("SJ - 2024")).toEqual(["SJ", "-", "2024"]);
  });

  test("finds the aliases in stored tokens, with where their code starts", () => {
    expect([...aliasPositions(tokenize("见HB-2020-0005。"))]).toEqual([[6, 1]]);
    expect([...aliasPositions(["a", "-", "b", "ab1"])]).toEqual([]);
  });

  test("marks a line break between blocks, and only between them", () => {
    expect(tokenize("\n区县\n\n夹江县\n")).toEqual(["区", "县", BLOCK_BREAK, "夹", "江", "县"]);
  });

  test("records where each token lies in code points", () => {
    expect(tokenSpans("𠮷a b")).toEqual([
      { token: "𠮷", start: 0, end: 1 },
      { token: "a", start: 1, end: 2 },
      { token: "b", start: 3, end: 4 },
    ]);
  });

  test("tells word tokens from punctuation and breaks", () => {
    expect(["区", "COD", "2024", ",", "。", BLOCK_BREAK].map(isWordToken)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
