import type { APIRoute } from "astro";
import { getDataset } from "../../data/dataset.ts";
import { lettersCsv } from "../../registers/letters/downloads.ts";

/** `/data/letters.csv`: every letter's public information (full text only where consented). */
export const GET: APIRoute = () => {
  const { mailbox } = getDataset();
  if (!mailbox) return new Response(null, { status: 404 });
  return new Response(lettersCsv(mailbox.letters), {
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
};
