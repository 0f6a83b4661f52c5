import type { APIRoute } from "astro";
import { getDataset } from "../../../data/dataset.ts";
import { unitStatisticsCsv } from "../../../registers/letters/downloads.ts";

/** `/mailbox/stats/units.csv`: reply times by answering unit, as on the statistics page. */
export const GET: APIRoute = () => {
  const { mailbox } = getDataset();
  if (!mailbox) return new Response(null, { status: 404 });
  return new Response(unitStatisticsCsv(mailbox.statistics.byUnit), {
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
};
