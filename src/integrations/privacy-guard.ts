import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { getDataset } from "../site/dataset.ts";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { isAbsolute, join, relative } from "node:path";
import { formatFinding, scanBuildOutput } from "../privacy/build-output.ts";
import { cleanCacheKey, openCleanFiles, saveCleanFiles } from "../privacy/clean-cache.ts";
import type { ScannedSources } from "../privacy/derived.ts";
import { pagefindOwnFiles } from "../privacy/vendor.ts";

/**
 * Personal data in the output: a report for the editor, not a bug (scripts/build.ts prints
 * its message alone and leaves the previous output in place).
 */
export class PrivacyGuardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PrivacyGuardError";
  }
}

/**
 * Fails the build when personal data reached any file of the output: pages, feeds,
 * downloads and the search index (Pagefind's gzip-compressed fragments are unpacked).
 *
 * ORDER MATTERS: Astro runs `astro:build:done` of each integration one after another, in
 * the order of `integrations` in astro.config.mjs. This guard must come after every
 * integration that writes files in that hook (the Pagefind search index above all), or it
 * checks the output before the index exists and a leak through search goes unnoticed.
 */
export function privacyGuard(sources?: ScannedSources): AstroIntegration {
  return {
    name: "gongshi:privacy-guard",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir).replace(/[\\/]+$/, "");
        const display = outputDisplay(outDir);
        const started = performance.now();
        // Pagefind's own files are only worth recognising when a search index was written.
        const searchIndexed = existsSync(join(outDir, "pagefind", "pagefind-entry.json"));
        const recognised = searchIndexed ? await pagefindOwnFiles() : new Map<string, string>();
        const allowlist = getDataset().privacyAllowlist;
        // Only what is new is scanned: files byte-for-byte as an earlier build found them
        // clean, with the same detectors and allow list, are not read again.
        const cacheKey = cleanCacheKey(allowlist);
        const cache = openCleanFiles(cacheKey);
        const scan = await scanBuildOutput(
          outDir,
          allowlist,
          display,
          recognised,
          sources,
          cache,
          // The scan is the build's last step: every core is free for it.
          Math.min(4, availableParallelism()),
        );
        const findings = [...(sources?.findings ?? []), ...scan.findings];
        if (findings.length > 0) {
          throw new PrivacyGuardError(
            `隐私检查未通过:构建结果中有 ${findings.length} 处疑似个人信息(已打码),本次构建作废。\n` +
              findings.map((finding) => `  ${formatFinding(finding)}`).join("\n"),
          );
        }
        saveCleanFiles(cache, cacheKey);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const unchanged =
          scan.unchanged > 0 ? `;${scan.unchanged} 个文件与上次检查通过时相同,未重读` : "";
        const records =
          sources && sources.size > 0
            ? `;搜索索引的 ${scan.covered} 个文件由建索引时已检查的记录(${(sources.characters / 1e6).toFixed(1)} 百万字)生成,不再重复检查`
            : "";
        logger.info(
          `隐私检查通过:${scan.files} 个文件,${(scan.bytes / 1e6).toFixed(1)} MB(解压后),${seconds} 秒${records}${unchanged}`,
        );
      },
    },
  };
}

/**
 * The output directory as messages name it: as in the repository (`dist/…`), or by full path
 * when built elsewhere; the atomic build (scripts/build.ts) builds in a staging directory and
 * names the directory the site will be published as.
 */
export function outputDisplay(outDir: string): string {
  const rel = relative(process.cwd(), outDir);
  return (
    process.env["GONGSHI_OUT_DISPLAY"] ??
    (rel.startsWith("..") || isAbsolute(rel) ? outDir : rel.split("\\").join("/") || ".")
  );
}
