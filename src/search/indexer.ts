import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as pagefind from "pagefind";
import {
  ORIGINAL_TEXT_META,
  SEARCH_BUNDLE_DIRECTORY,
  SHARD_MANIFEST_FILE,
  type ShardManifest,
} from "./bundle.ts";
import type { PrivacyAllowlist } from "../privacy/allowlist.ts";
import type { ScannedSources } from "../privacy/derived.ts";
import { withFilterOptions } from "./filter-options.ts";
import { readPageRecords, SEARCH_LANGUAGE, SHARD_SORT_KEY } from "./page-records.ts";

export {
  pageUrl,
  recordStrings,
  SEARCH_LANGUAGE,
  SHARD_SORT_KEY,
  toCustomRecord,
} from "./page-records.ts";

/**
 * Builds the site's search index from the built pages: one Pagefind index, one language.
 * Each searchable page becomes a small custom record whose content is the page's text
 * folded to Simplified and cut into tokens (see tokens.ts); where folding changed anything,
 * its metadata keeps the text as written, for display.
 */

/** Pagefind's ready-made interfaces, which Gongshi does not use (its search page is its own). */
const UNUSED_BUNDLE_FILES = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
];

/** Requests in flight to the Pagefind service; enough to keep it busy, few enough to bound memory. */
const CONCURRENCY = 8;

/**
 * Content characters per shard. Pagefind holds a whole index in memory while writing it,
 * about 150–180 bytes per indexed token, and the browser fetches every shard's metadata and
 * one index chunk per shard for each word of a query. 16 M characters keep 10,000 synthetic
 * items in one shard (1.47 GB while indexing; cold first query 278 KB against 337 KB with two
 * shards of 8 M, `npm run bench:search -- --scale 10000`), and cut 100,000 items into a
 * handful; the browser merges the shards (mergeIndex).
 */
export const DEFAULT_SHARD_CHARACTERS = 16_000_000;

/** The filter each shard's pages get in the browser, to search one shard at a time. */
export const SHARD_FILTER = "gs-shard";

export interface SearchIndexOptions {
  /** Content characters per shard (tests use a small value to exercise sharding). */
  shardCharacters?: number;
  /**
   * Scan each record for personal data as it is indexed, and note the files Pagefind makes of
   * the records, so the privacy guard does not unpack and scan the same text again.
   */
  privacy?: { sources: ScannedSources; allowlist: PrivacyAllowlist; display: string };
  /** Threads that read the pages into records (see page-records.ts); 1 reads them here. */
  workers?: number;
  /** Fewest pages worth starting threads for (tests set it low). */
  workerThreshold?: number;
}

/** Pagefind's files made of the records (metadata, word index, fragments, filters). */
const FROM_RECORDS = /\.pf_(?:meta|index|fragment|filter)$/;

export interface SearchIndexReport {
  /** HTML files read. */
  pagesRead: number;
  /** Pages indexed (those marking content with data-pagefind-body). */
  pagesIndexed: number;
  /** Indexed pages whose folded copy differs from the original (they carry it as metadata). */
  pagesWithOriginal: number;
  /** Characters of content handed to Pagefind. */
  contentCharacters: number;
  shards: number;
  /** Files and bytes of the written bundles. */
  bundleFiles: number;
  bundleBytes: number;
  seconds: number;
}

async function* htmlFiles(dir: string, skip: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== skip) yield* htmlFiles(path, skip);
    } else if (entry.name.endsWith(".html")) {
      yield path;
    }
  }
}

/** Newest first by the shard sort key, undated pages last, then by URL (reproducible). */
export function shardOrder(a: pagefind.CustomRecord, b: pagefind.CustomRecord): number {
  const da = a.sort?.[SHARD_SORT_KEY] ?? "";
  const db = b.sort?.[SHARD_SORT_KEY] ?? "";
  if (da !== db) return da === "" ? 1 : db === "" ? -1 : db.localeCompare(da);
  return a.url.localeCompare(b.url);
}

/** Cuts records (already in shard order) into runs of at most `budget` characters. */
export function cutShards(
  records: readonly pagefind.CustomRecord[],
  budget: number,
): pagefind.CustomRecord[][] {
  const shards: pagefind.CustomRecord[][] = [];
  let current: pagefind.CustomRecord[] = [];
  let size = 0;
  for (const record of records) {
    if (current.length > 0 && size + record.content.length > budget) {
      shards.push(current);
      current = [];
      size = 0;
    }
    current.push(record);
    size += record.content.length;
  }
  if (current.length > 0 || shards.length === 0) shards.push(current);
  return shards;
}

