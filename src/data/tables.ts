import type { Columns } from "./fields.ts";
import { regionsTable } from "./regions.ts";
import {
  indicatorSourcesTable,
  indicatorsTable,
  indicatorValuesTable,
} from "../indicators/schema.ts";
import type { TableSpec } from "./table.ts";

/**
 * What documentation and publication need of a table: its file, title, columns and key,
 * without its row checks (whose parameter types would make every spec a different type).
 */
export type TableDescription = Omit<TableSpec<Columns>, "check">;

/**
 * Every CSV file editors maintain, in the order the editor guide presents them. The guide's
 * column tables are generated from these specs; a register adds its tables here.
 */
export const dataTables: readonly TableDescription[] = [
  regionsTable,
  indicatorsTable,
  indicatorValuesTable,
  indicatorSourcesTable,
];

export function findDataTable(file: string): TableDescription | undefined {
  return dataTables.find((table) => table.file === file);
}
