import type { Dataset } from "../data/dataset.ts";
import { renderAtom } from "./atom.ts";
import type { AtomEntry } from "./atom.ts";
import { registerFeeds } from "./register-feeds.ts";
import { exposureFeedSource } from "../registers/exposures/open-data.ts";
import { letterFeedSource } from "../registers/letters/open-data.ts";

/**
 * The site's Atom feeds. Each follows one page (a register's list, a county's view of it)
 * and is announced on that page with `<link rel="alternate">`: BaseLayout looks the page
 * up here, so a register's pages get their feed links without doing anything.
 */
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

/** Every feed, in the order the /data/ page lists them. Registers add theirs here. */
export function siteFeeds(dataset: Dataset): FeedDefinition[] {
  const { counties, exposures, mailbox, site } = dataset;
  const countiesByCode = new Map(counties.map((county) => [county.code, county]));
  return [
    ...(exposures === undefined
      ? []
      : registerFeeds(exposureFeedSource(exposures), counties, site.siteUrl)),
    ...(mailbox === undefined
      ? []
      : registerFeeds(letterFeedSource(mailbox, countiesByCode), counties, site.siteUrl)),
  ];
}

const cache = new WeakMap<Dataset, FeedDefinition[]>();

export function feedsIndex(dataset: Dataset): FeedDefinition[] {
  let feeds = cache.get(dataset);
  if (!feeds) {
    feeds = siteFeeds(dataset);
    cache.set(dataset, feeds);
  }
  return feeds;
}

/** The `<link rel="alternate">` entries for a page: the feeds that follow it. */
export function feedAlternates(
  dataset: Dataset,
  pagePath: string,
): { href: string; type: string; title: string }[] {
  return feedsIndex(dataset)
    .filter((feed) => feed.pagePath === pagePath)
    .map((feed) => ({ href: feed.path, type: "application/atom+xml", title: feed.title }));
}

export function feedXml(dataset: Dataset, feed: FeedDefinition): string {
  const { site } = dataset;
  return renderAtom({
    self: new URL(feed.path, site.siteUrl).href,
    alternate: new URL(feed.pagePath, site.siteUrl).href,
    title: `${feed.title} - ${site.siteName}`,
    subtitle: feed.subtitle,
    author: site.publisher,
    asOf: site.asOf,
    licence: `${site.licence.name} ${site.licence.url}`,
    entries: feed.entries,
  });
}
