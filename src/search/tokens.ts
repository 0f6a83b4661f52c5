/**
 * Tokens: how Gongshi cuts text into the words Pagefind indexes. Pagefind's own Chinese
 * segmentation guesses word boundaries, and a guess that differs between the indexed page
 * and the query loses the match. Cutting every Chinese character into its own word and
 * searching for a term as a phrase of characters matches exactly what was written, with no
 * guessing (DESIGN.md, Search, gives the measurements).
 *
 * - Each Han character (and kana) is one token.
 * - Each punctuation mark or symbol is one token. Pagefind gives it a position but does not
 *   index it, so a phrase never matches across a comma or a full stop.
 * - A run of other letters and digits (COD, PM2, 2024) is one token.
 * - A paragraph or cell boundary becomes the token BLOCK_BREAK, so a phrase never matches
 *   across two table cells.
 */

/** Stands between blocks (paragraphs, headings, table cells) in indexed text. */
export const BLOCK_BREAK = "¶";

const SINGLE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\p{L}\p{N}\p{M}\s]/u;
const WHITESPACE = /\s/u;

/** A token and where it lies, in code points, in the text it was cut from. */
export interface TokenSpan {
  token: string;
  start: number;
  end: number;
}

/**
 * Cuts `text` into tokens. A newline marks a block boundary (the extractor writes one
 * between blocks); other whitespace only separates.
 */
export function tokenSpans(text: string): TokenSpan[] {
  const chars = [...text];
  const spans: TokenSpan[] = [];
  let runStart = -1;
  let pendingBreak = false;
  const push = (start: number, end: number) => {
    if (pendingBreak && spans.length > 0) {
      spans.push({ token: BLOCK_BREAK, start, end: start });
    }
    pendingBreak = false;
    spans.push({ token: chars.slice(start, end).join(""), start, end });
  };
  const endRun = (at: number) => {
    if (runStart >= 0) push(runStart, at);
    runStart = -1;
  };
  chars.forEach((char, i) => {
    if (WHITESPACE.test(char)) {
      endRun(i);
      if (char === "\n") pendingBreak = true;
    } else if (SINGLE.test(char)) {
      endRun(i);
      push(i, i + 1);
    } else if (runStart < 0) {
      runStart = i;
    }
  });
  endRun(chars.length);
  return spans;
}

export function tokenize(text: string): string[] {
  return tokenSpans(text).map((span) => span.token);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True for tokens Pagefind indexes: not punctuation, symbols or block breaks. */
export function isWordToken(token: string): boolean {
  return LETTER_OR_DIGIT.test(token);
}

/** True when two adjacent tokens were (or should read as) separated by a space. */
export function spacedApart(before: string, after: string): boolean {
  return !SINGLE.test(before) && !SINGLE.test(after);
}
