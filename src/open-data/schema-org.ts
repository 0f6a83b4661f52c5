import { formatChineseDate } from "../data/dates.ts";
import type { Region } from "../data/regions.ts";
import { describedColumns } from "../data/tables.ts";
import { combinedCoverage, latestModified } from "./coverage.ts";
import type { CatalogueSite } from "./coverage.ts";
import type { JsonLdNode, JsonLdValue } from "./json-ld.ts";
import { absoluteUrl, datasetMetadata, sampleSentence } from "./metadata.ts";
import type { PublishedTable, TemporalCoverage } from "./published-table.ts";

/**
 * schema.org markup (https://schema.org/CatalogueSite, https://schema.org/DataCatalog) for the
 * dataset pages and /data/, in the shape dataset search engines read
 * (https://developers.google.com/search/docs/appearance/structured-data/dataset). Regions
 * carry their GB/T 2260 codes as identifiers, so a reader can join on the code rather than
 * on a name that has several spellings.
 */

const CONTEXT = "https://schema.org";

/** `/data/`, where the catalogue lives; its schema.org node is `…/data/#catalog`. */
export const CATALOG_PATH = "/data/";

export function catalogId(dataset: CatalogueSite): string {
  return `${absoluteUrl(dataset.site.siteUrl, CATALOG_PATH)}#catalog`;
}

export function datasetId(dataset: CatalogueSite, table: PublishedTable): string {
  return `${datasetMetadata(dataset, table).pageUrl}#dataset`;
}

/** The catalogue's title, shared by the /data/ page, its markup and the DCAT file. */
export function catalogTitle(dataset: CatalogueSite): string {
  return `${dataset.site.siteName}开放数据`;
}

export function catalogDescription(dataset: CatalogueSite): string {
  const { site } = dataset;
  return `${site.jurisdiction.name}政务公开数据：本站页面上的每一条记录，以 CSV（Excel 用与程序用两种）和 JSON 下载，附 Frictionless 数据包描述，数据截至${formatChineseDate(site.asOf)}。${sampleSentence(dataset)}`;
}

function organization(dataset: CatalogueSite): JsonLdNode {
  return { "@type": "Organization", name: dataset.site.publisher, url: dataset.site.siteUrl };
}

function region(place: Region): JsonLdNode {
  return {
    "@type": "Place",
    name: place.name,
    identifier: { "@type": "PropertyValue", propertyID: "GB/T 2260", value: place.code },
  };
}

/** The jurisdiction, with the county-level divisions the data names. */
function spatialCoverage(dataset: CatalogueSite, regions: readonly Region[]): JsonLdNode {
  const counties = regions.filter((place) => place.code !== dataset.jurisdiction.code);
  const jurisdiction = region(dataset.jurisdiction);
  return counties.length === 0
    ? jurisdiction
    : { ...jurisdiction, containsPlace: counties.map(region) };
}

/** ISO 8601 interval `start/end`, schema.org's form for temporalCoverage. */
function interval(span: TemporalCoverage): string {
  return `${span.start}/${span.end}`;
}

/**
 * A Dataset node: in full for the dataset's own page; inside the /data/ catalogue
 * (`inCatalog`) without the context and the column list, which the dataset's page carries.
 */
export function schemaOrgDataset(
  dataset: CatalogueSite,
  table: PublishedTable,
  inCatalog = false,
): JsonLdNode {
  const { site } = dataset;
  const metadata = datasetMetadata(dataset, table);
  const node: Record<string, JsonLdValue> = {
    ...(inCatalog ? {} : { "@context": CONTEXT }),
    "@type": "Dataset",
    "@id": datasetId(dataset, table),
    name: metadata.title,
    description: metadata.description,
    url: metadata.pageUrl,
    identifier: table.name,
    inLanguage: "zh-CN",
    isAccessibleForFree: true,
    license: site.licence.url,
    keywords: metadata.keywords,
    creator: organization(dataset),
    publisher: organization(dataset),
    dateModified: metadata.coverage.modified,
    spatialCoverage: spatialCoverage(dataset, metadata.coverage.regions),
    distribution: metadata.downloads.map((download) => ({
      "@type": "DataDownload",
      name: `${table.name}:${download.label}`,
      description: download.description,
      encodingFormat: download.mediaType,
      contentUrl: absoluteUrl(site.siteUrl, download.path),
      contentSize: `${download.bytes} B`,
    })),
    includedInDataCatalog: {
      "@type": "DataCatalog",
      "@id": catalogId(dataset),
      name: catalogTitle(dataset),
    },
  };
  if (metadata.coverage.temporal) node["temporalCoverage"] = interval(metadata.coverage.temporal);
  if (!inCatalog) {
    node["variableMeasured"] = describedColumns(table.spec).map(([name, column]) => ({
      "@type": "PropertyValue",
      name,
      description: column.doc,
    }));
  }
  return node;
}

/** The DataCatalog of /data/: the site's datasets, each described in full. */
export function schemaOrgCatalog(
  dataset: CatalogueSite,
  tables: readonly PublishedTable[],
): JsonLdNode {
  const { site } = dataset;
  const described = tables.map((table) => datasetMetadata(dataset, table));
  const temporal = combinedCoverage(described.map((metadata) => metadata.coverage.temporal));
  const modified = latestModified(
    described.map((metadata) => metadata.coverage),
    site.asOf,
  );
  const node: Record<string, JsonLdValue> = {
    "@context": CONTEXT,
    "@type": "DataCatalog",
    "@id": catalogId(dataset),
    name: catalogTitle(dataset),
    description: catalogDescription(dataset),
    url: absoluteUrl(site.siteUrl, CATALOG_PATH),
    inLanguage: "zh-CN",
    isAccessibleForFree: true,
    license: site.licence.url,
    keywords: [site.jurisdiction.name, "政务公开", "开放数据"],
    creator: organization(dataset),
    publisher: organization(dataset),
    dateModified: modified,
    spatialCoverage: spatialCoverage(dataset, dataset.counties),
    dataset: tables.map((table) => schemaOrgDataset(dataset, table, true)),
  };
  if (temporal) node["temporalCoverage"] = interval(temporal);
  return node;
}
