import type { APIRoute } from "astro";
import { getDataset } from "../../data/dataset.ts";
import { buildFilterIndex } from "../../registers/listing.ts";
import { exposureListingData } from "../../registers/exposures/listing.ts";

/** The compact index `<gs-register-filter>` fetches on first use (see registers/listing.ts). */
export const GET: APIRoute = () => {
  const { exposures, counties } = getDataset();
  const { listing, rows } = exposureListingData(exposures, counties);
  return new Response(JSON.stringify(buildFilterIndex(listing, rows)), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
