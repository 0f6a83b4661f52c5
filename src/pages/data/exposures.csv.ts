import type { APIRoute } from "astro";
import { getDataset } from "../../data/dataset.ts";
import { tableToCsv } from "../../registers/csv-writer.ts";
import { exposuresTable } from "../../registers/exposures/schema.ts";

/**
 * `/data/exposures.csv`: the register in the editors' own columns (documented in the
 * schema), newest first, so it reads back through the same loader.
 */
export const GET: APIRoute = () => {
  const { exposures } = getDataset();
  // A site without the section has no register to publish.
  if (!exposures) return new Response(null, { status: 404 });
  const rows = exposures.items.map((item) => ({
    id: item.id,
    title: item.title,
    exposed_on: item.exposedOn,
    media: item.media,
    media_url: item.mediaUrl,
    region_code: item.county.code,
    location: item.location,
    category: item.category,
    problem: item.problem,
    responsible_unit: item.responsibleUnit,
    deadline: item.deadline,
    status: item.status,
    rectified_on: item.rectifiedOn,
    closed_on: item.closedOn,
    measures: item.measures,
  }));
  return new Response(tableToCsv(exposuresTable, rows), {
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
};
