import Papa from "papaparse";
import type { DataIssue } from "./issues.ts";
import { WHOLE_FILE } from "./issues.ts";

/** One data row: its cells by header name, and the line it starts on in the file. */
export interface CsvRecord {
  line: number;
  cells: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
  issues: DataIssue[];
}

const QUOTING_HINT =
  "每行字段数与表头一致;内容含逗号、引号或换行时,整格用英文双引号括起,格内引号写两遍";

/** papaparse's quoting errors in an editor's words (its own messages are English). */
const QUOTE_PROBLEMS: Partial<Record<Papa.ParseError["code"], string>> = {
  MissingQuotes: "引号没有闭合(一格以英文双引号开头却没有结束的双引号)",
  InvalidQuotes: "引号用法不对(一格以英文双引号括起,格内却有没写两遍的双引号)",
};

/**
 * Parses CSV text with papaparse, keeping for every record the line it starts on as a text
 * editor shows it: papaparse's cursor gives each record's start offset, and the line is the
 * count of line breaks before it, so quoted cells that span lines are counted correctly.
 */
export function parseCsv(text: string, file: string): CsvTable {
  // One line-ending convention, so offsets map to lines the same way for CRLF files.
  const normalised = text.replace(/\r\n?/g, "\n");
  const issues: DataIssue[] = [];
  if (normalised.trim() === "") {
    issues.push({
      file,
      line: 1,
      column: WHOLE_FILE,
      problem: "文件是空的",
      allowed: "第一行是表头,其后每行一条记录",
    });
    return { header: [], records: [], issues };
  }

  const lineStarts = [0];
  for (let i = 0; i < normalised.length; i++) if (normalised[i] === "\n") lineStarts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const rows: { line: number; cells: string[] }[] = [];
  let start = 0;
  Papa.parse<string[]>(normalised, {
    delimiter: ",",
    newline: "\n",
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result) => {
      const line = lineAt(start);
      const recordStart = start;
      start = result.meta.cursor;
      if (result.errors.length > 0) {
        issues.push(...quotingIssues(result.errors, recordStart, line));
        // The rest of a record with a broken quote is garbage (an unclosed quote swallows
        // every following line into one cell): checking its cells would only add noise.
        return;
      }
      const cells = result.data;
      // Blank lines, and rows whose every cell is blank (what Excel leaves behind when the
      // contents of a row are deleted, e.g. `,,,`), carry no record.
      if (cells.every((cell) => cell.trim() === "")) return;
      rows.push({ line, cells });
    },
  });

  /**
   * One issue per broken quote. papaparse reports an unclosed quote together with a stray
   * quote at the same place (`"x"y` is both), so issues are keyed by position. The position
   * is the offset of the bad cell in the whole text (papaparse parses a string in one chunk),
   * which finds the right line inside a record that spans lines; otherwise the record's line.
   */
  function quotingIssues(
    errors: readonly Papa.ParseError[],
    recordStart: number,
    recordLine: number,
  ): DataIssue[] {
    const byPosition = new Map<number, Papa.ParseError>();
    for (const error of errors) {
      const position =
        typeof error.index === "number" && error.index >= recordStart ? error.index : recordStart;
      if (!byPosition.has(position) || error.code === "InvalidQuotes") {
        byPosition.set(position, error);
      }
    }
    return [...byPosition].map(([position, error]) => ({
      file,
      line: position === recordStart ? recordLine : lineAt(position),
      column: WHOLE_FILE,
      problem: QUOTE_PROBLEMS[error.code] ?? `无法解析这一行(${error.code})`,
      allowed: QUOTING_HINT,
    }));
  }

  const [headerRow, ...dataRows] = rows;
  if (!headerRow) {
    issues.push({
      file,
      line: 1,
      column: WHOLE_FILE,
      problem: "文件是空的",
      allowed: "第一行是表头,其后每行一条记录",
    });
    return { header: [], records: [], issues };
  }
  const header = headerRow.cells.map((name) => name.trim());
  const records: CsvRecord[] = [];
  for (const row of dataRows) {
    if (row.cells.length !== header.length) {
      issues.push({
        file,
        line: row.line,
        column: WHOLE_FILE,
        problem: `这一行有 ${row.cells.length} 个字段,表头有 ${header.length} 列`,
        allowed: QUOTING_HINT,
      });
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((name, i) => {
      cells[name] = row.cells[i] ?? "";
    });
    records.push({ line: row.line, cells });
  }
  return { header, records, issues };
}
