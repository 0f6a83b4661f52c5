import { describe, expect, test } from "vitest";
import { loadDataset } from "../../src/site/dataset.ts";
import type { TableDescription } from "../../src/data/tables.ts";
import { publishedTables } from "../../src/site/catalogue.ts";
import { datasetCoverage } from "../../src/open-data/coverage.ts";
import { dataPackageJson } from "../../src/open-data/datapackage.ts";
import { dcatCatalog } from "../../src/open-data/dcat.ts";
import { datasetDownloads, tableExcelCsv } from "../../src/open-data/downloads.ts";
import { scriptJson } from "../../src/open-data/json-ld.ts";
import type { JsonLdNode } from "../../src/open-data/json-ld.ts";
import { tableJson } from "../../src/open-data/json.ts";
import { publishView, tableCsv } from "../../src/open-data/published-table.ts";
import type { PublishedTable } from "../../src/open-data/published-table.ts";
import { schemaOrgCatalog, schemaOrgDataset } from "../../src/open-data/schema-org.ts";
import { utf8Bytes } from "../../src/open-data/sizes.ts";
import {
  dcatApViolations,
  flattenedNodes,
  schemaOrgCatalogProblems,
  schemaOrgDatasetProblems,
} from "../fixtures/linked-data.ts";

const dataset = loadDataset("data");
const tables = publishedTables(dataset);
const { asOf } = dataset.site;
const DCAT = "http://www.w3.org/ns/dcat#";
const DCT = "http://purl.org/dc/terms/";

/**
 * A register that does not exist yet (public hearings), published the way any register
 * publishes: it must get its metadata from its PublishedTable alone.
 */
const hearingsView: TableDescription = {
  file: "public-hearings.csv",
  title: "听证会",
  primaryKey: "id",
  columns: {
    id: { kind: "id", required: true, doc: "编号", allowed: "编号" },
    held_on: { kind: "date", required: true, doc: "举行日期", allowed: "YYYY-MM-DD" },
    next_on: {
      kind: "date",
      required: false,
      doc: "下次举行日期",
      allowed: "YYYY-MM-DD",
      plannedDate: true,
    },
    region_code: { kind: "region", required: true, doc: "区划代码", allowed: "六位代码" },
  },
};
const [firstCounty, secondCounty] = dataset.counties;

function hearings(): PublishedTable {
  // Named apart from the real registers (阳光问廉 publishes `hearings`), so it is a new table.
  return publishView({
    name: "public-hearings",
    title: "听证会",
    description: "举行过的每一场听证会:日期、地点所在区县和下次举行日期,供核对听证是否如期举行。",
    spec: hearingsView,
    records: [
      { id: "TZ-1", held_on: "2025-03-02", next_on: "2099-01-01", region_code: firstCounty?.code },
      { id: "TZ-2", held_on: "2026-06-30", next_on: undefined, region_code: secondCounty?.code },
    ],
    recordPath: (record) => `/hearings/${String(record["id"])}/`,
  });
}

