/**
 * The CSV files the site publishes for download: UTF-8, RFC 4180 quoting with CRLF line
 * ends, and text cells that a spreadsheet would run as a formula made inert.
 *
 * - BOM: Excel and WPS on Chinese Windows open a UTF-8 CSV without one as GBK and show
 *   garbage, so files meant to be opened by people (`toCsv`) start with one. Tools that
 *   take the declared encoding literally keep it as part of the first column name (the
 *   Frictionless JavaScript library does), so the files of the data package are written
 *   without it (`csvText`); see src/open-data/downloads.ts for the two variants.
 * - RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): fields with a comma, a double quote
 *   or a line break are quoted, quotes doubled, records end in CRLF.
 * - CSV injection (https://owasp.org/www-community/attacks/CSV_Injection): a text cell that
 *   begins with `= + - @`, a tab or a carriage return is prefixed with an apostrophe, which
 *   spreadsheets show as text and never evaluate. Numbers are written as numbers, so a
 *   numeric column keeps `-3`.
 */

/** A cell as the writer accepts it; undefined and null are empty cells. */
export type CsvCell = string | number | boolean | null | undefined;

export const BOM = "\uFEFF";

/**
 * Characters that make a spreadsheet start a formula, per OWASP, plus their full-width
 * forms (＝＋－＠), which Chinese input methods type and some spreadsheet versions convert.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * The apostrophe that marks a neutralised cell. Text that itself begins with an apostrophe
 * gets one more, so the rule for reading a file back is one sentence: a text cell that
 * begins with an apostrophe has had one added; drop it.
 */
const INERT_MARK = "'";

/** The text a typed value is published as, before quoting. */
export function cellText(value: CsvCell): string {
  if (value === undefined || value === null) return "";
  // The data files write booleans as 是/否 (see `yesNo` in src/data/fields.ts); the
  // published files keep the editors' words, and the data package declares them.
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`CSV: ${value} is not a finite number`);
    return String(value);
  }
  return FORMULA_START.test(value) || value.startsWith(INERT_MARK) ? INERT_MARK + value : value;
}

/** Quotes a field when RFC 4180 requires it. */
export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvCell(value: CsvCell): string {
  return quoteField(cellText(value));
}

/** A whole file without a BOM: header, one CRLF-terminated record per row. */
export function csvText(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map((name) => quoteField(name)).join(",")];
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new Error(`CSV: a row has ${row.length} cells, the header ${header.length}`);
    }
    lines.push(row.map(csvCell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** A whole file for spreadsheets: BOM, header, one CRLF-terminated record per row. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  return BOM + csvText(header, rows);
}

/**
 * The inverse of the neutralisation, for readers of the published files (and the tests
 * that prove the files carry exactly the site's records): a text cell that begins with an
 * apostrophe had one added.
 */
export function restoreText(text: string): string {
  return text.startsWith(INERT_MARK) ? text.slice(INERT_MARK.length) : text;
}
