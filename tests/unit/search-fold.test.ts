import TSCharacters from "opencc-js/dict/TSCharacters";
import TSPhrases from "opencc-js/dict/TSPhrases";
import { describe, expect, test } from "vitest";
import { fold } from "../../src/search/fold.ts";
import { mayConvert, needsConverter } from "../../src/search/traditional.ts";
import { traditionalSet } from "../../scripts/search/traditional-chars.ts";

describe("folding to the searchable normal form", () => {
  test("turns Traditional characters into Simplified ones", () => {
    expect(fold("樂山市五通橋區環保局")).toBe("乐山市五通桥区环保局");
  });

  test("folds the common Taiwan and Hong Kong variant forms too", () => {
    expect(fold("臺灣 裡面 裏面 為民 眾人 啟動")).toBe("台湾 里面 里面 为民 众人 启动");
  });

  test("keeps Simplified text, its punctuation and its letter case as written", () => {
    const text = "五通桥区污水处理厂是什么?COD显著超标,已整改。“黑臭水体”……";
    expect(fold(text)).toBe(text);
  });

  test("turns full-width letters and digits into half-width ones", () => {
    expect(fold("ＣＯＤ２０２４年")).toBe("COD2024年");
  });

  test("keeps every character in place, so results can show the original words", () => {
    for (const text of ["樂山 環保 ﬁ ㍻ ℃ …", "乾隆年間,乾燥的臺灣"]) {
      expect([...fold(text)]).toHaveLength([...text].length);
    }
  });

  test("uses only dictionaries that map a string to one of the same length", () => {
    for (const dictionary of [TSPhrases, TSCharacters]) {
      const unequal = dictionary
        .split("|")
        .map((entry) => entry.split(" "))
        .filter(([from = "", to = ""]) => [...from].length !== [...to].length);
      expect(unequal).toEqual([]);
    }
  });
});

describe("telling when a query needs the Traditional converter", () => {
  test("knows exactly the characters the dictionaries change (rerun scripts/search/traditional-set.ts)", () => {
    const expected = traditionalSet();
    const known: number[] = [];
    for (let codePoint = 0x3400; codePoint <= 0x3ffff; codePoint++) {
      if (mayConvert(codePoint)) known.push(codePoint);
    }
    expect(known).toEqual([...expected].sort((a, b) => a - b));
  });

  test("says so for Traditional text and not for Simplified text", () => {
    expect(needsConverter("樂山 環保")).toBe(true);
    expect(needsConverter("乐山 一目了然 五通桥区 HB-2018-0042")).toBe(false);
  });

  test("never leaves a text unfolded that folding would change", () => {
    for (const [from] of [TSCharacters, TSPhrases].flatMap((dictionary) =>
      dictionary.split("|").map((entry) => entry.split(" ")),
    )) {
      if (from !== undefined && fold(from) !== from) expect(needsConverter(from)).toBe(true);
    }
  });
});
