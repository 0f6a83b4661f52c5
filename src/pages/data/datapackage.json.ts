import type { APIRoute } from "astro";
import { getDataset } from "../../site/dataset.ts";
import { getPublishedTables } from "../../site/catalogue.ts";
import { dataPackageJson } from "../../open-data/datapackage.ts";

export const GET: APIRoute = () => {
  const dataset = getDataset();
  return new Response(dataPackageJson(dataset, getPublishedTables(dataset)), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
