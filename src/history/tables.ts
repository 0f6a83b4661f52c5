import { UnreadableVersionError, allRecords, changedRecords } from "./diff.ts";
import type { ObjectStore } from "./objects/store.ts";
import type { Cells } from "./records.ts";
import {
  cellsOf,
  isBlankRecord,
  normalizeCell,
  parseHeader,
  parseRecord,
  splitRecords,
} from "./records.ts";

/**
 * What history reads of a data file: which column names the record a row belongs to, what
 * tells a record's rows apart (a timeline has many rows per item), and which columns it
 * keeps. Columns it does not list (a letter's private fields) are never read into history.
 */
export interface TrackedTable {
  /** File name in the data directory, e.g. `exposures.csv`. */
  file: string;
  /** Column naming the record: `id` of an item, `item_id` of a timeline event. */
  record: string;
  /**
   * Columns that together tell one row of a record from its others, for files with many
   * rows per record (e.g. `["item_id", "date", "kind"]`); by default the record column.
   */
  row?: readonly string[];
  /** Columns whose values history keeps for changed rows (public and consent columns). */
  columns: readonly string[];
  /**
   * Columns kept for rows added to or removed from a record with many rows (a new event's
   * date, kind and status); a removed event keeps all `columns`, to show what went.
   */
  brief?: readonly string[];
}

/** A change to one row of a data file. */
export interface RowChange {
  /** The record (item) the row belongs to. */
  record: string;
  /** The row's identity within its record (the record id for one-row records). */
  row: string;
  change: "added" | "removed" | "changed";
  /** Changed rows: tracked columns before and after (whitespace-only edits are not changes). */
  before?: Cells;
  after?: Cells;
}

/** What one commit did to one tracked file. */
export interface TableChange {
  file: string;
  /** The file's blob after the commit (undefined: deleted). */
  blob: string | undefined;
  /**
   * False when this version cannot be read (not UTF-8, an unclosed quote, a row with the
   * wrong number of cells): it could not have been published, so it counts for nothing,
   * and the next readable version is compared with the last readable one.
   */
  readable: boolean;
  problem?: string;
  rows: RowChange[];
}

interface ParsedRow {
  record: string;
  row: string;
  cells: Cells;
}

function pick(cells: Cells, columns: readonly string[]): Cells {
  const picked: Record<string, string> = {};
  for (const column of columns) picked[column] = (cells[column] ?? "").trim();
  return picked;
}

/** Parses records with a header; throws `UnreadableVersionError` on anything unreadable. */
function parseRows(table: TrackedTable, headerRecord: string, records: readonly string[]) {
  const header = parseHeader(headerRecord);
  if (!header || !header.includes(table.record)) {
    throw new UnreadableVersionError(`表头没有 ${table.record} 列`);
  }
  const identity = table.row ?? [table.record];
  const rows: ParsedRow[] = [];
  for (const record of records) {
    const values = parseRecord(record);
    if (!values) throw new UnreadableVersionError("有一行的引号用法不对");
    if (values.length !== header.length) {
      throw new UnreadableVersionError(
        `有一行有 ${values.length} 个字段，表头有 ${header.length} 列`,
      );
    }
    const cells = cellsOf(header, values);
    const id = (cells[table.record] ?? "").trim();
    if (id === "") throw new UnreadableVersionError(`有一行的 ${table.record} 是空的`);
    rows.push({
      record: id,
      row: identity.map((column) => (cells[column] ?? "").trim()).join("\u001f"),
      cells,
    });
  }
  return rows;
}

function differs(before: Cells, after: Cells, columns: readonly string[]): boolean {
  return columns.some(
    (column) => normalizeCell(before[column] ?? "") !== normalizeCell(after[column] ?? ""),
  );
}

