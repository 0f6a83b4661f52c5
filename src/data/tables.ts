import type { Column } from "./fields.ts";

/** What documentation and publication need of a column: everything but its parser. */
export type ColumnDoc = Omit<Column<unknown>, "schema">;

/**
 * What documentation and publication need of a table: its file, title, documented columns
 * and key. Every `TableSpec` is one; so is a published view that is not a data file as
 * such (a register's public projection with derived columns), which documents its columns
 * without parsing them.
 */
export interface TableDescription {
  /** The data file the table is, or is derived from, e.g. `letters.csv`. */
  file: string;
  title: string;
  columns: Readonly<Record<string, ColumnDoc>>;
  primaryKey?: string;
}

export function describedColumns(table: TableDescription): [string, ColumnDoc][] {
  return Object.entries(table.columns);
}
