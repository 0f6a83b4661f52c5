import type { APIRoute } from "astro";
import { getDataset, registerData } from "../../site/dataset.ts";
import { exposures as exposuresRegister } from "../../registers/exposures/index.ts";
import { buildFilterIndex } from "../../registers/listing.ts";
import { exposureSection } from "../../registers/exposures/section.ts";

/** The compact index `<gs-register-filter>` fetches on first use (see registers/listing.ts). */
export const GET: APIRoute = () => {
  const section = exposureSection(
    registerData(getDataset(), exposuresRegister),
    getDataset().counties,
  );
  if (!section) return new Response(null, { status: 404 });
  return new Response(JSON.stringify(buildFilterIndex(section.listing, section.rows)), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
