import { describe, expect, test } from "vitest";
import { escapeXml } from "../../src/format/markup.ts";
import { atomTimestamp, renderAtom } from "../../src/open-data/atom.ts";
import { isListed } from "../../src/integrations/sitemap.ts";
import { citationText } from "../../src/open-data/citation.ts";
import type { Region } from "../../src/data/regions.ts";
import { FEED_LENGTH, registerFeeds } from "../../src/open-data/register-feeds.ts";
import type { FeedItem, RegisterFeedSource } from "../../src/open-data/register-feeds.ts";

describe("Atom feeds", () => {
  const feed = {
    self: "https://city.example/feeds/items.xml",
    alternate: "https://city.example/items/",
    title: "事项",
    author: "编辑部",
    asOf: "2026-10-31",
    entries: [
      {
        id: "https://city.example/items/A/",
        title: "甲 <b>&</b>",
        updated: "2026-03-01",
        link: "https://city.example/items/A/",
        summary: "x",
      },
      {
        id: "https://city.example/items/B/",
        title: "乙",
        updated: "2026-05-01",
        published: "2026-04-01",
        link: "https://city.example/items/B/",
        summary: "y",
        categories: ["市中区"],
      },
    ],
  };

  test("take updated from the newest entry, never from the clock", () => {
    const xml = renderAtom(feed);
    expect(xml).toContain("<updated>2026-05-01T00:00:00Z</updated>\n  <link");
    expect(renderAtom(feed)).toBe(xml);
  });

  test("use the as-of date when there are no entries", () => {
    expect(renderAtom({ ...feed, entries: [] })).toContain(
      "<updated>2026-10-31T00:00:00Z</updated>",
    );
  });

  test("list entries newest first and escape markup in text", () => {
    const xml = renderAtom(feed);
    expect(xml.indexOf("items/B/")).toBeLessThan(xml.indexOf("items/A/"));
    expect(xml).toContain("<title>甲 &lt;b&gt;&amp;&lt;/b&gt;</title>");
    expect(xml).toContain('<category term="市中区"/>');
  });

  test("drop control characters XML cannot carry", () => {
    expect(escapeXml("a\u0001b\u000Bc\td")).toBe("abc\td");
  });

  test("write dates as RFC 3339 timestamps", () => {
    expect(atomTimestamp("2026-01-02")).toBe("2026-01-02T00:00:00Z");
  });
});

describe("sitemap", () => {
  test("lists pages, not the 404 page, embeds or data files", () => {
    expect(
      ["/", "/about/", "/404/", "404.html", "/embed/chart/", "/data/regions.csv"].filter(isListed),
    ).toEqual(["/", "/about/"]);
  });
});

describe("citations", () => {
  test("follow the GB/T 7714 shape: publisher, title and type, site, as-of date, URL", () => {
    expect(
      citationText({
        publisher: "某发布者",
        siteName: "某站",
        title: "某事项",
        kind: "EB/OL",
        asOf: "2026-10-31",
        url: "https://city.example/items/A/",
      }),
    ).toBe("某发布者. 某事项[EB/OL]. 某站, (2026-10-31). https://city.example/items/A/.");
  });
});

describe("register feeds", () => {
  const county = (code: string, name: string): Region => ({
    code,
    name,
    level: "县",
    parent: "100000",
  });
  const east = county("100001", "东区");
  const west = county("100002", "西区");
  const item = (id: string, where: Region, events: FeedItem["events"]): FeedItem => ({
    id,
    title: `事项${id}`,
    path: `/things/${id}/`,
    county: where,
    openedOn: "2026-01-01",
    status: "办理中",
    events,
  });
  const source = (items: FeedItem[]): RegisterFeedSource => ({
    key: "things",
    title: "事项台账",
    noun: "事项",
    listPath: "/things/",
    countyPath: (c) => `/things/county/${c.code}/`,
    items,
    eventFeeds: [{ slug: "replies", title: "新答复", kinds: ["答复"] }],
  });
  const items = [
    item("A", east, [
      { date: "2026-02-01", kind: "答复", status: undefined, summary: "第一次答复" },
      { date: "2026-02-01", kind: "答复", status: "办理中", summary: "同日第二次答复" },
    ]),
    item("B", west, []),
  ];

  test("make a feed of the register, one per county, and one per chosen kind of event", () => {
    const feeds = registerFeeds(source(items), [east, west], "https://city.example/");
    expect(feeds.map((feed) => [feed.path, feed.pagePath])).toEqual([
      ["/feeds/things.xml", "/things/"],
      ["/feeds/things/replies.xml", "/things/"],
      ["/feeds/things/100001.xml", "/things/county/100001/"],
      ["/feeds/things/100002.xml", "/things/county/100002/"],
    ]);
    expect(feeds[2]?.entries.map((entry) => entry.id)).toEqual(["https://city.example/things/A/"]);
  });

  test("date an item's entry by its last change and give every event its own stable id", () => {
    const [all, replies] = registerFeeds(source(items), [], "https://city.example/");
    expect(all?.entries.find((entry) => entry.id.endsWith("/A/"))).toMatchObject({
      updated: "2026-02-01",
      published: "2026-01-01",
    });
    expect(all?.entries.find((entry) => entry.id.endsWith("/B/"))).toMatchObject({
      updated: "2026-01-01",
    });
    const ids = replies?.entries.map((entry) => entry.id) ?? [];
    expect(ids).toEqual([
      "https://city.example/things/A/#event-2026-02-01-1",
      "https://city.example/things/A/#event-2026-02-01-2",
    ]);

    const later = [
      item("A", east, [
        ...(items[0]?.events ?? []),
        { date: "2026-03-01", kind: "答复", status: "办结", summary: "再答复" },
      ]),
    ];
    const [, moreReplies] = registerFeeds(source(later), [], "https://city.example/");
    expect(moreReplies?.entries.map((entry) => entry.id)).toEqual(expect.arrayContaining(ids));
  });

  test(`carry at most ${FEED_LENGTH} entries, the most recently changed`, () => {
    const many = Array.from({ length: FEED_LENGTH + 5 }, (_, i) =>
      item(String(i).padStart(3, "0"), east, [
        { date: `2026-0${1 + (i % 9)}-15`, kind: "进展", status: undefined, summary: "" },
      ]),
    );
    const [all] = registerFeeds(source(many), [], "https://city.example/");
    expect(all?.entries).toHaveLength(FEED_LENGTH);
    expect(all?.entries[0]?.updated).toBe("2026-09-15");
  });
});
