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
 * - A code (letters and digits joined by - / . or _ with no space, holding a digit: an id
 *   SJ-2024-0012, a date 2024-03-05, PM2.5) is followed by its parts joined and lower-cased,
 *   one alias token (sj20240012). A query for the code searches the alias alone, so it finds
 *   the code as a whole term and not every page sharing one of its parts (issue 18).
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
  /** A code's alias: its parts joined, lying (empty) at the code's end; never shown. */
  alias?: true;
}

const CODE_JOINER = /^[-/._]$/u;
const HAS_DIGIT = /\p{N}/u;
const RUN = /^[\p{L}\p{N}\p{M}]+$/u;

/** True for a run of letters or digits that is not a Chinese (or kana) character. */
function isRun(span: TokenSpan | undefined): span is TokenSpan {
  return span !== undefined && RUN.test(span.token) && !SINGLE.test(span.token);
}

/** The alias of a code: its parts, lower-cased, without the joiners. */
export function codeAlias(parts: readonly string[]): string {
  return parts.join("").toLowerCase();
}

/**
 * Adds an alias after every code: two or more runs joined by single joiners with no space
 * (each joiner touching both runs), one of them holding a digit.
 */
function withCodeAliases(spans: TokenSpan[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  let i = 0;
  while (i < spans.length) {
    const first = spans[i];
    if (!isRun(first)) {
      if (first) out.push(first);
      i += 1;
      continue;
    }
    const parts = [first];
    let j = i + 1;
    for (;;) {
      const joiner = spans[j];
      const next = spans[j + 1];
      const last = parts[parts.length - 1];
      if (
        joiner === undefined ||
        last === undefined ||
        !CODE_JOINER.test(joiner.token) ||
        joiner.start !== last.end ||
        !isRun(next) ||
        next.start !== joiner.end
      ) {
        break;
      }
      parts.push(next);
      j += 2;
    }
    out.push(...spans.slice(i, j));
    if (parts.length > 1 && parts.some((part) => HAS_DIGIT.test(part.token))) {
      const end = parts[parts.length - 1]?.end ?? first.end;
      out.push({ token: codeAlias(parts.map((part) => part.token)), start: end, end, alias: true });
    }
    i = j;
  }
  return out;
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
  return withCodeAliases(spans);
}

/**
 * Positions of the alias tokens in a list of indexed tokens (Pagefind's stored content keeps
 * no flags), each with the position of its code's first part. An alias is recognised as what
 * the indexer writes: a token equal to the joined runs just before it.
 */
export function aliasPositions(tokens: readonly string[]): Map<number, number> {
  const found = new Map<number, number>();
  for (let i = 2; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    if (!HAS_DIGIT.test(token)) continue;
    const parts: string[] = [];
    let k = i - 1;
    for (;;) {
      const part = tokens[k];
      if (part === undefined || !RUN.test(part) || SINGLE.test(part)) break;
      parts.unshift(part);
      const joined = codeAlias(parts);
      if (parts.length > 1 && joined === token) {
        found.set(i, k);
        break;
      }
      if (joined.length >= token.length || !CODE_JOINER.test(tokens[k - 1] ?? "")) break;
      k -= 2;
    }
  }
  return found;
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