function failure(what: string, errors: readonly string[]): Error {
  return new Error(`search index: ${what}:\n${errors.join("\n")}`);
}

async function directorySize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/** Indexes one shard's records and writes its bundle; returns when Pagefind has let go of it. */
async function writeShard(records: readonly pagefind.CustomRecord[], outputPath: string) {
  const created = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
  const index = created.index;
  if (!index) throw failure("Pagefind could not start", created.errors);
  const inFlight = new Set<Promise<void>>();
  const add = async (record: pagefind.CustomRecord) => {
    const { errors } = await index.addCustomRecord(record);
    if (errors.length > 0) throw failure(`indexing ${record.url} failed`, errors);
  };
  for (const record of records) {
    const pending = add(record).finally(() => inFlight.delete(pending));
    inFlight.add(pending);
    if (inFlight.size >= CONCURRENCY) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw failure("writing the bundle failed", written.errors);
  // Stopping the service returns its memory before the next shard is built.
  await pagefind.close();
}

/** Files Pagefind writes into every bundle that a merged shard does not need. */
const MAIN_BUNDLE_ONLY = ["pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind"];

/** Indexes every searchable page under `siteDir` and writes the bundle(s) into it. */
export async function writeSearchIndex(
  siteDir: string,
  options: SearchIndexOptions = {},
): Promise<SearchIndexReport> {
  const started = performance.now();
  const mainBundle = join(siteDir, SEARCH_BUNDLE_DIRECTORY);
  await rm(mainBundle, { recursive: true, force: true });

  const files: string[] = [];
  for await (const file of htmlFiles(siteDir, mainBundle)) files.push(file);
  const privacy = options.privacy;
  const read = await readPageRecords(files, siteDir, {
    ...(privacy ? { allowlist: privacy.allowlist, display: privacy.display } : {}),
    workers: options.workers ?? 1,
    ...(options.workerThreshold === undefined ? {} : { workerThreshold: options.workerThreshold }),
  });
  const { records } = read;
  privacy?.sources.addRecordScan(read.findings, read.scannedCharacters);
  const pagesRead = files.length;
  const searchPages: { file: string; html: string }[] = [];
  for (const file of read.searchPages)
    searchPages.push({ file, html: await readFile(file, "utf8") });
  const filterValues = new Map<string, Set<string>>();
  for (const record of records) {
    for (const [key, values] of Object.entries(record.filters ?? {})) {
      const set = filterValues.get(key) ?? new Set<string>();
      for (const value of values) set.add(value);
      filterValues.set(key, set);
    }
  }
  for (const { file, html } of searchPages) {
    await writeFile(file, withFilterOptions(html, filterValues));
  }
  records.sort(shardOrder);
  const shards = cutShards(records, options.shardCharacters ?? DEFAULT_SHARD_CHARACTERS);

  const bundles: string[] = [];
  try {
    for (const [k, shard] of shards.entries()) {
      const directory = k === 0 ? mainBundle : join(mainBundle, `shard-${k}`);
      await writeShard(shard, directory);
      if (k > 0) {
        bundles.push(`/${SEARCH_BUNDLE_DIRECTORY}/shard-${k}/`);
        await Promise.all(
          [...UNUSED_BUNDLE_FILES, ...MAIN_BUNDLE_ONLY].map((name) =>
            rm(join(directory, name), { force: true }),
          ),
        );
      }
    }
  } finally {
    await pagefind.close();
  }
  await Promise.all(UNUSED_BUNDLE_FILES.map((name) => rm(join(mainBundle, name), { force: true })));
  options.privacy?.sources.noteDerivedFiles(mainBundle, (name) => FROM_RECORDS.test(name));
  const manifest: ShardManifest = {
    pages: records.length,
    sortKey: SHARD_SORT_KEY,
    filter: SHARD_FILTER,
    bundles,
  };
  await writeFile(join(mainBundle, SHARD_MANIFEST_FILE), JSON.stringify(manifest));

  const size = await directorySize(mainBundle);
  return {
    pagesRead,
    pagesIndexed: records.length,
    pagesWithOriginal: records.filter((r) => r.meta?.[ORIGINAL_TEXT_META] !== undefined).length,
    contentCharacters: records.reduce((sum, r) => sum + r.content.length, 0),
    shards: shards.length,
    bundleFiles: size.files,
    bundleBytes: size.bytes,
    seconds: (performance.now() - started) / 1000,
  };
}
