import type { SiteConfig } from "../data/site-config.ts";

/** What a published file needs to know of the site. */
type Publisher = { site: SiteConfig };
import { formatChineseDate } from "../data/dates.ts";
import { tableCsv } from "./published-table.ts";
import type { PublishedTable } from "./published-table.ts";
import { tableSchema } from "./table-schema.ts";
import type { KeyedResource, TableSchema } from "./table-schema.ts";

/**
 * `/data/datapackage.json`: a Frictionless Tabular Data Package
 * (https://specs.frictionlessdata.io/tabular-data-package/) describing every published CSV,
 * so `frictionless validate https://…/data/datapackage.json` checks the files, their
 * types, vocabularies, keys and cross-file references, and `bytes` lets a reader confirm
 * a download is complete.
 */

export interface DataResource {
  profile: "tabular-data-resource";
  name: string;
  /** Relative to the descriptor, which sits beside the files in /data/. */
  path: string;
  title: string;
  description: string;
  format: "csv";
  mediatype: "text/csv";
  /**
   * The files have no BOM: the JavaScript reference library reads a declared `utf-8`
   * literally and would take the mark for part of the first column name (frictionless-py
   * switches to `utf-8-sig` when it sees one, so it reads either). Excel users get their
   * own copy with a BOM under /data/excel/ (see downloads.ts).
   */
  encoding: "utf-8";
  dialect: {
    delimiter: ",";
    lineTerminator: "\r\n";
    quoteChar: '"';
    doubleQuote: true;
    header: true;
  };
  /**
   * Size of the file, so a reader can tell a truncated download. No `hash`: a hex digest
   * holds runs of decimal digits that the privacy guard (rightly strict) reads as phone
   * numbers, and the size catches the usual failure, an interrupted download.
   */
  bytes: number;
  schema: TableSchema;
}

export interface DataPackage {
  profile: "tabular-data-package";
  name: string;
  title: string;
  description: string;
  homepage: string;
  /** The date of the data (not of the build), as every page states it. */
  asOf: string;
  licenses: { title: string; path: string }[];
  sources: { title: string; path: string }[];
  keywords: string[];
  resources: DataResource[];
}

/** File name of a table's CSV inside /data/. */
export function csvFileName(table: PublishedTable): string {
  return `${table.name}.csv`;
}

export function dataPackage(dataset: Publisher, tables: readonly PublishedTable[]): DataPackage {
  const { site } = dataset;
  const resourceOfFile = new Map<string, KeyedResource>();
  for (const table of tables) {
    if (table.spec.primaryKey) {
      resourceOfFile.set(table.spec.file, { name: table.name, primaryKey: table.spec.primaryKey });
    }
  }
  const resources = tables.map((table): DataResource => {
    const bytes = Buffer.from(tableCsv(table), "utf8");
    return {
      profile: "tabular-data-resource",
      name: table.name,
      path: csvFileName(table),
      title: table.title,
      description: table.description,
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      dialect: {
        delimiter: ",",
        lineTerminator: "\r\n",
        quoteChar: '"',
        doubleQuote: true,
        header: true,
      },
      bytes: bytes.length,
      schema: tableSchema(table.spec, resourceOfFile),
    };
  });
  const sample = site.sample ? "逐条明细为虚构的示例数据。" : "";
  return {
    profile: "tabular-data-package",
    name: `gongshi-${site.jurisdiction.code}`,
    title: `${site.siteName}开放数据`,
    description: `${site.jurisdiction.name}公示数据,截至${formatChineseDate(site.asOf)}。${sample}以英文单引号开头的文本单元格,开头的单引号是为防止电子表格把内容当作公式执行而加的,读取时去掉这一个单引号即为原值。`,
    homepage: new URL("data/", site.siteUrl).href,
    asOf: site.asOf,
    licenses: [{ title: site.licence.name, path: site.licence.url }],
    sources: [{ title: site.publisher, path: site.siteUrl }],
    keywords: [site.jurisdiction.name, "政务公开", "公示"],
    resources,
  };
}

const jsonCache = new WeakMap<readonly PublishedTable[], string>();

/** `/data/datapackage.json` as served; the DCAT catalogue states its size. */
export function dataPackageJson(dataset: Publisher, tables: readonly PublishedTable[]): string {
  let json = jsonCache.get(tables);
  if (json === undefined) {
    json = `${JSON.stringify(dataPackage(dataset, tables), null, 2)}\n`;
    jsonCache.set(tables, json);
  }
  return json;
}