function asNode(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

describe("schema.org markup", () => {
  test.each(tables.map((table) => [table.name, table]))(
    "the %s page's Dataset meets the dataset-search requirements and schema.org's vocabulary",
    (_name, table) => {
      const node = asNode(schemaOrgDataset(dataset, table));
      expect(schemaOrgDatasetProblems(node)).toEqual([]);
      expect(node["@context"]).toBe("https://schema.org");
      expect(node["name"]).toBe(table.title);
      // The columns, from the schema, as the variables the dataset measures.
      expect((node["variableMeasured"] as { name: string }[]).map((item) => item.name)).toEqual(
        Object.keys(table.spec.columns),
      );
    },
  );

  test("the /data/ DataCatalog describes every published table, in the catalogue's order", () => {
    const node = asNode(schemaOrgCatalog(dataset, tables));
    expect(schemaOrgCatalogProblems(node)).toEqual([]);
    const listed = node["dataset"] as { identifier: string }[];
    expect(listed.map((item) => item.identifier)).toEqual(tables.map((table) => table.name));
  });

  test("every distribution names the file's media type and its size in bytes as served", () => {
    for (const table of tables) {
      const node = asNode(schemaOrgDataset(dataset, table));
      const sizes = (node["distribution"] as { contentUrl: string; contentSize: string }[]).map(
        (item) => [new URL(item.contentUrl).pathname, item.contentSize],
      );
      expect(sizes).toEqual([
        [`/data/excel/${table.name}.csv`, `${utf8Bytes(tableExcelCsv(table))} B`],
        [`/data/${table.name}.csv`, `${utf8Bytes(tableCsv(table))} B`],
        [`/data/${table.name}.json`, `${utf8Bytes(tableJson(dataset, table))} B`],
      ]);
    }
  });

  test("regions are identified by their GB/T 2260 codes: the jurisdiction, with the counties the data names", () => {
    const exposures = tables.find((table) => table.name === "exposures");
    if (!exposures) throw new Error("the demo site publishes exposures");
    const place = asNode(schemaOrgDataset(dataset, exposures))["spatialCoverage"] as {
      identifier: { value: string };
      containsPlace: { identifier: { value: string } }[];
    };
    expect(place.identifier.value).toBe(dataset.site.jurisdiction.code);
    const named = new Set(exposures.records.map((record) => record["region_code"]));
    expect(place.containsPlace.map((inner) => inner.identifier.value)).toEqual(
      dataset.counties.map((county) => county.code).filter((code) => named.has(code)),
    );
  });

  test("the checks catch a description too short for dataset search and a made-up property", () => {
    const node = asNode(schemaOrgDataset(dataset, tables[0] ?? hearings()));
    node["description"] = "太短的说明。";
    node["temporal"] = "2020";
    expect(schemaOrgDatasetProblems(node)).toEqual([
      "Dataset: description must have 50 to 5000 characters",
      "Dataset: temporal is not a Dataset property",
    ]);
  });
});

describe("the DCAT catalogue", () => {
  const packageBytes = utf8Bytes(dataPackageJson(dataset, tables));

  test("expands in the JSON-LD reference processor and meets DCAT-AP 3.0's constraints", async () => {
    await expect(dcatApViolations(dcatCatalog(dataset, tables, packageBytes))).resolves.toEqual([]);
  });

  test("lists every table with its three files, their media types and exact byte sizes", async () => {
    const nodes = await flattenedNodes(dcatCatalog(dataset, tables, packageBytes));
    const byId = new Map(nodes.map((node) => [node["@id"], node]));
    const first = (node: Record<string, unknown> | undefined, path: string) =>
      (node?.[path] as { "@id"?: string; "@value"?: string }[] | undefined)?.[0];
    const datasets = nodes.filter((node) => node["@type"]?.includes(`${DCAT}Dataset`));
    // A graph is a set: the flattened nodes come sorted by id, not in the file's order.
    expect(datasets.map((node) => first(node, `${DCT}identifier`)?.["@value"]).sort()).toEqual(
      tables.map((table) => table.name).sort(),
    );
    for (const table of tables) {
      const node = datasets.find(
        (candidate) => first(candidate, `${DCT}identifier`)?.["@value"] === table.name,
      );
      const files = ((node?.[`${DCAT}distribution`] as { "@id": string }[]) ?? []).map((ref) => {
        const distribution = byId.get(ref["@id"]);
        return {
          path: new URL(first(distribution, `${DCAT}downloadURL`)?.["@id"] ?? "").pathname,
          mediaType: first(distribution, `${DCAT}mediaType`)?.["@id"],
          bytes: Number(first(distribution, `${DCAT}byteSize`)?.["@value"]),
        };
      });
      expect(files).toEqual(
        datasetDownloads(dataset, table).map((download) => ({
          path: download.path,
          mediaType: `http://www.iana.org/assignments/media-types/${download.mediaType}`,
          bytes: download.bytes,
        })),
      );
    }
  });

  test("the checks catch a dataset without a title and a size that is not an integer", async () => {
    const catalog = JSON.parse(
      JSON.stringify(dcatCatalog(dataset, tables, packageBytes)),
    ) as Record<string, unknown>;
    const first = (catalog["dcat:dataset"] as Record<string, unknown>[])[0] ?? {};
    delete first["dct:title"];
    const download = (first["dcat:distribution"] as Record<string, unknown>[])[0] ?? {};
    download["dcat:byteSize"] = "12 KB";
    const violations = await dcatApViolations(catalog);
    expect(violations).toHaveLength(2);
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /\/data\/regions\/#dataset http:\/\/purl.org\/dc\/terms\/title: missing/,
        ),
        expect.stringMatching(/byteSize: value is not a .*nonNegativeInteger/),
      ]),
    );
  });
});

