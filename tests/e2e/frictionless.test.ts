import { Package } from "datapackage";
import { describe, expect, test } from "vitest";
import { loadDataset } from "../../src/site/dataset.ts";
import { publishedTables } from "../../src/site/catalogue.ts";
import type { DataPackage } from "../../src/open-data/datapackage.ts";
import { siteOrigin } from "./harness.ts";

/**
 * The built data package as a data journalist's tooling reads it: the Frictionless
 * reference library for JavaScript (npm `datapackage`) loads /data/datapackage.json from
 * the served site and reads every resource with its Table Schema (types, constraints,
 * primary key) and its foreign keys resolved against the resources they name.
 */

const url = (path: string): string => new URL(path, siteOrigin()).href;

async function descriptor(): Promise<DataPackage> {
  const response = await fetch(url("/data/datapackage.json"));
  return (await response.json()) as DataPackage;
}

/** The message and the individual errors the library collects into one exception. */
function messages(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = (error as Error & { errors?: unknown[] }).errors ?? [];
  return [error.message, ...inner.map(String)].join("\n");
}

describe("the data package in the Frictionless reference library", () => {
  test("loads from the site, and every resource reads with its schema and every relation checked", async () => {
    const loaded = await Package.load(url("/data/datapackage.json"));
    expect(loaded.errors.map(String)).toEqual([]);
    expect(loaded.valid).toBe(true);
    const tables = publishedTables(loadDataset());
    expect(loaded.resources.map((resource) => resource.name)).toEqual(
      tables.map((table) => table.name),
    );
    for (const table of tables) {
      const resource = loaded.resources.find((candidate) => candidate.name === table.name);
      const rows = (await resource?.read({ keyed: true, relations: true })) as Record<
        string,
        unknown
      >[];
      expect(rows.length, table.name).toBe(table.records.length);
      // Keyed by exactly the schema's names: no byte-order mark glued to the first one.
      if (rows[0])
        expect(Object.keys(rows[0]), table.name).toEqual(Object.keys(table.spec.columns));
    }
  });

  test("relations really are checked: a region code missing from regions fails the read", async () => {
    const original = await descriptor();
    const exposures = original.resources.find((resource) => resource.name === "exposures");
    const regions = original.resources.find((resource) => resource.name === "regions");
    if (!exposures || !regions) throw new Error("the demo site publishes exposures and regions");
    const jurisdiction = loadDataset().site.jurisdiction;
    const loaded = await Package.load({
      ...original,
      resources: [
        { ...exposures, path: url(`/data/${exposures.path}`) },
        // Regions reduced to the jurisdiction alone: every county code now dangles.
        {
          ...regions,
          path: undefined,
          bytes: undefined,
          data: [
            ["code", "name", "level", "parent"],
            [jurisdiction.code, jurisdiction.name, "市", ""],
          ],
        },
      ],
    });
    const read = loaded.resources.find((resource) => resource.name === "exposures");
    await expect(
      read?.read({ keyed: true, relations: true }).then(
        () => "read",
        (error: unknown) => messages(error),
      ),
    ).resolves.toMatch(/foreign key/i);
  });

  test("the Excel copies, which start with a byte-order mark, are the files it cannot read", async () => {
    const original = await descriptor();
    const loaded = await Package.load({
      ...original,
      resources: original.resources.map((resource) => ({
        ...resource,
        path: url(`/data/excel/${resource.path}`),
        bytes: undefined,
      })),
    });
    for (const resource of loaded.resources) {
      const outcome = await resource.read({ keyed: true }).then(
        () => "read",
        (error: unknown) => messages(error),
      );
      expect(outcome, resource.name).toMatch(/column header name '[a-z_]+' is missing/);
    }
  });
});
