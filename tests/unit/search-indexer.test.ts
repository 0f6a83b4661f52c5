import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { SHARD_MANIFEST_FILE } from "../../src/search/bundle.ts";
import {
  cutShards,
  pageUrl,
  shardOrder,
  toCustomRecord,
  writeSearchIndex,
} from "../../src/search/indexer.ts";
import { writeSyntheticSite } from "../../scripts/search-bench/synthetic-site.ts";

const record = (text: string, date?: string) => ({
  title: text.split("\n")[0] ?? "",
  text,
  filters: {},
  sort: date ? { date } : {},
  meta: {},
});

describe("the record each page is indexed as", () => {
  test("holds the folded text and title cut into tokens, and the text as written", () => {
    const custom = toCustomRecord("/a/", record("西山縣環保\n群眾來信"));
    expect(custom.content).toBe("西 山 县 环 保 ¶ 群 众 来 信");
    expect(custom.meta).toEqual({ title: "西 山 县 环 保", original: "西山縣環保\n群眾來信" });
    expect(custom.language).toBe("und");
  });

  test("keeps no second copy of text that folding leaves unchanged", () => {
    expect(toCustomRecord("/a/", record("西山县环保")).meta).toEqual({ title: "西 山 县 环 保" });
  });

  test("starts the text with the title, even one kept outside the searchable region", () => {
    const custom = toCustomRecord("/a/", { ...record("正文"), title: "標題" });
    expect(custom.content).toBe("标 题 ¶ 正 文");
    expect(custom.meta?.["original"]).toBe("標題\n正文");
  });

  test("serves directory pages at their directory URL", () => {
    expect(pageUrl("/site", "/site/exposures/HB-1/index.html")).toBe("/exposures/HB-1/");
    expect(pageUrl("/site", "/site/index.html")).toBe("/");
    expect(pageUrl("/site", "/site/404.html")).toBe("/404.html");
  });
});

describe("cutting the archive into shards", () => {
  test("orders pages newest first, undated last, then by URL", () => {
    const records = [
      toCustomRecord("/c/", record("丙")),
      toCustomRecord("/b/", record("乙", "2023-01-01")),
      toCustomRecord("/a/", record("甲", "2024-01-01")),
      toCustomRecord("/d/", record("丁", "2024-01-01")),
    ];
    expect(records.sort(shardOrder).map((r) => r.url)).toEqual(["/a/", "/d/", "/b/", "/c/"]);
  });

  test("starts a new shard when the next page would pass the budget", () => {
    const records = ["一二", "三四", "五六", "七"].map((text, i) =>
      toCustomRecord(`/${i}/`, record(text)),
    );
    expect(cutShards(records, 7).map((shard) => shard.map((r) => r.url))).toEqual([
      ["/0/", "/1/"],
      ["/2/", "/3/"],
    ]);
  });
});

describe("writing the index", () => {
  test(
    "indexes the searchable pages into shards with a manifest",
    { timeout: 60_000 },
    async () => {
      const site = await mkdtemp(join(tmpdir(), "gs-search-index-"));
      try {
        await writeSyntheticSite(site, 40, ["东区", "西区", "北县"]);
        const report = await writeSearchIndex(site, { shardCharacters: 20_000 });
        expect(report.pagesIndexed).toBe(40);
        expect(report.shards).toBeGreaterThan(1);
        const manifest: unknown = JSON.parse(
          await readFile(join(site, "pagefind", SHARD_MANIFEST_FILE), "utf8"),
        );
        expect(manifest).toEqual({
          pages: 40,
          sortKey: "date",
          filter: "gs-shard",
          bundles: Array.from({ length: report.shards - 1 }, (_, k) => `/pagefind/shard-${k + 1}/`),
        });
        const main = await readdir(join(site, "pagefind"));
        expect(main).toContain("pagefind.js");
        expect(main).not.toContain("pagefind-ui.js");
        expect(await readdir(join(site, "pagefind", "shard-1"))).not.toContain("pagefind.js");
      } finally {
        await rm(site, { recursive: true, force: true });
      }
    },
  );

  test("says in the manifest when no page is searchable", async () => {
    const site = await mkdtemp(join(tmpdir(), "gs-search-index-"));
    try {
      await writeFile(join(site, "index.html"), "<html><body><p>无</p></body></html>");
      const report = await writeSearchIndex(site);
      expect(report.pagesIndexed).toBe(0);
      const manifest: unknown = JSON.parse(
        await readFile(join(site, "pagefind", SHARD_MANIFEST_FILE), "utf8"),
      );
      expect(manifest).toMatchObject({ pages: 0, bundles: [] });
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });
});
