import { ConverterFactory } from "opencc-js/core";
import TSCharacters from "opencc-js/dict/TSCharacters";
import TSPhrases from "opencc-js/dict/TSPhrases";

/**
 * Folding: the one normal form that both the search index and the reader's query are
 * reduced to, so that 環保 finds 环保, 臺 finds 台 and ＣＯＤ finds COD.
 *
 * The folded text has exactly as many code points as the original, in the same order:
 * every OpenCC dictionary used here maps a string to one of the same length (checked in
 * tests/unit/search-fold.test.ts), and compatibility forms are only folded when they fold to
 * a single code point. That is what lets a result show the original words at the positions
 * the folded copy matched.
 */

// Traditional to Simplified, phrases first (so 乾隆 stays 乾隆 while 乾燥 becomes 干燥).
// OpenCC's Taiwan and Hong Kong variant tables are left out on purpose: applied to
// Simplified text they change ordinary characters (什么 to 什幺, 著名 to 着名), and the
// Traditional table already folds the common variant forms (臺, 裡, 為, 眾, 啟).
const traditionalToSimplified = ConverterFactory([TSPhrases, TSCharacters]);

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Full-width Latin letters and digits and compatibility ideographs to their NFKC form.
 * Punctuation is left as written: it separates words and is never searched for, and
 * leaving it alone keeps ordinary Simplified text unchanged by folding.
 */
function foldCompatibility(text: string): string {
  let out = "";
  for (const char of text) {
    const folded = LETTER_OR_DIGIT.test(char) ? char.normalize("NFKC") : char;
    // NFKC expands a few letters (ﬁ to fi, ㍻ to 平成); keeping those as written keeps the
    // folded copy aligned with the original character by character.
    out += [...folded].length === 1 ? folded : char;
  }
  return out;
}

/**
 * The searchable normal form of `text`: Simplified characters, half-width letters and
 * digits. Letter case is left alone; Pagefind ignores it when indexing and searching.
 */
export function fold(text: string): string {
  return traditionalToSimplified(foldCompatibility(text));
}
