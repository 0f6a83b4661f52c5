import type { APIRoute, GetStaticPaths } from "astro";
import { getDataset } from "../../site/dataset.ts";
import { feedXml, feedsIndex } from "../../site/feeds.ts";
import type { FeedDefinition } from "../../site/feeds.ts";

const PREFIX = "/feeds/";

export const getStaticPaths = (() =>
  feedsIndex(getDataset()).map((feed) => {
    if (!feed.path.startsWith(PREFIX) || !feed.path.endsWith(".xml")) {
      throw new Error(`feed path ${feed.path} must be /feeds/….xml`);
    }
    return { params: { feed: feed.path.slice(PREFIX.length) }, props: { feed } };
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ feed: FeedDefinition }> = ({ props }) =>
  new Response(feedXml(getDataset(), props.feed), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8" },
  });
