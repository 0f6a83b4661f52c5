import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { extractSearchRecord } from "../../src/search/extract.ts";
import { fold } from "../../src/search/fold.ts";
import { pageUrl } from "../../src/search/indexer.ts";

/**
 * A second opinion on the labels: the pages whose text contains every term of a query as a
 * plain substring, after folding both. It shares neither the index nor the tokens with the
 * search itself, so where it disagrees with a label a person should look. Queries of a
 * field (a status, a year) are answered from the pages' fields instead, and a date in either
 * of the ways it is written (2024-03-05, 2024年3月5日).
 */

export interface PageText {
  url: string;
  /** Title and searchable text, folded and lower-cased. */
  text: string;
  filters: Record<string, string[]>;
  /** The page's own date (its sort date), if it has one. */
  date?: string;
}

export async function searchablePages(siteDir: string): Promise<PageText[]> {
  const pages: PageText[] = [];
  for (const entry of await readdir(siteDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = join(entry.parentPath, entry.name);
    const record = extractSearchRecord(await readFile(file, "utf8"));
    if (!record) continue;
    const text = fold(`${record.title}\n${record.text}`).toLowerCase();
    const date = record.sort["date"];
    pages.push({
      url: pageUrl(siteDir, file),
      text,
      filters: record.filters,
      ...(date === undefined ? {} : { date }),
    });
  }
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

/** The Chinese way of writing an ISO date or month: 2024-03-05 → 2024年3月5日. */
function chineseDate(iso: string): string | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!match) return undefined;
  const [, year, month, day] = match;
  return `${year}年${Number(month)}月${day === undefined ? "" : `${Number(day)}日`}`;
}

/** Whether a page answers one term of a query of the given type. */
function holds(page: PageText, term: string, type: string): boolean {
  if (type === "status") return page.filters["status"]?.includes(term) ?? false;
  if (type === "year") return page.filters["year"]?.includes(term) ?? false;
  const chinese = chineseDate(term);
  if (type === "date" && chinese !== undefined) {
    return page.text.includes(chinese) || (page.date?.startsWith(term) ?? false);
  }
  return page.text.includes(term);
}

/** URLs of the pages holding every term of `query` and carrying every filter value. */
export function substringMatches(
  pages: readonly PageText[],
  query: string,
  filters: Readonly<Record<string, string>> = {},
  type = "word",
): string[] {
  const terms = query
    .split(/\s+/u)
    .filter(Boolean)
    .map((term) => fold(term).toLowerCase());
  return pages
    .filter((page) => terms.every((term) => holds(page, term, type)))
    .filter((page) =>
      Object.entries(filters).every(([key, value]) => page.filters[key]?.includes(value)),
    )
    .map((page) => page.url);
}
