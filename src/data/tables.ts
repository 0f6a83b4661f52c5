import type { Column } from "./fields.ts";
import { regionsTable } from "./regions.ts";
import { exposuresTable, exposureUpdatesTable } from "../registers/exposures/schema.ts";
import { lettersTable } from "../registers/letters/schema.ts";
import { privacyAllowlistTable } from "../privacy/allowlist.ts";
import { searchSynonymsTable } from "../search/synonym-table.ts";
import { holidaysTable } from "./workdays.ts";
import {
  indicatorSourcesTable,
  indicatorsTable,
  indicatorValuesTable,
} from "../indicators/schema.ts";

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

/**
 * Every CSV file editors maintain, in the order the editor guide presents them. The guide's
 * column tables are generated from these specs; a register adds its tables here.
 */
export const dataTables: readonly TableDescription[] = [
  regionsTable,
  exposuresTable,
  exposureUpdatesTable,
  lettersTable,
  holidaysTable,
  privacyAllowlistTable,
  indicatorsTable,
  indicatorValuesTable,
  indicatorSourcesTable,
  searchSynonymsTable,
];

export function findDataTable(file: string): TableDescription | undefined {
  return dataTables.find((table) => table.file === file);
}
