import sitemapIntegration from "@astrojs/sitemap";
import type { AstroIntegration } from "astro";

/**
 * The sitemap, by @astrojs/sitemap: it lists the pages Astro actually built (so every route a
 * register adds is listed without anyone keeping a list), splits past the protocol's 50,000
 * URLs per file (https://www.sitemaps.org/protocol.html) and writes `sitemap-index.xml`, which
 * robots.txt names. Here only what to list and the date.
 */

/** Pages that are not for search engines: the 404 page and embeds meant for framing. */
export function isListed(pathname: string): boolean {
  const path = pathname.replace(/^\/+/, "");
  return (
    !/^404\/?$/.test(path) && !path.startsWith("embed/") && (path === "" || path.endsWith("/"))
  );
}

/** The file robots.txt points crawlers to. */
export const SITEMAP_INDEX = "sitemap-index.xml";

export function sitemap(options: {
  /** Every page's `lastmod`: the data's as-of date (pages change when the data does). */
  lastmod: string;
}): AstroIntegration {
  return sitemapIntegration({
    filter: (page) => isListed(new URL(page).pathname),
    lastmod: new Date(`${options.lastmod}T00:00:00Z`),
  });
}
