import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadDataset } from "../../src/site/dataset.ts";
import { formatCount } from "../../src/format/numbers.ts";
import { publishedTables } from "../../src/site/catalogue.ts";
import { feedsIndex } from "../../src/site/feeds.ts";
import type { DataPackage, DataResource } from "../../src/open-data/datapackage.ts";
import type { TableSchemaField } from "../../src/open-data/table-schema.ts";
import { FORMULA_START } from "../fixtures/formula-payloads.ts";
import {
  distDir,
  expectCleanPage,
  expectNoAxeViolations,
  openPage,
  siteOrigin,
} from "./harness.ts";

/**
 * The open-data files as a reader downloads them from the built site: every CSV named by
 * the data package parses back to the site's records, obeys its Table Schema (a small
 * validator below, written from the specification rather than from our generator), and
 * every feed and the sitemap are well-formed XML.
 */

type Cell = string | number | boolean | null;

async function download(path: string): Promise<{ bytes: Buffer; type: string }> {
  const response = await fetch(new URL(path, siteOrigin()));
  expect(response.status, path).toBe(200);
  return {
    bytes: Buffer.from(await response.arrayBuffer()),
    type: response.headers.get("content-type") ?? "",
  };
}

/** A CSV for tools: UTF-8 without a byte-order mark, as the data package declares. */
function parseCsv(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8");
  expect(text.endsWith("\r\n")).toBe(true);
  const result = Papa.parse<string[]>(text, { delimiter: ",", newline: "\r\n" });
  expect(result.errors).toEqual([]);
  return result.data.filter((row) => !(row.length === 1 && row[0] === ""));
}

/** A cell read as the Table Schema says; `problem` when it does not conform. */
function readCell(field: TableSchemaField, cell: string): { value: Cell } | { problem: string } {
  if (cell === "") {
    return field.constraints?.required ? { problem: "required value missing" } : { value: null };
  }
  const c = field.constraints ?? {};
  switch (field.type) {
    case "integer":
      return /^-?\d+$/.test(cell) ? { value: Number(cell) } : { problem: "not an integer" };
    case "number":
      return /^-?\d+(\.\d+)?$/.test(cell) ? { value: Number(cell) } : { problem: "not a number" };
    case "boolean":
      if (field.trueValues?.includes(cell)) return { value: true };
      if (field.falseValues?.includes(cell)) return { value: false };
      return { problem: "not a declared boolean value" };
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(cell) && !Number.isNaN(Date.parse(cell))
        ? { value: cell }
        : { problem: "not a date" };
    case "string": {
      if (c.enum && !c.enum.includes(cell)) return { problem: `not one of ${c.enum.join("/")}` };
      if (c.pattern && !new RegExp(`^(?:${c.pattern})$`).test(cell)) return { problem: "pattern" };
      if (field.format === "uri" && !URL.canParse(cell)) return { problem: "not a URI" };
      // The one documented transformation: an added leading apostrophe.
      return { value: cell.startsWith("'") ? cell.slice(1) : cell };
    }
  }
}

interface DownloadedTable {
  resource: DataResource;
  header: string[];
  rows: Cell[][];
}

