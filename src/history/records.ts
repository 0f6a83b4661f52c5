/**
 * CSV records (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180) as the history reads them:
 * a record ends at a line break outside double quotes; a quoted cell doubles its quotes.
 * The same rules as the data path's parser (`src/data/csv.ts`, papaparse), written out
 * because history parses only the records that changed, a few at a time.
 */

/** Splits text that starts at a record boundary into records (line endings removed). */
export function splitRecords(text: string): string[] {
  const records: string[] = [];
  let start = 0;
  let inQuotes = false;
  let quote = text.indexOf('"');
  let newline = text.indexOf("\n");
  while (newline >= 0) {
    if (quote >= 0 && quote < newline) {
      inQuotes = !inQuotes;
      quote = text.indexOf('"', quote + 1);
      continue;
    }
    if (!inQuotes) {
      records.push(stripCarriageReturn(text.slice(start, newline)));
      start = newline + 1;
    }
    newline = text.indexOf("\n", newline + 1);
  }
  if (start < text.length) records.push(stripCarriageReturn(text.slice(start)));
  return records;
}

function stripCarriageReturn(record: string): string {
  return record.endsWith("\r") ? record.slice(0, -1) : record;
}

/**
 * The cells of one record, or undefined when its quotes are broken (an unclosed quote, or
 * text after a closing quote). A quote inside an unquoted cell is kept, as papaparse does.
 */
export function parseRecord(record: string): string[] | undefined {
  const cells: string[] = [];
  let at = 0;
  const length = record.length;
  for (;;) {
    if (record[at] === '"') {
      let cell = "";
      let from = at + 1;
      for (;;) {
        const quote = record.indexOf('"', from);
        if (quote < 0) return undefined;
        cell += record.slice(from, quote);
        if (record[quote + 1] === '"') {
          cell += '"';
          from = quote + 2;
          continue;
        }
        at = quote + 1;
        break;
      }
      cells.push(cell.replace(/\r\n?/g, "\n"));
      if (at === length) return cells;
      if (record[at] !== ",") return undefined;
      at++;
      continue;
    }
    const comma = record.indexOf(",", at);
    if (comma < 0) {
      cells.push(record.slice(at));
      return cells;
    }
    cells.push(record.slice(at, comma));
    at = comma + 1;
  }
}

/** A blank record (an empty line, or only commas and spaces), which the data path skips. */
export function isBlankRecord(record: string): boolean {
  return /^[\s,]*$/.test(record);
}

/** Cells by column name. */
export type Cells = Readonly<Record<string, string>>;

export function cellsOf(header: readonly string[], values: readonly string[]): Cells {
  const cells: Record<string, string> = {};
  header.forEach((name, i) => {
    cells[name] = values[i] ?? "";
  });
  return cells;
}

/** The header's column names (a leading byte-order mark dropped, names trimmed). */
export function parseHeader(record: string): string[] | undefined {
  return parseRecord(record.replace(/^\uFEFF/, ""))?.map((name) => name.trim());
}

/**
 * What a cell says once formatting is set aside: an edit that only adds, removes or changes
 * spaces, tabs, line breaks (or the invisible zero-width characters), or writes punctuation
 * in the other width (`,` → `，`, `"` → `“`), is not a change. NFKC folds the full-width
 * forms; quotation marks are folded by hand (NFKC keeps them).
 */
export function normalizeCell(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/[“”「」『』]/gu, '"')
    .replace(/[‘’]/gu, "'")
    .replace(/。/gu, ".")
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, "");
}
