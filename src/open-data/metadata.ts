import { formatChineseDate } from "../data/dates.ts";
import { formatCount } from "../format/numbers.ts";
import { datasetCoverage } from "./coverage.ts";
import type { CatalogueSite, DatasetCoverage } from "./coverage.ts";
import { datasetDownloads, datasetPath } from "./downloads.ts";
import type { DatasetDownload } from "./downloads.ts";
import type { PublishedTable } from "./published-table.ts";

/**
 * What the catalogue says about one published table, gathered once: the dataset page, the
 * schema.org markup and the DCAT catalogue all state the same facts in their own words.
 */
export interface DatasetMetadata {
  table: PublishedTable;
  /** Absolute URL of the dataset's page. */
  pageUrl: string;
  title: string;
  /**
   * The table's description followed by its size, as-of date and, on a demo site, that the
   * records are sample data: complete enough to stand alone in a search result.
   */
  description: string;
  downloads: DatasetDownload[];
  coverage: DatasetCoverage;
  keywords: string[];
}

/** A site path as an absolute URL under the configured site URL (which may have a path). */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ""), siteUrl).href;
}

/** The sentence every catalogue description of a demo site ends with. */
export function sampleSentence(dataset: CatalogueSite): string {
  return dataset.site.sample ? "逐条明细为演示用的虚构示例数据。" : "";
}

const cache = new WeakMap<PublishedTable, DatasetMetadata>();

export function datasetMetadata(dataset: CatalogueSite, table: PublishedTable): DatasetMetadata {
  const cached = cache.get(table);
  if (cached) return cached;
  const { site } = dataset;
  const metadata: DatasetMetadata = {
    table,
    pageUrl: absoluteUrl(site.siteUrl, datasetPath(table)),
    title: table.title,
    description: `${table.description}共 ${formatCount(table.records.length)} 条记录，数据截至${formatChineseDate(site.asOf)}。${sampleSentence(dataset)}`,
    downloads: datasetDownloads(dataset, table),
    coverage: datasetCoverage(dataset, table),
    keywords: [site.jurisdiction.name, table.title, "政务公开", "开放数据"],
  };
  cache.set(table, metadata);
  return metadata;
}
