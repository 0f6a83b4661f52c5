import { ORIGINAL_TEXT_META } from "./bundle.ts";
import type { QueryTerm } from "./query.ts";
import { aliasPositions, BLOCK_BREAK, spacedApart, tokenSpans } from "./tokens.ts";

/**
 * Excerpts for results, built from the indexed tokens rather than taken from Pagefind:
 * Pagefind's excerpt would show the folded, space-separated copy ("五 通 桥 區" folded to
 * "五 通 桥 区"). Here the matched positions are found in the folded tokens and the same
 * positions are shown in the page's own words.
 */

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/** Shown where the page has a block boundary (between a label and its value, two cells). */
const BLOCK_SEPARATOR = " · ";
/** Tokens (about characters) around the matches. */
const WINDOW = 90;
/** Tokens shown before the first match in the window. */
const LEAD = 12;

/** The tokens of Pagefind's stored content: the indexer joined them with single spaces. */
export function contentTokens(content: string): string[] {
  // Pagefind adds a zero-width space after every segmented word; the spaces are ours.
  return content
    .replaceAll("\u200B", "")
    .split(" ")
    .filter((token) => token !== "");
}

/**
 * The page's own words at the positions of `folded` tokens. `original` is the text as
 * written, kept by the indexer when folding changed it; folding keeps every character in
 * place, so cutting the folded original gives the same token positions. Without it (or if
 * the two disagree, which would mean a different indexer version) the folded tokens are
 * shown.
 */
export function displayTokens(
  folded: readonly string[],
  original: string | undefined,
  fold: (text: string) => string,
): readonly string[] {
  if (original === undefined) return folded;
  const spans = tokenSpans(fold(original));
  if (spans.length !== folded.length) return folded;
  const chars = [...original];
  return spans.map((span) =>
    span.token === BLOCK_BREAK ? BLOCK_BREAK : chars.slice(span.start, span.end).join(""),
  );
}

/**
 * A result's title as written. The indexer stores the title's folded tokens (so that title
 * matches rank first) and, where folding changed the page, the original text, whose first
 * line is the title.
 */
export function displayTitle(meta: Readonly<Record<string, string>>): string {
  const original = meta[ORIGINAL_TEXT_META];
  if (original !== undefined) return original.split("\n", 1)[0] ?? "";
  const tokens = (meta["title"] ?? "").split(" ").filter((token) => token !== "");
  return joinTokens(tokens, 0, tokens.length, new Set(), hiddenAliases(tokens))
    .map((part) => part.text)
    .join("");
}

/** Positions of every token that belongs to a match of a term. */
export function matchedPositions(
  folded: readonly string[],
  terms: readonly QueryTerm[],
  exact: boolean,
): { marked: Set<number>; firsts: number[] } {
  const lower = folded.map((token) => token.toLowerCase());
  const marked = new Set<number>();
  const firsts: number[] = [];
  const patterns = exact
    ? terms.map((term) => term.tokens)
    : terms.flatMap((term) => term.tokens.map((token) => [token]));
  for (const pattern of patterns) {
    let first = -1;
    for (let i = 0; i + pattern.length <= lower.length; i++) {
      if (pattern.every((token, j) => lower[i + j] === token)) {
        if (first < 0) first = i;
        for (let j = 0; j < pattern.length; j++) marked.add(i + j);
      }
    }
    if (first >= 0) firsts.push(first);
  }
  // A matched code alias marks the code as written (its parts), which is what is shown.
  for (const [alias, start] of aliasPositions(lower)) {
    if (!marked.has(alias)) continue;
    for (let k = start; k < alias; k++) marked.add(k);
  }
  return { marked, firsts };
}

/** Positions of alias tokens, which are searched but never shown. */
function hiddenAliases(folded: readonly string[]): Set<number> {
  return new Set(aliasPositions(folded.map((token) => token.toLowerCase())).keys());
}

/** The window start that shows the most terms' first matches. */
function windowStart(firsts: readonly number[]): number {
  let best = 0;
  let bestCount = -1;
  for (const first of [...firsts].sort((a, b) => a - b)) {
    const start = Math.max(0, first - LEAD);
    const count = firsts.filter((f) => f >= start && f < start + WINDOW).length;
    if (count > bestCount) {
      best = start;
      bestCount = count;
    }
  }
  return best;
}

/**
 * An excerpt of a result: about WINDOW characters around the matches, with the matched
 * words marked. `exact` marks whole terms; otherwise (approximate results) single
 * characters of the terms are marked wherever they occur.
 */
