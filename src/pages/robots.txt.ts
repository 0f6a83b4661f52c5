import type { APIRoute } from "astro";
import { SITEMAP_INDEX } from "../integrations/sitemap.ts";
import { getDataset } from "../site/dataset.ts";

/** Generated so the Sitemap line carries the site URL from site.json (another city, another URL). */
export const GET: APIRoute = () => {
  const { site } = getDataset();
  const body = [
    "User-agent: *",
    "Allow: /",
    "",
    `Sitemap: ${new URL(SITEMAP_INDEX, site.siteUrl).href}`,
    "",
  ];
  return new Response(body.join("\n"), {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
};
