import { escapeXml } from "../format/markup.ts";
import type { IsoDate } from "../data/dates.ts";

/**
 * Atom feeds (RFC 4287, https://www.rfc-editor.org/rfc/rfc4287). Every timestamp comes from
 * the data, never from the clock, so a rebuild of the same data writes the same bytes and
 * feed readers see an entry as new only when the data changed.
 */

export interface AtomEntry {
  /** Permanent, unique id (an absolute URL): readers use it to tell new entries from seen ones. */
  id: string;
  title: string;
  /** The day the entry last changed, from the data. */
  updated: IsoDate;
  /** The day it first appeared, when different from `updated`. */
  published?: IsoDate;
  /** Absolute URL of the page the entry is about. */
  link: string;
  /** Plain text; escaped here. */
  summary: string;
  /** Terms readers can filter on (county, status). */
  categories?: readonly string[];
}

export interface AtomFeed {
  /** Absolute URL of the feed itself: also its id. */
  self: string;
  /** Absolute URL of the page the feed follows. */
  alternate: string;
  title: string;
  subtitle?: string;
  author: string;
  /** Used as `updated` when there are no entries: the data's as-of date. */
  asOf: IsoDate;
  licence?: string;
  entries: readonly AtomEntry[];
}

/**
 * A calendar date as an RFC 3339 timestamp. The data has dates, not times; midnight UTC
 * keeps the date the same in every time zone east of Greenwich, including China's.
 */
export function atomTimestamp(date: IsoDate): string {
  return `${date}T00:00:00Z`;
}

/** Newest first, then by id, so the order is stable across builds. */
function byRecency(a: AtomEntry, b: AtomEntry): number {
  return b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id);
}

export function renderAtom(feed: AtomFeed): string {
  const entries = [...feed.entries].sort(byRecency);
  const updated = entries[0]?.updated ?? feed.asOf;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${escapeXml(feed.self)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
  ];
  if (feed.subtitle) lines.push(`  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`);
  lines.push(
    `  <updated>${atomTimestamp(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
  );
  if (feed.licence) lines.push(`  <rights>${escapeXml(feed.licence)}</rights>`);
  for (const entry of entries) {
    lines.push(
      "  <entry>",
      `    <id>${escapeXml(entry.id)}</id>`,
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <updated>${atomTimestamp(entry.updated)}</updated>`,
    );
    if (entry.published) lines.push(`    <published>${atomTimestamp(entry.published)}</published>`);
    lines.push(
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>`,
      `    <summary>${escapeXml(entry.summary)}</summary>`,
    );
    for (const term of entry.categories ?? []) {
      lines.push(`    <category term="${escapeXml(term)}"/>`);
    }
    lines.push("  </entry>");
  }
  lines.push("</feed>", "");
  return lines.join("\n");
}
