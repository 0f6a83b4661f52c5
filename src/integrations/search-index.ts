import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { writeSearchIndex } from "../search/indexer.ts";
import { markPhase } from "./build-phases.ts";

/**
 * Indexes the built site for `/search/` once every page is written. Integrations that read
 * the index (the privacy guard scans Pagefind's fragments) must come after this one in
 * astro.config.mjs.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: "gongshi:search-index",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        markPhase("search index", "start");
        const report = await writeSearchIndex(fileURLToPath(dir));
        markPhase("search index", "end");
        logger.info(
          `indexed ${report.pagesIndexed} of ${report.pagesRead} pages ` +
            `(${report.pagesWithOriginal} keep their original text) in ` +
            `${report.seconds.toFixed(1)} s: ${report.bundleFiles} files, ` +
            `${(report.bundleBytes / 1024).toFixed(0)} KiB`,
        );
      },
    },
  };
}
