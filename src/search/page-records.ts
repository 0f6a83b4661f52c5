import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { inThread } from "../data/threads.ts";
import type * as pagefind from "pagefind";
import type { PrivacyAllowlist } from "../privacy/allowlist.ts";
import type { OutputFinding } from "../privacy/build-output.ts";
import { scanText } from "../privacy/scan.ts";
import { ORIGINAL_TEXT_META, SEARCH_BUNDLE_DIRECTORY } from "./bundle.ts";
import { extractSearchRecord, type SearchRecord } from "./extract.ts";
import { fold } from "./fold.ts";
import { tokenize } from "./tokens.ts";

/**
 * Built pages into the records Pagefind indexes: read, extracted (extract.ts), folded and cut
 * into tokens, and scanned for personal data as they are made. Apart from indexer.ts so that
 * threads (page-records-worker.ts) can do this part, which is most of the search index's own
 * work, while nothing else runs.
 */

/**
 * The one index language: `und` (BCP 47 "undetermined"), not `zh-cn`, on purpose. The content
 * arrives already cut into tokens (tokens.ts), and for a Chinese language Pagefind runs its
 * own word segmentation over it again, which finds nothing more to cut: measured on 10,169
 * pages, both indexes hold the same 19,428 words with identical postings, and `und` indexes
 * in 18.8 s instead of 27.0 s and writes no zero-width spaces into the fragments. The browser
 * asks for the page's language (zh-CN), finds no such index and uses this one, the only one.
 */
export const SEARCH_LANGUAGE = "und";

/** The sort key shards are cut along, newest first (see ShardManifest). */
export const SHARD_SORT_KEY = "date";
/** Every string of a record that Pagefind writes somewhere in its bundle. */
export function recordStrings(record: pagefind.CustomRecord): string[] {
  return [
    record.url,
    record.content,
    ...Object.entries(record.meta ?? {}).flat(),
    ...Object.entries(record.filters ?? {}).flat(2),
    ...Object.entries(record.sort ?? {}).flat(),
  ];
}

/**
 * The record Pagefind indexes for one page. Its text starts with the title line, so that
 * the original title is the first line of the original text. The title metadata holds the
 * folded tokens, like the content: Pagefind searches metadata too and ranks title matches
 * higher, which only works on tokens (see excerpt.ts, displayTitle, for what is shown).
 */
export function toCustomRecord(url: string, record: SearchRecord): pagefind.CustomRecord {
  const text =
    record.title === "" || record.text.split("\n", 1)[0] === record.title
      ? record.text
      : `${record.title}\n${record.text}`;
  const folded = fold(text);
  const meta: Record<string, string> = {
    ...record.meta,
    title: tokenize(fold(record.title)).join(" "),
  };
  // The page's date, for the facts line under its excerpt.
  const date = record.sort[SHARD_SORT_KEY];
  if (date !== undefined) meta["date"] = date;
  if (folded !== text) meta[ORIGINAL_TEXT_META] = text;
  return {
    url,
    content: tokenize(folded).join(" "),
    language: SEARCH_LANGUAGE,
    meta,
    filters: record.filters,
    sort: record.sort,
  };
}

/** `about/index.html` → `/about/`, the URL a static host serves it at. */
export function pageUrl(siteDir: string, file: string): string {
  const path = relative(siteDir, file).split(sep).join("/");
  return `/${path.replace(/(^|\/)index\.html$/, "$1")}`;
}

export interface PageRecords {
  records: pagefind.CustomRecord[];
  /** Pages holding the search form, whose filter options the indexer writes in. */
  searchPages: string[];
  /** Personal data found in the records (reported by the privacy guard). */
  findings: OutputFinding[];
  scannedCharacters: number;
}

export interface ReadOptions {
  /** Scan each record with this allow list, naming findings under `display`. */
  allowlist?: PrivacyAllowlist;
  display?: string;
  workers?: number;
  workerThreshold?: number;
}

/** Reads `files` in order into records, here or in threads (same result either way). */
export async function readPageRecords(
  files: readonly string[],
  siteDir: string,
  options: ReadOptions = {},
): Promise<PageRecords> {
  const workers = options.workers ?? 1;
  if (workers <= 1 || files.length < (options.workerThreshold ?? 2000)) {
    return recordsOf(files, siteDir, options);
  }
  // Contiguous parts, so that joining them in order keeps the files' order.
  const size = Math.ceil(files.length / workers);
  const parts = Array.from({ length: workers }, (_, k) => files.slice(k * size, (k + 1) * size));
  const results = await Promise.all(
    parts.map((part) =>
      inThread<PageRecords>(
        new URL("./page-records-worker.ts", import.meta.url),
        { files: part, siteDir, allowed: options.allowlist?.values, display: options.display },
        "search records",
      ),
    ),
  );
  return {
    records: results.flatMap((result) => result.records),
    searchPages: results.flatMap((result) => result.searchPages),
    findings: results.flatMap((result) => result.findings),
    scannedCharacters: results.reduce((sum, result) => sum + result.scannedCharacters, 0),
  };
}

/** The work of one thread: each file read, made a record and scanned. */
export function recordsOf(
  files: readonly string[],
  siteDir: string,
  options: Pick<ReadOptions, "allowlist" | "display"> = {},
): PageRecords {
  const out: PageRecords = { records: [], searchPages: [], findings: [], scannedCharacters: 0 };
  for (const file of files) {
    const html = readFileSync(file, "utf8");
    if (html.includes("<gs-search")) out.searchPages.push(file);
    const record = extractSearchRecord(html);
    if (!record) continue;
    const custom = toCustomRecord(pageUrl(siteDir, file), record);
    if (options.allowlist) {
      const text = recordStrings(custom).join("\n");
      out.scannedCharacters += text.length;
      const place = `${options.display ?? "dist"}/${SEARCH_BUNDLE_DIRECTORY} (搜索索引记录 ${custom.url})`;
      for (const { line, position, hit } of scanText(text, options.allowlist)) {
        out.findings.push({ path: place, line, position, what: `含有疑似${hit.masked}` });
      }
    }
    out.records.push(custom);
  }
  return out;
}
