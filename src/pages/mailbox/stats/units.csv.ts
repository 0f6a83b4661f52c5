import type { APIRoute } from "astro";
import { getDataset, registerData } from "../../../site/dataset.ts";
import { mailbox as mailboxRegister } from "../../../registers/mailbox/index.ts";
import { unitStatisticsCsv } from "../../../registers/mailbox/downloads.ts";

/** `/mailbox/stats/units.csv`: reply times by answering unit, as on the statistics page. */
export const GET: APIRoute = () => {
  const mailbox = registerData(getDataset(), mailboxRegister);
  if (!mailbox) return new Response(null, { status: 404 });
  return new Response(unitStatisticsCsv(mailbox.statistics.byUnit), {
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
};
