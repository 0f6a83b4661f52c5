import type { APIRoute } from "astro";
import { getDataset } from "../../data/dataset.ts";
import { tableToCsv } from "../../registers/csv-writer.ts";
import { exposureUpdatesTable } from "../../registers/exposures/schema.ts";

/** `/data/exposure-updates.csv`: every problem's timeline, problem by problem, oldest first. */
export const GET: APIRoute = () => {
  const { exposures } = getDataset();
  // A site without the section has no register to publish.
  if (!exposures) return new Response(null, { status: 404 });
  const rows = exposures.items.flatMap((item) =>
    item.timeline.map((event) => ({
      item_id: event.itemId,
      date: event.date,
      kind: event.kind,
      status: event.status,
      summary: event.summary,
      source_url: event.sourceUrl,
    })),
  );
  return new Response(tableToCsv(exposureUpdatesTable, rows), {
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
};
