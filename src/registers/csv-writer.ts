import type { Columns, RowOf } from "../data/fields.ts";
import { columnEntries } from "../data/table.ts";
import type { TableSpec } from "../data/table.ts";

/** A cell as the writer accepts it; undefined and null are empty cells. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * A UTF-8 BOM: Excel on Chinese Windows otherwise opens UTF-8 CSV as GBK and shows
 * garbage. Our own reader strips it (src/data/decode.ts).
 */
const BOM = "\uFEFF";

/**
 * Characters that make a spreadsheet treat a cell as a formula (CSV injection, see
 * https://owasp.org/www-community/attacks/CSV_Injection). A text cell starting with one is
 * written with a leading apostrophe, which spreadsheets show as plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a UTF-8 BOM and CRLF line ends, safe to open in a spreadsheet. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvCell).join(",")];
  for (const row of rows) lines.push(row.map(csvCell).join(","));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

/**
 * Writes validated rows back in the table's own columns and order, so the published file
 * has the header the editor guide documents and reads back through the same loader.
 */
export function tableToCsv<C extends Columns>(
  spec: TableSpec<C>,
  rows: Iterable<RowOf<C>>,
): string {
  const names = columnEntries(spec.columns).map(([name]) => name);
  const cells = function* () {
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
