import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export interface AtomicBuildOptions {
  /** The directory the site is published from, e.g. `/…/dist`. */
  outDir: string;
  /** Writes the whole site into `staging` and runs every check on it; throws on failure. */
  build: (staging: string) => Promise<void>;
}

/**
 * Builds into a staging directory beside `outDir` and puts it in place only when `build`
 * resolved, so the output directory always holds either the previous site or the new one,
 * whole: never a half-written site, and never one a check stopped (Astro empties its output
 * directory before it starts, and the privacy guard runs on a complete site). On failure the
 * staging directory is removed and the error is rethrown; `outDir` is untouched.
 */
export async function buildAtomically({ outDir, build }: AtomicBuildOptions): Promise<void> {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  // Beside the output directory, so the swap is a rename on one file system.
  const staging = mkdtempSync(join(parent, `.${basename(outDir)}.building-`));
  const removeStaging = () => rmSync(staging, { recursive: true, force: true });
  const interrupted = () => {
    removeStaging();
    process.exit(130);
  };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  for (const signal of signals) process.once(signal, interrupted);
  try {
    await build(staging);
    // The old output is moved aside first and removed only once the new one is in place.
    const previous = existsSync(outDir) ? `${staging}.previous` : undefined;
    if (previous) renameSync(outDir, previous);
    try {
      renameSync(staging, outDir);
    } catch (error) {
      if (previous) renameSync(previous, outDir);
      throw error;
    }
    if (previous) rmSync(previous, { recursive: true, force: true });
  } finally {
    for (const signal of signals) process.off(signal, interrupted);
    removeStaging();
  }
}
