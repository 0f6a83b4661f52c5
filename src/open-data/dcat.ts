import type { IsoDate } from "../data/dates.ts";
import type { Region } from "../data/regions.ts";
import { combinedCoverage, latestModified } from "./coverage.ts";
import type { CatalogueSite } from "./coverage.ts";
import type { DatasetDownload } from "./downloads.ts";
import type { JsonLdNode, JsonLdValue } from "./json-ld.ts";
import { absoluteUrl, datasetMetadata } from "./metadata.ts";
import type { PublishedTable, TemporalCoverage } from "./published-table.ts";
import {
  catalogDescription,
  catalogId,
  catalogTitle,
  CATALOG_PATH,
  datasetId,
} from "./schema-org.ts";

/**
 * `/data/catalog.jsonld`: the catalogue in W3C DCAT (https://www.w3.org/TR/vocab-dcat-3/),
 * the vocabulary open-data portals harvest (CKAN's DCAT harvester, data.europa.eu), with
 * the properties DCAT-AP 3.0 makes mandatory and most of those it recommends. The context
 * is written out in the file, so a harvester expands it without fetching anything.
 */

export const CATALOG_FILE_PATH = "/data/catalog.jsonld";

const CONTEXT = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  adms: "http://www.w3.org/ns/adms#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
} as const;

const LANGUAGE = "zh-CN";

/** Chinese, in the EU language authority table DCAT-AP asks for. */
const CHINESE = "http://publications.europa.eu/resource/authority/language/ZHO";

/** Media types as IANA registry URIs, file types from the EU file-type table (DCAT-AP). */
const MEDIA_TYPE = "http://www.iana.org/assignments/media-types/";
const FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
const RFC_4180 = "https://www.rfc-editor.org/rfc/rfc4180";
const DATA_PACKAGE_PROFILE = "https://specs.frictionlessdata.io/tabular-data-package/";

function text(value: string): JsonLdNode {
  return { "@value": value, "@language": LANGUAGE };
}

function date(value: IsoDate): JsonLdNode {
  return { "@value": value, "@type": "xsd:date" };
}

function period(span: TemporalCoverage): JsonLdNode {
  return {
    "@type": "dct:PeriodOfTime",
    "dcat:startDate": date(span.start),
    "dcat:endDate": date(span.end),
  };
}

/** A region with its GB/T 2260 code as an ADMS identifier. */
function location(place: Region): JsonLdNode {
  return {
    "@type": "dct:Location",
    "skos:prefLabel": text(place.name),
    "adms:identifier": {
      "@type": "adms:Identifier",
      "skos:notation": place.code,
      "adms:schemaAgency": text("GB/T 2260 中华人民共和国行政区划代码（民政部）"),
    },
  };
}

function publisher(dataset: CatalogueSite): JsonLdNode {
  return {
    "@id": `${dataset.site.siteUrl}#publisher`,
    "@type": "foaf:Agent",
    "foaf:name": text(dataset.site.publisher),
    "foaf:homepage": { "@id": dataset.site.siteUrl, "@type": "foaf:Document" },
  };
}

function licence(dataset: CatalogueSite): JsonLdNode {
  const { licence } = dataset.site;
  return { "@id": licence.url, "@type": "dct:LicenseDocument", "dct:title": licence.name };
}

function language(): JsonLdNode {
  return { "@id": CHINESE, "@type": "dct:LinguisticSystem" };
}

interface FileDescription {
  title: string;
  description: string;
  url: string;
  mediaType: string;
  format: string;
  bytes: number;
  modified: IsoDate;
  conformsTo: string | undefined;
}

