import type { APIRoute } from "astro";
import { getDataset } from "../../site/dataset.ts";
import { getPublishedTables } from "../../site/catalogue.ts";
import { dataPackageJson } from "../../open-data/datapackage.ts";
import { dcatCatalog } from "../../open-data/dcat.ts";
import { utf8Bytes } from "../../open-data/sizes.ts";

/** `/data/catalog.jsonld`: the DCAT catalogue harvesters read (see src/open-data/dcat.ts). */
export const GET: APIRoute = () => {
  const dataset = getDataset();
  const tables = getPublishedTables(dataset);
  const catalog = dcatCatalog(dataset, tables, utf8Bytes(dataPackageJson(dataset, tables)));
  return new Response(`${JSON.stringify(catalog, null, 2)}\n`, {
    headers: { "Content-Type": "application/ld+json; charset=utf-8" },
  });
};
