import type { APIRoute, GetStaticPaths } from "astro";
import { getDataset } from "../../site/dataset.ts";
import { getPublishedTables } from "../../site/catalogue.ts";
import { tableJson } from "../../open-data/json.ts";
import type { PublishedTable } from "../../open-data/published-table.ts";

export const getStaticPaths = (() =>
  getPublishedTables(getDataset()).map((table) => ({
    params: { name: table.name },
    props: { table },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ table: PublishedTable }> = ({ props }) =>
  new Response(tableJson(getDataset(), props.table), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
