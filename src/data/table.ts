import type { Column, Columns, RowOf } from "./fields.ts";
import type { IsoDate } from "./dates.ts";

/**
 * What a CSV file is: its columns (each a documented, validated field), its key, and the
 * checks that involve several columns of one row. Registers, regions and indicators are
 * all tables; the one loader in `context.ts` reads every table the same way.
 */
export interface TableSpec<C extends Columns> {
  /** File name inside the data directory, e.g. `exposures.csv`. */
  file: string;
  /** What the file is, for editors, e.g. 环保曝光台问题清单. */
  title: string;
  columns: C;
  /** Column whose value identifies a row; duplicates are errors. */
  primaryKey?: keyof C & string;
  /** A file with a header and no rows is an error (it would publish an empty register). */
  nonEmpty?: boolean;
  /** Cross-column checks on one parsed row. */
  check?: (row: RowOf<C>, report: RowReporter<C>) => void;
  /**
   * Rates the row states beside their counts (`rate` = `done` ÷ `total` × 100): checked at
   * the precision the rate is written with, so 35.0 for 432 of 1248 (34.6) is an error.
   */
  rates?: readonly StatedRate<C>[];
}

export interface StatedRate<C extends Columns> {
  /** The number column holding the stated rate, in per cent. */
  column: keyof C & string;
  numerator: keyof C & string;
  denominator: keyof C & string;
}

export type RowReporter<C extends Columns> = (
  column: keyof C & string,
  problem: string,
  allowed: string,
) => void;

/** A parsed row together with the line it came from, so later checks can point at it. */
export interface Located<T> {
  line: number;
  row: T;
  /** The cells as written (untrimmed text), for checks that need more than the value. */
  cells?: Readonly<Record<string, string>>;
}

export function defineTable<C extends Columns>(spec: TableSpec<C>): TableSpec<C> {
  return spec;
}

export function columnEntries(columns: Columns): [string, Column<unknown>][] {
  return Object.entries(columns);
}

export type { IsoDate };
