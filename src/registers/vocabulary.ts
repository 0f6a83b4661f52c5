import type { Tone } from "../format/tone.ts";
/**
 * Closed vocabularies of a register: its statuses, its event kinds, its categories. Each
 * term is the word editors write in the CSV, an ASCII slug for URLs (a public contract, so
 * it never changes once published), and a sentence saying what the word means, which the
 * register's pages show so that a status means what it says.
 */

/** Colour family of a status badge; always shown with the status word, never alone. */
export type { Tone };

export interface Term<V extends string = string> {
  /** The word editors write in the CSV and readers see, e.g. 已整改. */
  value: V;
  /** ASCII URL segment, e.g. `rectified`. Never change a published slug. */
  slug: string;
  /** What the word means, in one sentence readers understand. */
  description: string;
  /** Badge colour family; statuses have one, other vocabularies need not. */
  tone?: Tone;
}

export interface StatusTerm<V extends string = string> extends Term<V> {
  tone: Tone;
}

export interface Vocabulary<V extends string, T extends Term<V> = Term<V>> {
  /** Terms in their defined order (for statuses: the order a matter moves through). */
  readonly terms: readonly T[];
  /** The words, as the non-empty tuple a `choice` column needs. */
  readonly values: readonly [V, ...V[]];
  get(value: V): T;
  bySlug(slug: string): T | undefined;
  /** Position in the defined order, 0-based. */
  rank(value: V): number;
}

export type StatusVocabulary<V extends string> = Vocabulary<V, StatusTerm<V>>;

/**
 * Defines a vocabulary from its terms in order. Duplicate words or slugs, and slugs that
 * are not lower-case ASCII, are programming errors and throw at start-up.
 */
export function defineVocabulary<const T extends readonly [Term, ...Term[]]>(
  terms: T,
): Vocabulary<T[number]["value"], T[number]> {
  type V = T[number]["value"];
  const byValue = new Map<string, { term: T[number]; rank: number }>();
  const bySlug = new Map<string, T[number]>();
  terms.forEach((term, rank) => {
    if (byValue.has(term.value)) throw new Error(`vocabulary: duplicate value ${term.value}`);
    if (bySlug.has(term.slug)) throw new Error(`vocabulary: duplicate slug ${term.slug}`);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(term.slug)) {
      throw new Error(`vocabulary: slug ${term.slug} is not lower-case ASCII words with hyphens`);
    }
    byValue.set(term.value, { term, rank });
    bySlug.set(term.slug, term);
  });
  const entry = (value: V) => {
    const found = byValue.get(value);
    // Values come from validated `choice` columns, so a miss is a programming error.
    if (!found) throw new Error(`vocabulary: unknown value ${value}`);
    return found;
  };
  return {
    terms,
    values: terms.map((term) => term.value) as unknown as readonly [V, ...V[]],
    get: (value) => entry(value).term,
    bySlug: (slug) => bySlug.get(slug),
    rank: (value) => entry(value).rank,
  };
}

/** A status vocabulary: like any vocabulary, but every term has a tone for its badge. */
export function defineStatuses<const T extends readonly [StatusTerm, ...StatusTerm[]]>(
  terms: T,
): StatusVocabulary<T[number]["value"]> {
  return defineVocabulary(terms) as StatusVocabulary<T[number]["value"]>;
}

/** `未整改 → 整改中 → 已整改`: the order, for messages and documentation. */
export function describeOrder(vocabulary: Vocabulary<string>): string {
  return vocabulary.terms.map((term) => term.value).join(" → ");
}
