import type { APIRoute } from "astro";
import { getDataset, registerData } from "../../site/dataset.ts";
import { commitments } from "../../registers/commitments/index.ts";
import { commitmentSection } from "../../registers/commitments/section.ts";
import { buildFilterIndex } from "../../registers/listing.ts";

/** The compact index `<gs-register-filter>` fetches on first use (see registers/listing.ts). */
export const GET: APIRoute = () => {
  const dataset = getDataset();
  const section = commitmentSection(registerData(dataset, commitments), dataset.counties);
  if (!section) return new Response(null, { status: 404 });
  return new Response(JSON.stringify(buildFilterIndex(section.listing, section.rows)), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
