import type { Columns, RowOf } from "../data/fields.ts";
import { columnEntries } from "../data/table.ts";
import type { TableSpec } from "../data/table.ts";
import { toCsv } from "../open-data/csv.ts";
import type { CsvCell } from "../open-data/csv.ts";

/**
 * Registers write CSV with the site's one writer (src/open-data/csv.ts: BOM, RFC 4180,
 * formula-safe text that reads back with one rule); this module adds writing a table's
 * rows in its own columns.
 */
export { csvCell, toCsv } from "../open-data/csv.ts";
export type { CsvCell } from "../open-data/csv.ts";

/**
 * Writes validated rows back in the table's own columns and order, so the published file
 * has the header the editor guide documents and reads back through the same loader.
 */
export function tableToCsv<C extends Columns>(
  spec: TableSpec<C>,
  rows: Iterable<RowOf<C>>,
): string {
  const names = columnEntries(spec.columns).map(([name]) => name);
  const cells = function* (): Generator<CsvCell[]> {
    for (const row of rows) {
      const record = row as Record<string, unknown>;
      yield names.map((name) => {
        const value = record[name];
        return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
          ? value
          : undefined;
      });
    }
  };
  return toCsv(names, cells());
}
