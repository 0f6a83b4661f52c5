import type { APIRoute } from "astro";
import { getDataset } from "../../site/dataset.ts";
import { getPublishedTables } from "../../site/catalogue.ts";
import { dataPackage } from "../../open-data/datapackage.ts";

export const GET: APIRoute = () => {
  const dataset = getDataset();
  const descriptor = dataPackage(dataset, getPublishedTables(dataset));
  return new Response(`${JSON.stringify(descriptor, null, 2)}\n`, {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
