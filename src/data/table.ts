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
}

export function defineTable<C extends Columns>(spec: TableSpec<C>): TableSpec<C> {
  return spec;
}

export function columnEntries(columns: Columns): [string, Column<unknown>][] {
  return Object.entries(columns);
}

export type { IsoDate };
