import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import type { PrivacyAllowlist } from "./allowlist.ts";

/**
 * Output files already scanned and found clean, by the SHA-256 of their bytes, kept between
 * builds so a rebuild scans only what is new: an editor's commit changes a few pages, and the
 * tens of thousands of others are byte-for-byte what the previous build scanned. Kept beside
 * the history cache (`node_modules/.cache/gongshi/`, which the publishing workflows keep).
 *
 * A hash only ever stands for a scan with the same detectors and allow list: the key is the
 * source of every file of this folder and the allow list's values. Where the detectors'
 * sources cannot be read (the code runs from elsewhere), there is no key and every file is
 * scanned. A file with a finding is never remembered.
 */

const CACHE_VERSION = 1;
const DEFAULT_DIR = "node_modules/.cache/gongshi/privacy";

export interface CleanFiles {
  /** Hashes found clean by an earlier build with the same key. */
  readonly known: ReadonlySet<string>;
  /** Hashes found clean (or known clean) by this build: what the next build may skip. */
  readonly clean: Set<string>;
}

/** What a scan's outcome depends on: the detectors' code and the allow list. */
export function cleanCacheKey(
  allowlist: PrivacyAllowlist,
  sourceDir = join(process.cwd(), "src", "privacy"),
): string | undefined {
  if (!existsSync(sourceDir)) return undefined;
  const hash = createHash("sha256").update(`v${CACHE_VERSION}\n`);
  for (const name of readdirSync(sourceDir).sort()) {
    if (!name.endsWith(".ts")) continue;
    hash
      .update(`${name}\n`)
      .update(readFileSync(join(sourceDir, name)))
      .update("\n");
  }
  for (const value of allowlist.values) hash.update(`allow ${value}\n`);
  return hash.digest("hex").slice(0, 32);
}

function cacheFile(dir: string, key: string): string {
  return join(dir, `clean-${key}.txt`);
}

/** The files an earlier build with this key found clean (none when there is no such build). */
export function openCleanFiles(key: string | undefined, dir = DEFAULT_DIR): CleanFiles {
  const known = new Set<string>();
  const file = key === undefined ? undefined : cacheFile(dir, key);
  if (file !== undefined && existsSync(file)) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (/^[0-9a-f]{64}$/.test(line)) known.add(line);
    }
  }
  return { known, clean: new Set() };
}

/**
 * Keeps this build's clean files for the next one, in place of what was there (so the cache
 * holds one build's files, not every build's). Written to a temporary name and renamed, so a
 * build stopped halfway leaves the previous file whole.
 */
export function saveCleanFiles(files: CleanFiles, key: string | undefined, dir = DEFAULT_DIR) {
  if (key === undefined) return;
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    // Files of other keys are of detectors or allow lists no longer in use.
    if (name.startsWith("clean-") && name !== `clean-${key}.txt`) rmSync(join(dir, name));
  }
  const target = cacheFile(dir, key);
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, [...files.clean].join("\n"));
  renameSync(temporary, target);
}
