import type { IsoDate } from "../data/dates.ts";
import type { Columns, RowOf } from "../data/fields.ts";
import type { TableSpec } from "../data/table.ts";
import { describedColumns } from "../data/tables.ts";
import type { TableDescription } from "../data/tables.ts";
import { csvText } from "./csv.ts";

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
  /**
   * The span of time the records are about, for a table whose time is not in its date
   * columns (indicator values carry periods such as `2021-Q1`). Without it the span runs
   * from the earliest date in the table's date columns to the data's as-of date.
   */
  temporalCoverage?: TemporalCoverage;
}

/** First and last day a dataset's records are about. */
export interface TemporalCoverage {
  start: IsoDate;
  end: IsoDate;
}

/**
 * Names a table may not take: /data/<name>.json, /data/<name>/ and the Excel variant's
 * folder would collide with the data package, the catalogue or the Excel files.
 */
const RESERVED_NAMES = new Set(["datapackage", "catalog", "excel"]);

export interface PublishOptions<C extends Columns> {
  name: string;
  title: string;
  description: string;
  spec: TableSpec<C>;
  rows: Iterable<RowOf<C>>;
  recordPath?: (record: PublishedRecord) => string;
  temporalCoverage?: TemporalCoverage | undefined;
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

interface Projection {
  name: string;
  title: string;
  description: string;
  spec: TableDescription;
  rows: Iterable<Readonly<Record<string, unknown>>>;
  encode: Readonly<Record<string, ((value: unknown) => PublishedValue) | undefined>>;
  recordPath: ((record: PublishedRecord) => string) | undefined;
  temporalCoverage: TemporalCoverage | undefined;
}

/** Projects rows onto the spec's columns, once, so no file carries an unpublished field. */
function project(options: Projection): PublishedTable {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(options.name)) {
    throw new Error(`open data: "${options.name}" is not a lower-case ASCII resource name`);
  }
  if (RESERVED_NAMES.has(options.name)) {
    throw new Error(`open data: "${options.name}" is reserved for the site's own files`);
  }
  const names = Object.keys(options.spec.columns);
  const records: PublishedRecord[] = [];
  for (const row of options.rows) {
    const record: Record<string, PublishedValue> = {};
    for (const name of names) {
      const encoder = options.encode[name];
      record[name] = encoder ? encoder(row[name]) : publishedValue(options.name, name, row[name]);
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
  if (options.temporalCoverage) table.temporalCoverage = options.temporalCoverage;
  return table;
}

/**
 * Declares a published data file: its validated rows in its own columns, so the file has
 * the header the editor guide documents. A letter's private columns, say, are left out by
 * publishing a view instead (`publishView`).
 */
export function publishTable<C extends Columns>(options: PublishOptions<C>): PublishedTable {
  return project({
    name: options.name,
    title: options.title,
    description: options.description,
    spec: options.spec,
    rows: options.rows as Iterable<Record<string, unknown>>,
    encode: (options.encode ?? {}) as Projection["encode"],
    recordPath: options.recordPath,
    temporalCoverage: options.temporalCoverage,
  });
}

export interface PublishViewOptions {
  name: string;
  title: string;
  description: string;
  /** The documented columns of the view, e.g. a register's public projection. */
  spec: TableDescription;
  records: Iterable<Readonly<Record<string, PublishedValue>>>;
  recordPath?: (record: PublishedRecord) => string;
  temporalCoverage?: TemporalCoverage | undefined;
}

/**
 * Declares a published view that is not a data file as such: records built by the code
 * that owns the data (a register's public projection, with derived columns). A record with
 * a key the view does not document is refused, so nothing reaches a file undocumented.
 */
export function publishView(options: PublishViewOptions): PublishedTable {
  const names = new Set(Object.keys(options.spec.columns));
  const records: Readonly<Record<string, PublishedValue>>[] = [];
  for (const record of options.records) {
    for (const key of Object.keys(record)) {
      if (!names.has(key)) throw new Error(`open data: ${options.name} has no column "${key}"`);
    }
    records.push(record);
  }
  return project({
    name: options.name,
    title: options.title,
    description: options.description,
    spec: options.spec,
    rows: records,
    encode: {},
    recordPath: options.recordPath,
    temporalCoverage: options.temporalCoverage,
  });
}

export function columnNames(table: PublishedTable): string[] {
  return describedColumns(table.spec).map(([name]) => name);
}

const csvCache = new WeakMap<PublishedTable, string>();

/**
 * `/data/<name>.csv`: the records in the published columns, UTF-8 without a BOM, as the
 * data package declares (the Excel variant is this text after a BOM, see downloads.ts).
 * Written once per table: the file, its size on the pages and in the data package all need
 * it, and a register of 100,000 items makes a large file.
 */
export function tableCsv(table: PublishedTable): string {
  let csv = csvCache.get(table);
  if (csv === undefined) {
    const names = columnNames(table);
    csv = csvText(
      names,
      table.records.map((record) => names.map((name) => record[name])),
    );
    csvCache.set(table, csv);
  }
  return csv;
}