/** Rows with the same identity on both sides are changes of one row; the rest came or went. */
function pairRows(table: TrackedTable, removed: ParsedRow[], added: ParsedRow[]): RowChange[] {
  const manyRows = table.row !== undefined;
  const byRow = new Map<string, { removed: ParsedRow[]; added: ParsedRow[] }>();
  const slot = (row: string) => {
    let entry = byRow.get(row);
    if (!entry) byRow.set(row, (entry = { removed: [], added: [] }));
    return entry;
  };
  for (const row of removed) slot(row.row).removed.push(row);
  for (const row of added) slot(row.row).added.push(row);
  const changes: RowChange[] = [];
  for (const [row, pair] of byRow) {
    const paired = Math.min(pair.removed.length, pair.added.length);
    for (let i = 0; i < paired; i++) {
      const before = pair.removed[i];
      const after = pair.added[i];
      if (!before || !after || !differs(before.cells, after.cells, table.columns)) continue;
      changes.push({
        record: after.record,
        row,
        change: "changed",
        before: pick(before.cells, table.columns),
        after: pick(after.cells, table.columns),
      });
    }
    for (const gone of pair.removed.slice(paired)) {
      const change: RowChange = { record: gone.record, row, change: "removed" };
      if (manyRows) change.before = pick(gone.cells, table.columns);
      changes.push(change);
    }
    for (const come of pair.added.slice(paired)) {
      const change: RowChange = { record: come.record, row, change: "added" };
      if (manyRows) change.after = pick(come.cells, table.brief ?? []);
      changes.push(change);
    }
  }
  return changes;
}

/** What a commit did to a tracked file, from its blob before and after. */
export function tableChange(
  store: ObjectStore,
  table: TrackedTable,
  path: { before: string | undefined; after: string | undefined },
): TableChange {
  const result = (rows: RowChange[]): TableChange => ({
    file: table.file,
    blob: path.after,
    readable: true,
    rows,
  });
  try {
    if (path.after === undefined) {
      if (path.before === undefined) return result([]);
      const old = allRecords(store.text(path.before));
      return result(pairRows(table, parseRows(table, old.header, old.records), []));
    }
    if (path.before === undefined) {
      const all = allRecords(store.text(path.after));
      return result(pairRows(table, [], parseRows(table, all.header, all.records)));
    }
    const before = store.version(path.before);
    const after = store.version(path.after);
    const records = changedRecords(before.text, after.text, store.alignment(before, after) ?? []);
    return result(
      pairRows(
        table,
        parseRows(table, records.headerBefore, records.removed),
        parseRows(table, records.headerAfter, records.added),
      ),
    );
  } catch (error) {
    if (!(error instanceof UnreadableVersionError)) throw error;
    return {
      file: table.file,
      blob: path.after,
      readable: false,
      problem: error.message,
      rows: [],
    };
  }
}

/** Header and records of a whole file's text (blank records left out). */
function recordsOfText(text: string): { header: string; records: string[] } {
  // An odd number of quotes leaves one open: the rest of the file would be one cell.
  if ((text.split('"').length - 1) % 2 === 1) throw new UnreadableVersionError("引号没有闭合");
  const [header = "", ...records] = splitRecords(text.replace(/^\uFEFF/, "")).filter(
    (record) => !isBlankRecord(record),
  );
  return { header, records };
}

/**
 * What changed between two whole texts of a tracked file (undefined: absent), e.g. the last
 * commit's version and the working tree's: `npm run diff` compares files this way.
 */
export function tableChangeOfTexts(
  table: TrackedTable,
  before: string | undefined,
  after: string | undefined,
): TableChange {
  try {
    const old = before === undefined ? { header: "", records: [] } : recordsOfText(before);
    const now = after === undefined ? { header: "", records: [] } : recordsOfText(after);
    // Records the same in both, character for character, need no parsing (unless the header
    // changed, which changes what every cell means).
    const sameHeader = old.header === now.header;
    const counts = new Map<string, number>();
    if (sameHeader)
      for (const record of old.records) counts.set(record, (counts.get(record) ?? 0) + 1);
    const addedRecords = now.records.filter((record) => {
      const count = counts.get(record) ?? 0;
      if (count === 0) return true;
      counts.set(record, count - 1);
      return false;
    });
    const removedRecords = old.records.filter((record) => {
      const count = counts.get(record) ?? 0;
      if (!sameHeader) return true;
      if (count === 0) return false;
      counts.set(record, count - 1);
      return true;
    });
    return {
      file: table.file,
      blob: undefined,
      readable: true,
      rows: pairRows(
        table,
        before === undefined ? [] : parseRows(table, old.header, removedRecords),
        after === undefined ? [] : parseRows(table, now.header, addedRecords),
      ),
    };
  } catch (error) {
    if (!(error instanceof UnreadableVersionError)) throw error;
    return { file: table.file, blob: undefined, readable: false, problem: error.message, rows: [] };
  }
}