function distribution(dataset: CatalogueSite, file: FileDescription): JsonLdNode {
  const node: Record<string, JsonLdValue> = {
    "@type": "dcat:Distribution",
    "dct:title": text(file.title),
    "dct:description": text(file.description),
    "dcat:accessURL": { "@id": file.url },
    "dcat:downloadURL": { "@id": file.url },
    "dcat:mediaType": { "@id": `${MEDIA_TYPE}${file.mediaType}`, "@type": "dct:MediaType" },
    "dct:format": { "@id": `${FILE_TYPE}${file.format}`, "@type": "dct:MediaTypeOrExtent" },
    "dcat:byteSize": { "@value": String(file.bytes), "@type": "xsd:nonNegativeInteger" },
    "dct:license": licence(dataset),
    "dct:modified": date(file.modified),
  };
  if (file.conformsTo) node["dct:conformsTo"] = { "@id": file.conformsTo, "@type": "dct:Standard" };
  return node;
}

function downloadFile(
  dataset: CatalogueSite,
  table: PublishedTable,
  download: DatasetDownload,
  modified: IsoDate,
): FileDescription {
  return {
    title: `${table.title}:${download.label}`,
    description: download.description,
    url: absoluteUrl(dataset.site.siteUrl, download.path),
    mediaType: download.mediaType,
    format: download.format,
    bytes: download.bytes,
    modified,
    conformsTo: download.format === "CSV" ? RFC_4180 : undefined,
  };
}

function dcatDataset(dataset: CatalogueSite, table: PublishedTable): JsonLdNode {
  const metadata = datasetMetadata(dataset, table);
  const { coverage } = metadata;
  const places = coverage.regions.some((place) => place.code === dataset.jurisdiction.code)
    ? coverage.regions
    : [dataset.jurisdiction, ...coverage.regions];
  const node: Record<string, JsonLdValue> = {
    "@id": datasetId(dataset, table),
    "@type": "dcat:Dataset",
    "dct:identifier": table.name,
    "dct:title": text(metadata.title),
    "dct:description": text(metadata.description),
    "dcat:landingPage": { "@id": metadata.pageUrl, "@type": "foaf:Document" },
    "dct:publisher": publisher(dataset),
    "dct:creator": publisher(dataset),
    "dct:license": licence(dataset),
    "dct:language": language(),
    "dct:modified": date(coverage.modified),
    "dct:spatial": places.map(location),
    "dcat:keyword": metadata.keywords.map(text),
    "dcat:distribution": metadata.downloads.map((download) =>
      distribution(dataset, downloadFile(dataset, table, download, coverage.modified)),
    ),
  };
  if (coverage.temporal) node["dct:temporal"] = period(coverage.temporal);
  return node;
}

/**
 * The DCAT catalogue of the given tables.
 *
 * @param dataPackageBytes size of /data/datapackage.json, offered as the catalogue's own
 *   distribution (DCAT 3 makes a catalogue a kind of dataset)
 */
export function dcatCatalog(
  dataset: CatalogueSite,
  tables: readonly PublishedTable[],
  dataPackageBytes: number,
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
    "@id": catalogId(dataset),
    "@type": "dcat:Catalog",
    "dct:title": text(catalogTitle(dataset)),
    "dct:description": text(catalogDescription(dataset)),
    "dct:publisher": publisher(dataset),
    "foaf:homepage": { "@id": absoluteUrl(site.siteUrl, CATALOG_PATH), "@type": "foaf:Document" },
    "dct:license": licence(dataset),
    "dct:language": language(),
    "dct:modified": date(modified),
    "dct:spatial": [dataset.jurisdiction, ...dataset.counties].map(location),
    "dcat:distribution": [
      distribution(dataset, {
        title: "数据包描述（Frictionless Tabular Data Package）",
        description:
          "全部 CSV（程序用）的列、类型、取值范围、主键与表间引用，可用 Frictionless 工具校验和读取。",
        url: absoluteUrl(site.siteUrl, "/data/datapackage.json"),
        mediaType: "application/json",
        format: "JSON",
        bytes: dataPackageBytes,
        modified,
        conformsTo: DATA_PACKAGE_PROFILE,
      }),
    ],
    "dcat:dataset": tables.map((table) => dcatDataset(dataset, table)),
  };
  if (temporal) node["dct:temporal"] = period(temporal);
  return node;
}
