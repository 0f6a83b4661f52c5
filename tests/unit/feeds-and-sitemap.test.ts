import { describe, expect, test } from "vitest";
import { atomTimestamp, escapeXml, renderAtom } from "../../src/open-data/atom.ts";
import { isListed, sitemapFiles, URLS_PER_SITEMAP } from "../../src/integrations/sitemap.ts";
import { citationText } from "../../src/open-data/citation.ts";

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
  const options = { siteUrl: "https://city.example/", lastmod: "2026-10-31" };

  test("lists pages, not the 404 page, embeds or data files", () => {
    expect(
      ["/", "/about/", "/404/", "404.html", "/embed/chart/", "/data/regions.csv"].filter(isListed),
    ).toEqual(["/", "/about/"]);
  });

  test("writes one urlset with absolute URLs and the data's date", () => {
    const files = sitemapFiles(["/about/", "/"], options);
    expect([...files.keys()]).toEqual(["sitemap.xml"]);
    expect(files.get("sitemap.xml")).toContain(
      "<url><loc>https://city.example/about/</loc><lastmod>2026-10-31</lastmod></url>",
    );
  });

  test("splits into an index of files past 50,000 URLs", () => {
    const paths = Array.from({ length: URLS_PER_SITEMAP + 1 }, (_, i) => `/items/${i}/`);
    const files = sitemapFiles(paths, options);
    expect([...files.keys()].sort()).toEqual(["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]);
    expect(files.get("sitemap.xml")).toContain("<sitemapindex");
    expect(files.get("sitemap.xml")).toContain("<loc>https://city.example/sitemap-2.xml</loc>");
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
