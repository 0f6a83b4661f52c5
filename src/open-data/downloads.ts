import type { SiteConfig } from "../data/site-config.ts";
import { BOM } from "./csv.ts";
import { tableJson } from "./json.ts";
import { tableCsv } from "./published-table.ts";
import type { PublishedTable } from "./published-table.ts";
import { utf8Bytes } from "./sizes.ts";

/**
 * Every file a dataset is offered as, and where it lives. Two CSV variants hold the same
 * records, because no one file serves both kinds of reader:
 *
 * - `/data/<name>.csv`, for tools: UTF-8 without a byte-order mark, the file the data
 *   package describes. The Frictionless JavaScript library (npm `datapackage`) reads a
 *   declared `utf-8` literally, so a BOM would become part of the first column's name and
 *   every resource would fail to load; R's `read.csv` and Python's `csv` module do the same.
 * - `/data/excel/<name>.csv`, for people: the same bytes after a BOM, which Excel and WPS
 *   on Chinese Windows need to read the file as UTF-8 instead of GBK. Same file name, so a
 *   download saves as `<name>.csv` either way.
 */

export type DownloadKind = "excel-csv" | "csv" | "json";

export interface DatasetDownload {
  kind: DownloadKind;
  /** Site path of the file. */
  path: string;
  format: "CSV" | "JSON";
  mediaType: "text/csv" | "application/json";
  /** The link text: what the file is and whom it is for. */
  label: string;
  /** One sentence on how the file is written. */
  description: string;
  /** Size of the file as served. */
  bytes: number;
}

/** `/data/<name>/`: the dataset's own page. */
export function datasetPath(table: PublishedTable): string {
  return `/data/${table.name}/`;
}

/** `/data/<name>.csv`: the CSV for tools, named by the data package. */
export function csvPath(table: PublishedTable): string {
  return `/data/${table.name}.csv`;
}

/** `/data/excel/<name>.csv`: the CSV for Excel and WPS. */
export function excelCsvPath(table: PublishedTable): string {
  return `/data/excel/${table.name}.csv`;
}

export function jsonPath(table: PublishedTable): string {
  return `/data/${table.name}.json`;
}

/** The Excel variant: the tools' file after a byte-order mark. */
export function tableExcelCsv(table: PublishedTable): string {
  return BOM + tableCsv(table);
}

const cache = new WeakMap<PublishedTable, DatasetDownload[]>();

/** The dataset's files in the order pages offer them: the one most readers want first. */
export function datasetDownloads(
  dataset: { site: SiteConfig },
  table: PublishedTable,
): DatasetDownload[] {
  const cached = cache.get(table);
  if (cached) return cached;
  const csvBytes = utf8Bytes(tableCsv(table));
  const downloads: DatasetDownload[] = [
    {
      kind: "excel-csv",
      path: excelCsvPath(table),
      format: "CSV",
      mediaType: "text/csv",
      label: "CSV（Excel、WPS 用）",
      description: "UTF-8 编码，带字节顺序标记（BOM），Excel 和 WPS 直接打开不会乱码。",
      bytes: utf8Bytes(BOM) + csvBytes,
    },
    {
      kind: "csv",
      path: csvPath(table),
      format: "CSV",
      mediaType: "text/csv",
      label: "CSV（程序、数据工具用）",
      description:
        "UTF-8 编码，不带 BOM，即数据包 datapackage.json 描述的文件，供 Python、R、Frictionless 等工具直接读取。",
      bytes: csvBytes,
    },
    {
      kind: "json",
      path: jsonPath(table),
      format: "JSON",
      mediaType: "application/json",
      label: "JSON",
      description:
        "同样的记录：数字为数值，是/否为 true/false，空值为 null，并附数据说明和截至日期。",
      bytes: utf8Bytes(tableJson(dataset, table)),
    },
  ];
  cache.set(table, downloads);
  return downloads;
}