describe("coverage read from the data", () => {
  test("a new register's table joins the catalogue with nothing but its PublishedTable", async () => {
    const table = hearings();
    const coverage = datasetCoverage(dataset, table);
    // The planned next hearing (2099) neither extends the span nor dates the data.
    expect(coverage.temporal).toEqual({ start: "2025-03-02", end: asOf });
    expect(coverage.modified).toBe("2026-06-30");
    expect(coverage.regions.map((region) => region.code)).toEqual(
      dataset.counties
        .map((county) => county.code)
        .filter((code) => code === firstCounty?.code || code === secondCounty?.code),
    );
    expect(schemaOrgDatasetProblems(asNode(schemaOrgDataset(dataset, table)))).toEqual([]);
    const withHearings = [...tables, table];
    await expect(dcatApViolations(dcatCatalog(dataset, withHearings, 1))).resolves.toEqual([]);
    const listed = asNode(schemaOrgCatalog(dataset, withHearings))["dataset"] as {
      url: string;
    }[];
    expect(listed.at(-1)?.url).toBe(new URL("data/public-hearings/", dataset.site.siteUrl).href);
  });

  test("every published table is dated by its latest recorded day, never by a deadline", () => {
    for (const table of tables) {
      const recorded = Object.entries(table.spec.columns)
        .filter(([, column]) => column.kind === "date" && !column.plannedDate)
        .flatMap(([name]) => table.records.map((record) => record[name]))
        .filter((value): value is string => typeof value === "string");
      const latest = recorded.reduce((max, day) => (day > max ? day : max), "");
      expect(datasetCoverage(dataset, table).modified, table.name).toBe(latest || asOf);
      expect(latest <= asOf, table.name).toBe(true);
    }
  });

  test("a table without dates is dated by the as-of date and has no time span", () => {
    const regions = tables.find((table) => table.name === "regions");
    if (!regions) throw new Error("regions are always published");
    expect(datasetCoverage(dataset, regions)).toMatchObject({
      temporal: undefined,
      modified: asOf,
    });
    expect(asNode(schemaOrgDataset(dataset, regions))).not.toHaveProperty("temporalCoverage");
  });

  test("a table's own time span (indicator periods) wins over its date columns", () => {
    const table = publishView({
      name: "values",
      title: "数值",
      description: "",
      spec: { file: "values.csv", title: "数值", columns: {} },
      records: [],
      temporalCoverage: { start: "2021-01-01", end: "2025-12-31" },
    });
    expect(datasetCoverage(dataset, table).temporal).toEqual({
      start: "2021-01-01",
      end: "2025-12-31",
    });
  });
});

describe("JSON-LD in a page", () => {
  test("text from the data cannot close the script element or open a comment", () => {
    const hostile: JsonLdNode = {
      "@type": "Dataset",
      name: "</script><script>alert(1)</script><!-- & \u2028",
    };
    const text = scriptJson(hostile);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(hostile);
  });
});
