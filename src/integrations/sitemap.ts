import { writeFile } from "node:fs/promises";
import type { AstroIntegration } from "astro";
import { escapeXml } from "../open-data/atom.ts";

/**
 * Writes `sitemap.xml` from the pages Astro actually built, so every route (including
 * those a register adds later) is listed without anyone maintaining a list. Past the
 * protocol's 50,000 URLs per file (https://www.sitemaps.org/protocol.html), `sitemap.xml`
 * becomes an index of numbered files.
 */

export const URLS_PER_SITEMAP = 50_000;

export interface SitemapOptions {
  /** Site URL with trailing slash. */
  siteUrl: string;
  /** Every page's `lastmod`: the data's as-of date (pages change when the data does). */
  lastmod: string;
}

/** Pages that are not for search engines: the 404 page and embeds meant for framing. */
export function isListed(pathname: string): boolean {
  const path = pathname.replace(/^\/+/, "");
  return (
    !/^404\/?$/.test(path) && !path.startsWith("embed/") && (path === "" || path.endsWith("/"))
  );
}

export function urlset(urls: readonly string[], lastmod: string): string {
  const entries = urls.map(
    (url) => `  <url><loc>${escapeXml(url)}</loc><lastmod>${lastmod}</lastmod></url>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries,
    "</urlset>",
    "",
  ].join("\n");
}

export function sitemapIndex(files: readonly string[], lastmod: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...files.map(
      (file) => `  <sitemap><loc>${escapeXml(file)}</loc><lastmod>${lastmod}</lastmod></sitemap>`,
    ),
    "</sitemapindex>",
    "",
  ].join("\n");
}

/** The sitemap files to write: file name → content. */
export function sitemapFiles(
  pathnames: readonly string[],
  options: SitemapOptions,
): Map<string, string> {
  const urls = [
    ...new Set(
      pathnames
        .filter(isListed)
        .map((path) => new URL(path.replace(/^\/+/, ""), options.siteUrl).href),
    ),
  ].sort();
  const files = new Map<string, string>();
  if (urls.length <= URLS_PER_SITEMAP) {
    files.set("sitemap.xml", urlset(urls, options.lastmod));
    return files;
  }
  const parts: string[] = [];
  for (let start = 0; start < urls.length; start += URLS_PER_SITEMAP) {
    const name = `sitemap-${parts.length + 1}.xml`;
    files.set(name, urlset(urls.slice(start, start + URLS_PER_SITEMAP), options.lastmod));
    parts.push(new URL(name, options.siteUrl).href);
  }
  files.set("sitemap.xml", sitemapIndex(parts, options.lastmod));
  return files;
}

export function sitemap(options: SitemapOptions): AstroIntegration {
  return {
    name: "gongshi:sitemap",
    hooks: {
      "astro:build:done": async ({ pages, dir, logger }) => {
        const files = sitemapFiles(
          pages.map((page) => page.pathname),
          options,
        );
        for (const [name, content] of files) await writeFile(new URL(name, dir), content, "utf8");
        logger.info(`wrote ${[...files.keys()].join(", ")}`);
      },
    },
  };
}
