import type { QueryTerm } from "./query.ts";

/**
 * Synonyms at query time: a term also matches the words an editor listed for it in
 * `search-synonyms.csv` (污染 → 污水 排污 直排; 噪音 ↔ 噪声). Pure and free of Node imports:
 * the search page runs it in the browser on the table the page carries.
 */

/** One row of the table. */
export interface SynonymRule {
  term: string;
  synonyms: string[];
  /** Every word of the rule finds all the others, not only the term. */
  bothWays: boolean;
}

/** The words of a synonyms cell: separated by spaces, 、, commas or semicolons. */
export function splitSynonyms(cell: string): string[] {
  return [...new Set(cell.split(/[\s、,，;；]+/u).filter((word) => word !== ""))];
}

/** For each word a reader may type, the other words that count as it. */
export type SynonymIndex = ReadonlyMap<string, readonly string[]>;

export function synonymIndex(rules: readonly SynonymRule[]): SynonymIndex {
  const index = new Map<string, string[]>();
  const add = (word: string, others: readonly string[]) => {
    const known = index.get(word) ?? [];
    for (const other of others) if (other !== word && !known.includes(other)) known.push(other);
    index.set(word, known);
  };
  for (const rule of rules) {
    add(rule.term, rule.synonyms);
    if (rule.bothWays) {
      for (const word of rule.synonyms) add(word, [rule.term, ...rule.synonyms]);
    }
  }
  return index;
}

/** More alternatives than this per term are dropped: each one is a search of its own. */
export const MAX_ALTERNATIVES = 8;

/**
 * The other spellings of a term: the term as a whole replaced by a synonym (污染 → 污水),
 * or a word inside it replaced (河水污染 → 河水污水), one replacement at a time, longest
 * words first. `cut` turns a word into the term's tokens (the same cutting and folding as
 * the query).
 */
export function alternativesOf(
  term: QueryTerm,
  index: SynonymIndex,
  cut: (word: string) => string[],
): string[][] {
  const text = term.tokens.join("");
  const found: string[][] = [];
  const seen = new Set<string>([term.tokens.join(" ")]);
  const words = [...index.keys()].sort((a, b) => b.length - a.length);
  for (const word of words) {
    const at = text.indexOf(word);
    if (at < 0) continue;
    for (const other of index.get(word) ?? []) {
      const tokens = cut(`${text.slice(0, at)}${other}${text.slice(at + word.length)}`);
      const key = tokens.join(" ");
      if (tokens.length === 0 || seen.has(key)) continue;
      seen.add(key);
      found.push(tokens);
      if (found.length >= MAX_ALTERNATIVES) return found;
    }
  }
  return found;
}

/** The terms, each with its alternatives from the synonym table. */
export function withSynonyms(
  terms: readonly QueryTerm[],
  index: SynonymIndex,
  cut: (word: string) => string[],
): QueryTerm[] {
  if (index.size === 0) return [...terms];
  return terms.map((term) => {
    const alternatives = alternativesOf(term, index, cut);
    return alternatives.length === 0 ? term : { ...term, alternatives };
  });
}