export function buildExcerpt(
  folded: readonly string[],
  shown: readonly string[],
  terms: readonly QueryTerm[],
  exact: boolean,
): ExcerptPart[] {
  const { marked, firsts } = matchedPositions(folded, terms, exact);
  const start = windowStart(firsts);
  const end = Math.min(shown.length, start + WINDOW);
  const parts = joinTokens(shown, start, end, marked, hiddenAliases(folded));
  if (start > 0) parts.unshift({ text: "…", marked: false });
  if (end < shown.length) parts.push({ text: "…", marked: false });
  return parts;
}

/**
 * Tokens `start` to `end` as readable text: no space around Chinese characters, a space
 * between Latin words, a separator at block boundaries; marked tokens (and the spaces
 * between them) grouped into marked parts.
 */
function joinTokens(
  tokens: readonly string[],
  start: number,
  end: number,
  marked: ReadonlySet<number>,
  hidden: ReadonlySet<number>,
): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const append = (text: string, isMarked: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.marked === isMarked) last.text += text;
    else parts.push({ text, marked: isMarked });
  };
  let previous = -1;
  for (let i = start; i < end; i++) {
    const token = tokens[i] ?? "";
    if (hidden.has(i) || token === "") continue;
    if (token === BLOCK_BREAK) {
      if (i > start && i < end - 1) append(BLOCK_SEPARATOR, false);
      previous = -1;
      continue;
    }
    const before = tokens[previous];
    if (previous >= start && before !== undefined && spacedApart(before, token)) {
      append(" ", marked.has(i) && marked.has(previous));
    }
    append(token, marked.has(i));
    previous = i;
  }
  return parts;
}

/** Tokens a block needs to read as prose (a sentence), not a label or a field's value. */
const PROSE_TOKENS = 16;

/** Token ranges of the blocks (lines) of a page, in order; the first is its title. */
function blocksOf(tokens: readonly string[]): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = [];
  let start = 0;
  tokens.forEach((token, i) => {
    if (token !== BLOCK_BREAK) return;
    if (i > start) blocks.push({ start, end: i });
    start = i + 1;
  });
  if (tokens.length > start) blocks.push({ start, end: tokens.length });
  return blocks;
}

/**
 * A result's snippet: the words around the matches in the page's body, not its title (shown
 * as the link) nor a run of labels and values. The block (paragraph, cell, value) with the
 * most matched tokens is chosen, prose before short fields; a short field is shown with its
 * label (`承办单位：市生态环境局`). Without a match in the body, the first paragraph.
 */
export function buildSnippet(
  folded: readonly string[],
  shown: readonly string[],
  terms: readonly QueryTerm[],
  exact: boolean,
): ExcerptPart[] {
  const { marked } = matchedPositions(folded, terms, exact);
  const hidden = hiddenAliases(folded);
  const blocks = blocksOf(folded).slice(1);
  const length = (block: { start: number; end: number }) => block.end - block.start;
  const hits = (block: { start: number; end: number }) =>
    [...marked].filter((i) => i >= block.start && i < block.end).length;
  const ranked = blocks
    .map((block, order) => ({
      block,
      order,
      hits: hits(block),
      prose: length(block) >= PROSE_TOKENS,
    }))
    .sort(
      (a, b) =>
        Number(b.hits > 0) - Number(a.hits > 0) ||
        Number(b.prose) - Number(a.prose) ||
        b.hits - a.hits ||
        a.order - b.order,
    );
  const best = ranked[0];
  if (best === undefined) return [];
  const { block } = best;
  if (!best.prose) {
    const label = blocks[best.order - 1];
    const value = joinTokens(shown, block.start, block.end, marked, hidden);
    if (label === undefined || length(label) >= PROSE_TOKENS || best.hits === 0) return value;
    const labelParts = joinTokens(shown, label.start, label.end, marked, hidden);
    const colon = /[:：]$/u.test(labelParts.at(-1)?.text ?? "")
      ? []
      : [{ text: "：", marked: false }];
    return [...labelParts, ...colon, ...value];
  }
  const firstHit = [...marked]
    .filter((i) => i >= block.start && i < block.end)
    .sort((a, b) => a - b)[0];
  // A match early in the paragraph shows it from its start; a later one with some lead.
  const start =
    firstHit === undefined || firstHit - block.start < WINDOW / 2
      ? block.start
      : Math.max(block.start, firstHit - LEAD);
  const end = Math.min(block.end, start + WINDOW);
  const parts = joinTokens(shown, start, end, marked, hidden);
  if (start > block.start) parts.unshift({ text: "…", marked: false });
  if (end < block.end) parts.push({ text: "…", marked: false });
  return parts;
}
