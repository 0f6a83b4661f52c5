import type { IsoDate } from "../data/dates.ts";
import type { Region } from "../data/regions.ts";
import type { AtomEntry } from "./atom.ts";

/**
 * The feeds every register gets: its items as they are added or change, each county's
 * share of them, and feeds of chosen kinds of events (a mailbox's replies). A register
 * only maps its records to `FeedItem`s; ids, dates and paths follow from here.
 */

/** An Atom feed: one page's items as they change (see src/site/feeds.ts). */
export interface FeedDefinition {
  /** Site path of the feed, e.g. `/feeds/exposures.xml`. A public contract. */
  path: string;
  /** What /data/ lists the feed under: its register's name. */
  group: string;
  title: string;
  subtitle: string;
  /** Site path of the page the feed follows, e.g. `/exposures/`. */
  pagePath: string;
  entries: readonly AtomEntry[];
}

/** Entries per feed: readers poll feeds, so a feed carries what is recent, not everything. */
export const FEED_LENGTH = 100;

export interface FeedEvent {
  date: IsoDate;
  kind: string;
  status: string | undefined;
  /** Public text only: for a register with personal data, its public projection. */
  summary: string;
}

export interface FeedItem {
  id: string;
  title: string;
  /** Site path of the item's page, e.g. `/exposures/E-2024-001/`. */
  path: string;
  county: Region | undefined;
  /** The day the item entered the register. */
  openedOn: IsoDate;
  status: string;
  /** Oldest first. */
  events: readonly FeedEvent[];
}

export interface EventFeed {
  /** Feed file stem under the register's folder, e.g. `replies` → `/feeds/letters/replies.xml`. */
  slug: string;
  /** E.g. 新答复. */
  title: string;
  kinds: readonly string[];
}

export interface RegisterFeedSource {
  /** The register's URL key, e.g. `exposures`. */
  key: string;
  /** The register's name, e.g. 环保曝光台. */
  title: string;
  /** What one item is called, e.g. 问题, 来信. */
  noun: string;
  /** Site path of the register's list, e.g. `/exposures/`. */
  listPath: string;
  /** Site path of a county's view of the register. */
  countyPath: (county: Region) => string;
  items: readonly FeedItem[];
  eventFeeds?: readonly EventFeed[];
}

/** The day an item last changed: its newest event, or the day it was opened. */
export function lastChanged(item: FeedItem): IsoDate {
  return item.events.reduce(
    (latest, event) => (event.date > latest ? event.date : latest),
    item.openedOn,
  );
}

function itemEntry(item: FeedItem, siteUrl: string): AtomEntry {
  const url = new URL(item.path, siteUrl).href;
  const updated = lastChanged(item);
  const latest = item.events.at(-1);
  const county = item.county ? `${item.county.name}。` : "";
  const summary = `${county}状态:${item.status}。${latest ? `${latest.date} ${latest.kind}:${latest.summary}` : ""}`;
  const entry: AtomEntry = {
    id: url,
    title: `${item.title}(${item.status})`,
    updated,
    link: url,
    summary,
    categories: [item.county?.name, item.status].filter(
      (term): term is string => term !== undefined,
    ),
  };
  if (updated !== item.openedOn) entry.published = item.openedOn;
  return entry;
}

/**
 * An event's entry. Its id is the item's permalink with a fragment naming the event by
 * date and its place among that item's events of the same day, which stays the same when
 * later events are added.
 */
function eventEntries(item: FeedItem, kinds: readonly string[], siteUrl: string): AtomEntry[] {
  const url = new URL(item.path, siteUrl).href;
  const perDay = new Map<string, number>();
  const entries: AtomEntry[] = [];
  for (const event of item.events) {
    const n = (perDay.get(event.date) ?? 0) + 1;
    perDay.set(event.date, n);
    if (!kinds.includes(event.kind)) continue;
    entries.push({
      id: `${url}#event-${event.date}-${n}`,
      title: `${event.kind}:${item.title}`,
      updated: event.date,
      link: url,
      summary: event.summary,
      categories: [item.county?.name, event.kind].filter(
        (term): term is string => term !== undefined,
      ),
    });
  }
  return entries;
}

function recent(entries: AtomEntry[]): AtomEntry[] {
  return entries
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id))
    .slice(0, FEED_LENGTH);
}

export function registerFeeds(
  source: RegisterFeedSource,
  counties: readonly Region[],
  siteUrl: string,
): FeedDefinition[] {
  const feeds: FeedDefinition[] = [
    {
      path: `/feeds/${source.key}.xml`,
      group: source.title,
      title: `${source.title}:新增和有变化的${source.noun}`,
      subtitle: `${source.title}最近新增或有变化的 ${FEED_LENGTH} 个${source.noun},按最后变化的日期排列。`,
      pagePath: source.listPath,
      entries: recent(source.items.map((item) => itemEntry(item, siteUrl))),
    },
  ];
  for (const eventFeed of source.eventFeeds ?? []) {
    feeds.push({
      path: `/feeds/${source.key}/${eventFeed.slug}.xml`,
      group: source.title,
      title: `${source.title}:${eventFeed.title}`,
      subtitle: `${source.title}最近的 ${FEED_LENGTH} 条${eventFeed.title}。`,
      pagePath: source.listPath,
      entries: recent(source.items.flatMap((item) => eventEntries(item, eventFeed.kinds, siteUrl))),
    });
  }
  for (const county of counties) {
    const items = source.items.filter((item) => item.county?.code === county.code);
    feeds.push({
      path: `/feeds/${source.key}/${county.code}.xml`,
      group: source.title,
      title: `${source.title}:${county.name}`,
      subtitle: `${county.name}在${source.title}中最近新增或有变化的${source.noun}。`,
      pagePath: source.countyPath(county),
      entries: recent(items.map((item) => itemEntry(item, siteUrl))),
    });
  }
  return feeds;
}