describe("open data downloads", () => {
  let descriptor: DataPackage;
  const tables = new Map<string, DownloadedTable>();

  beforeAll(async () => {
    const { bytes, type } = await download("/data/datapackage.json");
    expect(type).toContain("application/json");
    descriptor = JSON.parse(bytes.toString("utf8")) as DataPackage;
    for (const resource of descriptor.resources) {
      const csv = await download(`/data/${resource.path}`);
      expect(csv.type).toContain("text/csv");
      expect(csv.bytes.length).toBe(resource.bytes);
      const [header = [], ...raw] = parseCsv(csv.bytes);
      const problems: string[] = [];
      const rows = raw.map((cells, r) =>
        cells.map((cell, i) => {
          const field = resource.schema.fields[i];
          if (!field) {
            problems.push(`${resource.path} row ${r + 2}: extra cell`);
            return null;
          }
          const read = readCell(field, cell);
          if ("problem" in read) {
            problems.push(`${resource.path} row ${r + 2} ${field.name}: ${read.problem}`);
            return null;
          }
          return read.value;
        }),
      );
      expect(problems).toEqual([]);
      tables.set(resource.name, { resource, header, rows });
    }
  });

  test("the data package is a tabular data package naming every published table", () => {
    expect(descriptor.profile).toBe("tabular-data-package");
    expect(descriptor.name).toMatch(/^[-a-z0-9._/]+$/);
    const site = loadDataset();
    expect(descriptor.resources.map((resource) => resource.name)).toEqual(
      publishedTables(site).map((table) => table.name),
    );
    for (const resource of descriptor.resources) {
      expect(resource.name).toMatch(/^[-a-z0-9._/]+$/);
      expect(resource.path).toBe(`${resource.name}.csv`);
    }
  });

  test("every CSV header is exactly its resource's schema fields", () => {
    for (const { resource, header } of tables.values()) {
      expect(header, resource.name).toEqual(resource.schema.fields.map((field) => field.name));
    }
  });

  test("every CSV holds exactly the site's records, in count and value", () => {
    const site = loadDataset();
    for (const table of publishedTables(site)) {
      const downloaded = tables.get(table.name);
      expect(downloaded?.rows.length, table.name).toBe(table.records.length);
      const names = downloaded?.header ?? [];
      expect(downloaded?.rows, table.name).toEqual(
        table.records.map((record) => names.map((name) => record[name] ?? null)),
      );
    }
  });

  test("every CSV has an Excel copy: a byte-order mark, then the same bytes, read back to the same rows", async () => {
    for (const { resource, header, rows } of tables.values()) {
      const tools = await download(`/data/${resource.path}`);
      const excel = await download(`/data/excel/${resource.path}`);
      expect(excel.type).toContain("text/csv");
      expect([...excel.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(excel.bytes.subarray(3).equals(tools.bytes), resource.name).toBe(true);
      // A decoder that honours the mark, as Excel and WPS do, sees the header and rows.
      const text = new TextDecoder("utf-8").decode(excel.bytes);
      const parsed = Papa.parse<string[]>(text, { delimiter: ",", newline: "\r\n" });
      expect(parsed.errors).toEqual([]);
      expect(parsed.data[0]).toEqual(header);
      expect(parsed.data.filter((row) => !(row.length === 1 && row[0] === "")).length).toBe(
        rows.length + 1,
      );
    }
  });

  test("every JSON download carries the same records as its CSV", async () => {
    for (const { resource, header, rows } of tables.values()) {
      const json = JSON.parse(
        (await download(`/data/${resource.name}.json`)).bytes.toString("utf8"),
      ) as {
        count: number;
        asOf: string;
        records: Record<string, Cell>[];
      };
      expect(json.count).toBe(rows.length);
      expect(json.asOf).toBe(descriptor.asOf);
      expect(json.records.map((record) => header.map((name) => record[name]))).toEqual(rows);
    }
  });

  test("primary keys are unique and every foreign key resolves", () => {
    const problems: string[] = [];
    for (const { resource, header, rows } of tables.values()) {
      const { primaryKey = [], foreignKeys = [] } = resource.schema;
      const keyColumns = primaryKey.map((name) => header.indexOf(name));
      const seen = new Set<string>();
      for (const row of rows) {
        const key = JSON.stringify(keyColumns.map((i) => row[i]));
        if (keyColumns.length > 0 && seen.has(key))
          problems.push(`${resource.name}: duplicate key ${key}`);
        seen.add(key);
      }
      for (const foreignKey of foreignKeys) {
        const target =
          foreignKey.reference.resource === ""
            ? tables.get(resource.name)
            : tables.get(foreignKey.reference.resource);
        if (!target) {
          problems.push(
            `${resource.name}: foreign key to missing resource ${foreignKey.reference.resource}`,
          );
          continue;
        }
        const targetColumns = foreignKey.reference.fields.map((name) =>
          target.header.indexOf(name),
        );
        const known = new Set(
          target.rows.map((row) => JSON.stringify(targetColumns.map((i) => row[i]))),
        );
        const columns = foreignKey.fields.map((name) => header.indexOf(name));
        for (const row of rows) {
          const values = columns.map((i) => row[i]);
          if (values.every((value) => value === null)) continue;
          if (!known.has(JSON.stringify(values)))
            problems.push(
              `${resource.name}: ${JSON.stringify(values)} not in ${target.resource.name}`,
            );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test("no cell of any CSV starts a formula", () => {
    for (const { resource } of tables.values()) expect(resource.encoding).toBe("utf-8");
    const raw = [...tables.values()].flatMap(({ rows }) => rows.flat());
    expect(
      raw.filter(
        (cell) => typeof cell === "string" && FORMULA_START.test(cell) && !cell.startsWith("'"),
      ),
    ).toEqual([]);
  });
});

describe("the /data/ page", () => {
  test("lists every dataset with its record count, its page and all three downloads", async () => {
    const { page, problems } = await openPage("/data/");
    const site = loadDataset();
    for (const table of publishedTables(site)) {
      const section = page.locator(`section#${table.name}`);
      await expect(section.locator("h2").textContent()).resolves.toBe(table.title);
      await expect(section.locator(`h2 a`).getAttribute("href")).resolves.toBe(
        `/data/${table.name}/`,
      );
      await expect(section.locator("dd").first().textContent()).resolves.toBe(
        `${formatCount(table.records.length)}条`,
      );
      const links = await section
        .locator("a[download]")
        .evaluateAll((anchors) => anchors.map((a) => [a.getAttribute("href"), a.textContent]));
      expect(links).toEqual([
        [`/data/excel/${table.name}.csv`, "CSV（Excel、WPS用）"],
        [`/data/${table.name}.csv`, "CSV（程序、数据工具用）"],
        [`/data/${table.name}.json`, "JSON"],
      ]);
    }
    expectCleanPage(problems);
  });

  test("explains which CSV to take: with the byte-order mark for Excel and WPS, without for tools", async () => {
    const { page } = await openPage("/data/");
    const formats = (await page.locator("#formats").textContent()) ?? "";
    expect(formats).toContain("Excel、WPS用");
    expect(formats).toContain("程序、数据工具用");
    expect(formats).toContain("带字节顺序标记（BOM）");
    expect(formats).toContain("不带BOM");
  });

  test("has no accessibility violations", async () => {
    const { page } = await openPage("/data/");
    await expectNoAxeViolations(page);
  });

  test("copies the suggested citation with the copy button, and shows the text without JavaScript", async () => {
    const { page, problems } = await openPage("/data/");
    await page
      .context()
      .grantPermissions(["clipboard-read", "clipboard-write"], { origin: siteOrigin() });
    const text = await page.locator(".cite-text").textContent();
    expect(text).toMatch(/\[DS\/OL\]\. .+, \(\d{4}-\d{2}-\d{2}\)\. https?:\/\/.+\/data\/\.$/);
    await page.getByRole("button", { name: "复制引用文字" }).click();
    // The clipboard write is asynchronous: wait for the status to say it is done.
    await page.locator("gs-copy-text [role=status]", { hasText: "已复制" }).waitFor();
    await expect(page.evaluate(() => window.navigator.clipboard.readText())).resolves.toBe(text);
    expectCleanPage(problems);

    const noScript = await openPage("/data/", { javaScript: false });
    await expect(noScript.page.locator(".cite-text").textContent()).resolves.toBe(text);
    await expect(noScript.page.getByRole("button", { name: "复制引用文字" }).count()).resolves.toBe(
      0,
    );
  });
});

test.each(["/data/regions/", "/guide/"])(
  "on a phone, %s does not scroll sideways: wide column tables scroll inside their own region",
  async (path) => {
    const { page } = await openPage(path, { width: 390 });
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth),
    ).resolves.toBeLessThanOrEqual(390);
    const region = page.locator(".table-scroll").first();
    await expect(region.evaluate((el) => el.scrollWidth > el.clientWidth)).resolves.toBe(true);
    await expect(region.getAttribute("tabindex")).resolves.toBe("0");
  },
);

describe("the editor guide", () => {
  test("documents each data file's columns from its schema and lists the figures", async () => {
    const { page, problems } = await openPage("/guide/");
    await expect(page.locator("h1").textContent()).resolves.toBe("编辑指南");
    const regionColumns = await page
      .locator("table", { has: page.locator("caption", { hasText: "regions.csv" }) })
      .locator("tbody th code")
      .allTextContents();
    expect(regionColumns).toEqual(["code", "name", "level", "parent"]);
    await expect(page.getByText("regions.countyCount").count()).resolves.toBeGreaterThan(0);
    expectCleanPage(problems);
  });

  test("has no accessibility violations", async () => {
    const { page } = await openPage("/guide/");
    await expectNoAxeViolations(page);
  });
});

describe("feeds, sitemap and robots.txt", () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openPage("/"));
  });
  afterAll(async () => {
    await page.close();
  });

  /**
   * Parses XML documents with Chromium's DOMParser: what a browser-based feed reader would
   * see. All in one round trip to the browser, so that the time a test takes does not grow
   * with the number of feeds times the latency of a busy machine (it timed out under load).
   */
  async function parseXmlAll(sources: readonly string[]) {
    return page.evaluate((all) => {
      const ATOM = "http://www.w3.org/2005/Atom";
      return all.map((source) => {
        const doc = new DOMParser().parseFromString(source, "application/xml");
        const error = doc.querySelector("parsererror");
        const root = doc.documentElement;
        const text = (el: Element, name: string) =>
          el.getElementsByTagNameNS(ATOM, name)[0]?.textContent ?? null;
        return {
          error: error?.textContent ?? null,
          root: root.localName,
          namespace: root.namespaceURI,
          feedId: text(root, "id"),
          feedUpdated:
            [...root.children].find((child) => child.localName === "updated")?.textContent ?? null,
          entries: [...root.getElementsByTagNameNS(ATOM, "entry")].map((entry) => ({
            id: text(entry, "id"),
            title: text(entry, "title"),
            updated: text(entry, "updated"),
            link: entry.getElementsByTagNameNS(ATOM, "link")[0]?.getAttribute("href") ?? null,
          })),
          locs: [...root.getElementsByTagName("loc")].map((loc) => loc.textContent ?? ""),
        };
      });
    }, sources);
  }

  async function parseXml(xml: string) {
    const [parsed] = await parseXmlAll([xml]);
    if (!parsed) throw new Error("nothing parsed");
    return parsed;
  }

  test("every feed linked from a page or the /data/ page is well-formed Atom with unique ids and data dates", async () => {
    const { page: dataPage } = await openPage("/data/");
    const listed = await dataPage
      .locator('a[type="application/atom+xml"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    // Loaded once: loading and checking the data takes a second, too long to repeat per feed.
    const { asOf, siteUrl } = loadDataset().site;
    // The changes feed (修改记录) is dated by the commits that published each change, which
    // come after the data's date; they are fixed by the repository, so still reproducible.
    const lastCommit = execFileSync("git", ["log", "-1", "--format=%cs", "HEAD"], {
      encoding: "utf8",
    }).trim();
    const downloads = await Promise.all(listed.map((path) => download(path)));
    const feeds = await parseXmlAll(downloads.map(({ bytes }) => bytes.toString("utf8")));
    for (const [i, path] of listed.entries()) {
      const latest = path === "/feeds/changes.xml" ? lastCommit : asOf;
      const feed = feeds[i];
      if (!feed) throw new Error(`${path} was not parsed`);
      expect(downloads[i]?.type).toContain("xml");
      expect(feed.error, path).toBeNull();
      expect(feed.root).toBe("feed");
      expect(feed.namespace).toBe("http://www.w3.org/2005/Atom");
      expect(feed.feedId).toBe(new URL(path, siteUrl).href);
      const ids = feed.entries.map((entry) => entry.id);
      expect(new Set(ids).size, path).toBe(ids.length);
      for (const entry of feed.entries) {
        expect(entry.title).toBeTruthy();
        expect(entry.link).toMatch(/^https?:\/\//);
        expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
        expect((entry.updated ?? "").slice(0, 10) <= latest).toBe(true);
      }
      expect((feed.feedUpdated ?? "").slice(0, 10) <= latest).toBe(true);
    }
  }, 240_000); // dozens of feeds, each parsed in the browser: slow on a busy 2-core machine

  test("every feed is announced with <link rel=alternate> on the page it follows, and listed on /data/", async () => {
    const feeds = feedsIndex(loadDataset());
    expect(feeds.length).toBeGreaterThan(0);
    const dataPage = readFileSync(join(distDir(), "data", "index.html"), "utf8");
    for (const feed of feeds) {
      const html = readFileSync(join(distDir(), feed.pagePath, "index.html"), "utf8");
      expect(html, feed.pagePath).toContain(
        `<link rel="alternate" href="${feed.path}" type="application/atom+xml"`,
      );
      expect(dataPage).toContain(`href="${feed.path}"`);
    }
  });

  test("the sitemap is well-formed and lists the site's pages under its configured URL", async () => {
    const siteUrl = loadDataset().site.siteUrl;
    const index = await parseXml((await download("/sitemap-index.xml")).bytes.toString("utf8"));
    expect(index.error).toBeNull();
    expect(index.root).toBe("sitemapindex");
    const first = index.locs[0] ?? "";
    expect(first.startsWith(siteUrl)).toBe(true);
    const { bytes } = await download(`/${first.slice(siteUrl.length)}`);
    const sitemap = await parseXml(bytes.toString("utf8"));
    expect(sitemap.error).toBeNull();
    expect(sitemap.root).toBe("urlset");
    expect(sitemap.locs).toContain(siteUrl);
    expect(sitemap.locs).toContain(new URL("data/", siteUrl).href);
    expect(sitemap.locs).not.toContain(new URL("404/", siteUrl).href);
    for (const loc of sitemap.locs) {
      expect(loc.startsWith(siteUrl)).toBe(true);
      const response = await fetch(new URL(loc.slice(siteUrl.length - 1), siteOrigin()));
      expect(response.status, loc).toBe(200);
    }
  });

  test("robots.txt points at the sitemap under the configured site URL", async () => {
    const { bytes } = await download("/robots.txt");
    expect(bytes.toString("utf8")).toContain(
      `Sitemap: ${new URL("sitemap-index.xml", loadDataset().site.siteUrl).href}`,
    );
  });
});

describe("per-item JSON", () => {
  test("every item's own JSON carries its record exactly as the bulk download has it", async () => {
    const site = loadDataset();
    for (const name of ["exposures", "letters"]) {
      const table = publishedTables(site).find((candidate) => candidate.name === name);
      if (!table) continue; // a site without the register
      const bulk = JSON.parse((await download(`/data/${name}.json`)).bytes.toString("utf8")) as {
        asOf: string;
        records: Record<string, Cell>[];
      };
      expect(bulk.records.length).toBeGreaterThan(0);
      const base = name === "letters" ? "/mailbox/" : `/${name}/`;
      for (const record of bulk.records) {
        const item = JSON.parse(
          (await download(`${base}${String(record["id"])}.json`)).bytes.toString("utf8"),
        ) as { asOf: string; record: Record<string, Cell> };
        expect(item.record, String(record["id"])).toEqual(record);
        expect(item.asOf).toBe(bulk.asOf);
      }
    }
  });

  test("an exposure's JSON carries its timeline rows as /data/exposure-updates.json has them", async () => {
    const updates = JSON.parse(
      (await download("/data/exposure-updates.json")).bytes.toString("utf8"),
    ) as { records: Record<string, Cell>[] };
    const first = updates.records[0];
    if (!first) return;
    const id = String(first["item_id"]);
    const item = JSON.parse((await download(`/exposures/${id}.json`)).bytes.toString("utf8")) as {
      timeline: Record<string, Cell>[];
    };
    expect(item.timeline).toEqual(updates.records.filter((row) => row["item_id"] === id));
  });
});
