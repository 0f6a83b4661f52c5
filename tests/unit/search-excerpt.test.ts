import { describe, expect, test } from "vitest";
import {
  buildExcerpt,
  buildSnippet,
  contentTokens,
  displayTitle,
  displayTokens,
  type ExcerptPart,
} from "../../src/search/excerpt.ts";
import { fold } from "../../src/search/fold.ts";
import { queryTerms } from "../../src/search/query.ts";
import { tokenize } from "../../src/search/tokens.ts";

/** The content Pagefind stores for a text: the indexer's tokens, with Pagefind's own
 * zero-width spaces after each segmented word. */
const stored = (text: string) => tokenize(fold(text)).join(" \u200B");
const render = (parts: ExcerptPart[]) =>
  parts.map((part) => (part.marked ? `[${part.text}]` : part.text)).join("");

function snippet(text: string, query: string) {
  const folded = contentTokens(stored(text));
  return render(buildSnippet(folded, folded, queryTerms(query, fold), true));
}

function excerpt(text: string, query: string, exact = true, original?: string) {
  const folded = contentTokens(stored(text));
  const shown = displayTokens(folded, original, fold);
  return render(buildExcerpt(folded, shown, queryTerms(query, fold), exact));
}

describe("result excerpts", () => {
  test("show the text without the index's spaces, with each term marked", () => {
    expect(excerpt("五通桥区某污水处理厂出水超标。", "污水 五通桥")).toBe(
      "[五通桥]区某[污水]处理厂出水超标。",
    );
  });

  test("show a Traditional page in its own characters though matched in Simplified", () => {
    const original = "樂山市環保局回覆:污水已整改。";
    expect(excerpt(original, "乐山 环保", true, original)).toBe(
      "[樂山]市[環保]局回覆:污水已整改。",
    );
  });

  test("keep spaces between Latin words and none around Chinese", () => {
    expect(excerpt("监测 COD 浓度 达到 GB 3838 标准", "cod")).toBe("监测[COD]浓度达到GB 3838标准");
  });

  test("show block boundaries as a separator", () => {
    expect(excerpt("区县\n五通桥区\n状态\n整改中", "整改")).toBe(
      "区县 · 五通桥区 · 状态 · [整改]中",
    );
  });

  test("centre on the matches in a long text", () => {
    const text = `${"无关内容。".repeat(40)}这里提到黑臭水体。${"其他。".repeat(40)}`;
    const result = excerpt(text, "黑臭水体");
    expect(result.startsWith("…")).toBe(true);
    expect(result.endsWith("…")).toBe(true);
    expect(result).toContain("[黑臭水体]");
  });

  test("mark single characters in approximate results", () => {
    expect(excerpt("水体发黑发臭", "黑臭水体", false)).toBe("[水体]发[黑]发[臭]");
  });
});

describe("result titles", () => {
  test("read the title tokens back as text", () => {
    expect(displayTitle({ title: "东 城 区 PM2 . 5 超 标 ¶ x" })).toBe("东城区PM2.5超标 · x");
  });

  test("take a folded page's title from the first line of its original text", () => {
    expect(displayTitle({ title: "西 山 县", original: "西山縣\n正文" })).toBe("西山縣");
  });
});

describe("result snippets", () => {
  const page = [
    "五通桥区某厂污水直排",
    "编号",
    "HB-2024-0007",
    "区县",
    "五通桥区",
    "群众反映五通桥区某厂夜间通过暗管向河道直排污水，河水发黑发臭，周边居民多次投诉。",
  ].join("\n");

  test("show the body's words around the match, not the title or the fields", () => {
    expect(snippet(page, "暗管")).toBe(
      "群众反映五通桥区某厂夜间通过[暗管]向河道直排污水，河水发黑发臭，周边居民多次投诉。",
    );
  });

  test("show the first paragraph when only the title matches", () => {
    expect(snippet(page, "直排")).toContain("[直排]污水");
    expect(snippet(page, "五通桥区某厂污水")).not.toContain(" · ");
  });

  test("show a matched field with its label and the code as written", () => {
    expect(snippet(page, "HB-2024-0007")).toBe("编号：[HB-2024-0007]");
  });
});
