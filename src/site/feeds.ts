import { renderAtom } from "../open-data/atom.ts";
import { registerFeeds } from "../open-data/register-feeds.ts";
import type { FeedDefinition } from "../open-data/register-feeds.ts";
import { registers } from "../registers/index.ts";
import { changesFeed } from "./changes.ts";
import type { Dataset } from "./dataset.ts";

export type { FeedDefinition };

/**
 * The site's Atom feeds, in the order the /data/ page lists them: each running register's
 * (its `feeds`), then the changes of all of them (修改记录). Each follows one page (a register's list, a county's view of it) and is
 * announced on that page with `<link rel="alternate">`: BaseLayout looks the page up here,
 * so a register's pages get their feed links without doing anything.
 */
export function siteFeeds(dataset: Dataset): FeedDefinition[] {
  const { counties, site } = dataset;
  return [
    ...registers.flatMap((register) => {
      const data = dataset.registerData.get(register.key);
      if (data === undefined) return [];
      return registerFeeds(register.module.feeds(data, dataset), counties, site.siteUrl);
    }),
    // Every register's published changes (/changes/), when the git history can be read.
    ...changesFeed(dataset),
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
