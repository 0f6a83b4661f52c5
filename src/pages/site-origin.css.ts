import type { APIRoute } from "astro";
import { getDataset } from "../site/dataset.ts";

/**
 * `/site-origin.css`: the site's origin as a CSS string, for print.css, which prints every
 * link's full address after it. A file of its own because the address is configuration
 * (site.json) and pages carry no inline styles; pages link it for print only.
 */
export const GET: APIRoute = () => {
  const origin = new URL(getDataset().site.siteUrl).origin;
  return new Response(`:root {\n  --gs-site-origin: ${JSON.stringify(origin)};\n}\n`, {
    headers: { "Content-Type": "text/css; charset=utf-8" },
  });
};
