import type { SiteConfig } from "../data/site-config.ts";

/** What a published file needs to know of the site. */
type Publisher = { site: SiteConfig };
import { columnNames } from "./published-table.ts";
import type { PublishedRecord, PublishedTable } from "./published-table.ts";

/** A JSON value of a published cell: empty cells are null, so every column is present. */
export type JsonCell = string | number | boolean | null;

/** A record as JSON: the published columns in order, typed (numbers, true/false, null). */
export function recordJson(
  table: PublishedTable,
  record: PublishedRecord,
): Record<string, JsonCell> {
  const json: Record<string, JsonCell> = {};
  for (const name of columnNames(table)) json[name] = record[name] ?? null;
  return json;
}

/** The metadata every JSON download carries, so a file saved on its own still says what it is. */
export interface JsonEnvelope {
  title: string;
  description: string;
  /** The date of the data. */
  asOf: string;
  publisher: string;
  licence: { name: string; url: string };
  /** The same records as CSV. */
  csv: string;
}

export function envelope(dataset: Publisher, table: PublishedTable): JsonEnvelope {
  const { site } = dataset;
  return {
    title: table.title,
    description: table.description,
    asOf: site.asOf,
    publisher: site.publisher,
    licence: site.licence,
    csv: new URL(`data/${table.name}.csv`, site.siteUrl).href,
  };
}

const jsonCache = new WeakMap<PublishedTable, string>();

/**
 * `/data/<name>.json`: the envelope, the record count and the records, one record per
 * line: a third of the size of indented JSON for large tables, and still readable and
 * line-diffable.
 */
export function tableJson(dataset: Publisher, table: PublishedTable): string {
  const cached = jsonCache.get(table);
  if (cached !== undefined) return cached;
  const head = JSON.stringify(
    { ...envelope(dataset, table), count: table.records.length },
    null,
    2,
  );
  const records = table.records.map((record) => `    ${JSON.stringify(recordJson(table, record))}`);
  const body = records.length === 0 ? "[]" : `[\n${records.join(",\n")}\n  ]`;
  const json = `${head.slice(0, -2)},\n  "records": ${body}\n}\n`;
  jsonCache.set(table, json);
  return json;
}
