/**
 * What the indexer writes and the search page reads: shared by both, free of Node imports
 * so the browser bundle can use it.
 */

/** Where the index is written inside the built site, and served from. */
export const SEARCH_BUNDLE_DIRECTORY = "pagefind";
/** Metadata key holding the original text of a page whose folded copy differs from it. */
export const ORIGINAL_TEXT_META = "original";
/** Lists the shards for the browser, inside the main bundle. */
export const SHARD_MANIFEST_FILE = "gongshi-shards.json";

/**
 * What the browser needs to merge the shards. Shard 0 is the main bundle; shard k > 0 is
 * `bundles[k - 1]`. Shards hold consecutive runs of pages ordered by the `sortKey` sort
 * value, newest first, undated pages last: a date-sorted search is then the shards' own
 * sorted results one after the other, an order that Pagefind's merged ranking (by score
 * across indexes) would not give.
 */
export interface ShardManifest {
  /** Pages indexed. With none, Pagefind writes no index at all, and there is nothing to load. */
  pages: number;
  sortKey: string;
  /** The filter each shard's pages are given in the browser (Pagefind's mergeFilter). */
  filter: string;
  bundles: string[];
}
