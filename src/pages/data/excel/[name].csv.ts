import type { APIRoute, GetStaticPaths } from "astro";
import { getDataset } from "../../../site/dataset.ts";
import { getPublishedTables } from "../../../site/catalogue.ts";
import { tableExcelCsv } from "../../../open-data/downloads.ts";
import type { PublishedTable } from "../../../open-data/published-table.ts";

/** `/data/excel/<name>.csv`: the same records as `/data/<name>.csv`, after a BOM for Excel. */
export const getStaticPaths = (() =>
  getPublishedTables(getDataset()).map((table) => ({
    params: { name: table.name },
    props: { table },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ table: PublishedTable }> = ({ props }) =>
  new Response(tableExcelCsv(props.table), {
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
