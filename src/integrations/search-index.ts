import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { writeSearchIndex } from "../search/indexer.ts";
import type { ScannedSources } from "../privacy/derived.ts";
import { getDataset } from "../site/dataset.ts";
import { markPhase } from "./build-phases.ts";
import { outputDisplay } from "./privacy-guard.ts";

/**
 * Indexes the built site for `/search/` once every page is written. Integrations that read
 * the index (the privacy guard, which also reports what the record scan found) must come
 * after this one in astro.config.mjs, and share the same `sources`.
 */
export function searchIndex(sources?: ScannedSources): AstroIntegration {
  return {
    name: "gongshi:search-index",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        markPhase("search index", "start");
        const outDir = fileURLToPath(dir).replace(/[\\/]+$/, "");
        // Records are scanned for personal data as they are indexed; the guard skips the
        // files Pagefind makes of them (src/privacy/derived.ts).
        const privacy = sources && {
          sources,
          allowlist: getDataset().privacyAllowlist,
          display: outputDisplay(outDir),
        };
        // Reading the pages into records has the cores to itself until Pagefind starts.
        const workers = Math.min(4, availableParallelism());
        const report = await writeSearchIndex(outDir, privacy ? { privacy, workers } : { workers });
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
