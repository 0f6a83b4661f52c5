// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { satteri } from "@astrojs/markdown-satteri";
import { dataDirectory } from "./src/site/dataset.ts";
import { knownSections } from "./src/site/sections.ts";
import { readSiteConfig } from "./src/data/site-config.ts";
import { formatIssue } from "./src/data/issues.ts";
import { securityHeaders } from "./src/integrations/headers.ts";
import { buildPhases } from "./src/integrations/build-phases.ts";
import { itemDownloads } from "./src/integrations/item-downloads.ts";
import { searchIndex } from "./src/integrations/search-index.ts";
import { privacyGuard } from "./src/integrations/privacy-guard.ts";
import { ScannedSources } from "./src/privacy/derived.ts";
import { sitemap } from "./src/integrations/sitemap.ts";
import { proseCheckPlugin } from "./src/prose/check.ts";
import { proseChecks } from "./src/prose/components.ts";

// The site URL comes from the data directory's site.json, so another city builds its own
// site with GONGSHI_DATA_DIR=… and no code change. `npm run build` validates the data first.
const config = readSiteConfig(dataDirectory(), "data", knownSections);
if (!config.ok) {
  // An editor's mistake, not a bug: the messages alone, without a stack trace.
  console.error(config.issues.map(formatIssue).join("\n"));
  process.exit(1);
}

// The search index's records, scanned as they are indexed; the guard reports their findings
// and does not scan the files Pagefind makes of them a second time.
const scannedSources = new ScannedSources();

export default defineConfig({
  site: config.site.siteUrl,
  outDir: process.env["GONGSHI_OUT_DIR"] ?? "./dist",
  trailingSlash: "always",
  // privacyGuard() scans everything the other integrations wrote in astro:build:done
  // (Astro runs those hooks in this order), so it stays last, after search indexing.
  integrations: [
    buildPhases(),
    mdx(),
    securityHeaders(),
    sitemap({ lastmod: config.site.asOf }),
    itemDownloads(),
    searchIndex(scannedSources),
    privacyGuard(scannedSources),
  ],
  markdown: {
    // MDX prose quotes the data through <Figure> and <TableColumns>; an unknown name fails
    // the build with the file and line.
    processor: satteri({ mdastPlugins: [proseCheckPlugin(proseChecks)] }),
    // Shiki colours code with style="…" attributes, which the strict CSP blocks; code
    // examples in prose (the editor guide) are plain <pre> styled by the site's CSS.
    syntaxHighlight: false,
  },
  build: {
    // Strict CSP: no inline <style>.
    inlineStylesheets: "never",
    format: "directory",
  },
  devToolbar: { enabled: false },
  vite: {
    // Strict CSP: Vite would otherwise inline small scripts and assets.
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Astro's own MDX output trips this warning; harmless and tracked upstream in
        // https://github.com/withastro/astro/issues/18087. Every other warning still shows.
        onwarn(warning, warn) {
          if (
            warning.code === "MODULE_LEVEL_DIRECTIVE" &&
            warning.message.includes("astro:head-inject")
          )
            return;
          warn(warning);
        },
      },
    },
  },
});
