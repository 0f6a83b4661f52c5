import type { APIRoute } from "astro";
import { getDataset, registerData } from "../../site/dataset.ts";
import { mailbox as mailboxRegister } from "../../registers/mailbox/index.ts";
import { buildFilterIndex } from "../../registers/listing.ts";
import { letterListingData } from "../../registers/mailbox/listing.ts";

/**
 * The compact index `<gs-register-filter>` fetches on first use. Its titles are the list's
 * titles: a letter without consent appears by its mailbox and topic only.
 */
export const GET: APIRoute = () => {
  const dataset = getDataset();
  const { jurisdiction, counties } = dataset;
  const mailbox = registerData(dataset, mailboxRegister);
  if (!mailbox) return new Response(null, { status: 404 });
  const { listing, rows } = letterListingData(mailbox, jurisdiction, counties);
  return new Response(JSON.stringify(buildFilterIndex(listing, rows)), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
