import { regionsTable } from "../data/regions.ts";
import { withdrawalsTable } from "../data/withdrawals.ts";
import type { TableDescription } from "../data/tables.ts";
import {
  indicatorSourcesTable,
  indicatorsTable,
  indicatorValuesTable,
} from "../indicators/schema.ts";
import { privacyAllowlistTable } from "../privacy/allowlist.ts";
import { registers } from "../registers/index.ts";
import { searchSynonymsTable } from "../search/synonym-table.ts";

/**
 * Every CSV file editors maintain, in the order the editor guide presents them: regions, each
 * register's files (from the registry), withdrawals, the privacy allow list, the indicators. The guide's
 * column tables are generated from these specs.
 */
export const dataTables: readonly TableDescription[] = [
  regionsTable,
  ...registers.flatMap((register) => register.tables),
  withdrawalsTable,
  privacyAllowlistTable,
  indicatorsTable,
  indicatorValuesTable,
  indicatorSourcesTable,
  searchSynonymsTable,
];

export function findDataTable(file: string): TableDescription | undefined {
  return dataTables.find((table) => table.file === file);
}
