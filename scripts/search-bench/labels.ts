import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { extractSearchRecord } from "../../src/search/extract.ts";
import { fold } from "../../src/search/fold.ts";
import { pageUrl } from "../../src/search/indexer.ts";

/**
 * A second opinion on the labels: the pages whose text contains every term of a query as a
 * plain substring, after folding both. It shares neither Pagefind nor the tokens with the
 * search itself, so where it disagrees with a label a person should look.
 */

export interface PageText {
  url: string;
  /** Title and searchable text, folded and lower-cased. */
  text: string;
  filters: Record<string, string[]>;
}

export async function searchablePages(siteDir: string): Promise<PageText[]> {
  const pages: PageText[] = [];
  for (const entry of await readdir(siteDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = join(entry.parentPath, entry.name);
    const record = extractSearchRecord(await readFile(file, "utf8"));
    if (!record) continue;
    const text = fold(`${record.title}\n${record.text}`).toLowerCase();
    pages.push({ url: pageUrl(siteDir, file), text, filters: record.filters });
  }
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

/** URLs of the pages holding every term of `query` and carrying every filter value. */
export function substringMatches(
  pages: readonly PageText[],
  query: string,
  filters: Readonly<Record<string, string>> = {},
): string[] {
  const terms = query
    .split(/\s+/u)
    .filter(Boolean)
    .map((term) => fold(term).toLowerCase());
  return pages
    .filter((page) => terms.every((term) => page.text.includes(term)))
    .filter((page) =>
      Object.entries(filters).every(([key, value]) => page.filters[key]?.includes(value)),
    )
    .map((page) => page.url);
}
