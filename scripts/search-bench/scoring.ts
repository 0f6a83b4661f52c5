import { readFileSync } from "node:fs";

/**
 * The labelled query set (tests/fixtures/search-queries.json) and how results are scored
 * against it.
 */

export const QUERY_TYPES = [
  "word",
  "place",
  "phrase",
  "long",
  "partial",
  "traditional",
  "multi",
  "unit",
  "id",
  "status",
  "year",
  "date",
  "filtered",
  "absent",
] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

export interface LabelledQuery {
  type: QueryType;
  query: string;
  /** Filter values chosen on the search page alongside the query. */
  filters?: Record<string, string>;
  /** Every page a reader would count as a right answer (empty: nothing should be found). */
  expected: string[];
  /** The page that must come first (an id query: the item itself). */
  first?: string;
  /** Why these pages, where it is not obvious. */
  note?: string;
}

export function readQuerySet(file: string): LabelledQuery[] {
  const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
  const queries =
    typeof parsed === "object" && parsed !== null && "queries" in parsed ? parsed.queries : [];
  if (!Array.isArray(queries)) throw new Error(`${file}: "queries" is not a list`);
  return queries.map((entry: unknown, i): LabelledQuery => {
    const where = `${file}: query ${i + 1}`;
    if (typeof entry !== "object" || entry === null) throw new Error(`${where} is not an object`);
    const { type, query, expected, filters, first, note } = entry as Record<string, unknown>;
    const known = QUERY_TYPES.find((t) => t === type);
    if (!known) throw new Error(`${where}: type ${String(type)} is not one of ${QUERY_TYPES}`);
    if (typeof query !== "string") throw new Error(`${where}: query is not text`);
    if (!Array.isArray(expected) || !expected.every((url) => typeof url === "string"))
      throw new Error(`${where}: expected is not a list of URLs`);
    const labelled: LabelledQuery = { type: known, query, expected };
    if (filters !== undefined) {
      if (typeof filters !== "object" || filters === null)
        throw new Error(`${where}: filters is not an object`);
      labelled.filters = Object.fromEntries(
        Object.entries(filters).map(([key, value]) => [key, String(value)]),
      );
    }
    if (typeof first === "string") {
      if (!expected.includes(first)) throw new Error(`${where}: first is not an expected page`);
      labelled.first = first;
    }
    if (typeof note === "string") labelled.note = note;
    return labelled;
  });
}

export interface QueryScore {
  /** Right answers among the first 10, over the right answers there could be (≤ 10). */
  recall: number | undefined;
  /** Right answers among the first 10 shown, over the results shown; none shown: undefined. */
  precision: number | undefined;
  /** Results shown among the first 10 that are not right answers. */
  wrong: number;
}

/** Scores the exact results shown for one query (approximate ones are labelled, not counted). */
export function scoreQuery(expected: readonly string[], shown: readonly string[]): QueryScore {
  const top = shown.slice(0, 10);
  const right = top.filter((url) => expected.includes(url)).length;
  return {
    recall: expected.length === 0 ? undefined : right / Math.min(10, expected.length),
    precision: top.length === 0 ? undefined : right / top.length,
    wrong: top.length - right,
  };
}

export function mean(values: readonly (number | undefined)[]): number | undefined {
  const defined = values.filter((value): value is number => value !== undefined);
  return defined.length === 0 ? undefined : defined.reduce((a, b) => a + b, 0) / defined.length;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
