import type { Columns, RowOf } from "../data/fields.ts";
import { columnEntries } from "../data/table.ts";
import type { TableSpec } from "../data/table.ts";
import type { TableDescription } from "../data/tables.ts";
import { toCsv } from "./csv.ts";

/** A published cell: what the column schemas decode to (undefined is an empty cell). */
export type PublishedValue = string | number | boolean | undefined;

/** One published record: exactly the published columns, nothing else. */
export type PublishedRecord = Readonly<Record<string, PublishedValue>>;

/**
 * A dataset as the site publishes it: a CSV and a JSON file under /data/, a resource of the
 * data package, and a section of the /data/ page. Its columns are a table spec, so the
 * Table Schema, the column documentation and the files all come from one definition.
 */
export interface PublishedTable {
  /** Resource name and file stem (`/data/<name>.csv`). A public contract: never rename. */
  name: string;
  title: string;
  /** One or two sentences for the /data/ page and the data package. */
  description: string;
  /**
   * The published columns, in order. For a register with personal data, this is its
   * public projection; records are cut down to these columns before anything is written.
   */
  spec: TableDescription;
  records: readonly PublishedRecord[];
  /** Site path of a record's own page, when records have one (e.g. `/exposures/E-1/`). */
  recordPath?: (record: PublishedRecord) => string;
}

export interface PublishOptions<C extends Columns> {
  name: string;
  title: string;
  description: string;
  spec: TableSpec<C>;
  rows: Iterable<RowOf<C>>;
  recordPath?: (record: PublishedRecord) => string;
  /**
   * The cell of a column whose decoded value is not a plain cell, e.g. a parsed period
   * written back as the text editors wrote (`2021-Q1`).
   */
  encode?: { [K in keyof C & string]?: (value: RowOf<C>[K]) => PublishedValue };
}

function publishedValue(table: string, column: string, value: unknown): PublishedValue {
  if (
    value === undefined ||
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean"
  ) {
    return value;
  }
  // Column schemas decode to these four; anything else is a programming error upstream.
  throw new Error(`open data: ${table}.${column} holds a ${typeof value}, not a cell value`);
}

/**
 * Declares a published table. Rows are projected onto the spec's columns here, once, so no
 * file can carry a field the spec does not publish (a letter's private columns, say).
 */
export function publishTable<C extends Columns>(options: PublishOptions<C>): PublishedTable {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(options.name)) {
    throw new Error(`open data: "${options.name}" is not a lower-case ASCII resource name`);
  }
  const names = columnEntries(options.spec.columns).map(([name]) => name);
  const records: PublishedRecord[] = [];
  for (const row of options.rows) {
    const source = row as Record<string, unknown>;
    const record: Record<string, PublishedValue> = {};
    for (const name of names) {
      const encoder = options.encode?.[name] as ((value: unknown) => PublishedValue) | undefined;
      record[name] = encoder
        ? encoder(source[name])
        : publishedValue(options.name, name, source[name]);
    }
    records.push(record);
  }
  const table: PublishedTable = {
    name: options.name,
    title: options.title,
    description: options.description,
    spec: options.spec,
    records,
  };
  if (options.recordPath) table.recordPath = options.recordPath;
  return table;
}

export function columnNames(table: PublishedTable): string[] {
  return columnEntries(table.spec.columns).map(([name]) => name);
}

const csvCache = new WeakMap<PublishedTable, string>();

/**
 * `/data/<name>.csv`: the records in the published columns. Written once per table: the
 * file, its size on /data/ and its hash in the data package all need it, and a register of
 * 100,000 items makes a large file.
 */
export function tableCsv(table: PublishedTable): string {
  let csv = csvCache.get(table);
  if (csv === undefined) {
    const names = columnNames(table);
    csv = toCsv(
      names,
      table.records.map((record) => names.map((name) => record[name])),
    );
    csvCache.set(table, csv);
  }
  return csv;
}
