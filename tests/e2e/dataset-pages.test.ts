import { beforeAll, describe, expect, test } from "vitest";
import { loadDataset } from "../../src/site/dataset.ts";
import { formatChineseDate } from "../../src/data/dates.ts";
import { formatCount } from "../../src/format/numbers.ts";
import { publishedTables } from "../../src/site/catalogue.ts";
import { contentSecurityPolicy } from "../../src/site/csp.ts";
import {
  dcatApViolations,
  flattenedNodes,
  schemaOrgCatalogProblems,
  schemaOrgDatasetProblems,
} from "../fixtures/linked-data.ts";
import { expectCleanPage, expectNoAxeViolations, openPage, siteOrigin } from "./harness.ts";
import type { OpenedPage } from "./harness.ts";
import type { Page } from "playwright-core";

/**
 * Every published dataset has its own page, /data/<name>/, with what it is, its size and
 * date, its downloads, its first rows, its columns and how to cite it; the pages and /data/
 * carry schema.org markup as data blocks the strict CSP never has to allow, and
 * /data/catalog.jsonld is a DCAT catalogue of the same datasets.
 */

const dataset = loadDataset();
const tables = publishedTables(dataset);
const { site } = dataset;

async function bytesAt(path: string): Promise<number> {
  const response = await fetch(new URL(path, siteOrigin()));
  expect(response.status, path).toBe(200);
  return (await response.arrayBuffer()).byteLength;
}

/** The page's inline scripts: each one's type, and its text. */
async function inlineScripts(page: Page): Promise<{ type: string; text: string }[]> {
  return page.locator("script:not([src])").evaluateAll((scripts) =>
    scripts.map((script) => ({
      type: script.getAttribute("type") ?? "",
      text: script.textContent ?? "",
    })),
  );
}

describe.each(tables.map((table) => [table.name, table] as const))("/data/%s/", (name, table) => {
  const path = `/data/${name}/`;
  // One visit at desktop width serves the tests that only read the page.
  let opened: OpenedPage;
  beforeAll(async () => {
    opened = await openPage(path);
  });

  test("says what the dataset is, how many records, as of when, and cites it", async () => {
    const { page, problems } = opened;
    await expect(page.locator("h1").textContent()).resolves.toBe(table.title);
    await expect(page.locator(".lead").textContent()).resolves.toBe(table.description);
    const facts = await page.locator(".facts dt").allTextContents();
    const values = await page.locator(".facts dd").allTextContents();
    const fact = (term: string) => values[facts.indexOf(term)]?.trim();
    expect(fact("记录数")).toBe(`${formatCount(table.records.length)} 条`);
    expect(fact("数据截至")).toBe(formatChineseDate(site.asOf));
    expect(fact("地域")).toContain(site.jurisdiction.code);
    await expect(page.locator(".cite-text").textContent()).resolves.toContain(
      `${table.title}[DS/OL]`,
    );
    await expect(page.locator(".cite-text").textContent()).resolves.toContain(
      new URL(`data/${name}/`, site.siteUrl).href,
    );
    expectCleanPage(problems);
  });

  test("offers every download, each of them served, and links the data package", async () => {
    const { page } = opened;
    const links = await page
      .locator("a[download]")
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
    expect(links).toEqual([`/data/excel/${name}.csv`, `/data/${name}.csv`, `/data/${name}.json`]);
    for (const link of links) expect(await bytesAt(link)).toBeGreaterThan(0);
    await expect(page.locator('a[href="/data/datapackage.json"]').count()).resolves.toBe(1);
  });

  test("shows the first rows under the schema's column names, and documents every column", async () => {
    const { page } = opened;
    const preview = page.locator("table.preview");
    await expect(preview.locator("thead th").allTextContents()).resolves.toEqual(
      Object.keys(table.spec.columns),
    );
    await expect(preview.locator("tbody tr").count()).resolves.toBe(
      Math.min(10, table.records.length),
    );
    const firstKey = table.spec.primaryKey;
    if (firstKey && table.records[0]) {
      await expect(
        preview.locator("tbody tr").first().locator("td").first().textContent(),
      ).resolves.toBe(String(table.records[0][firstKey]));
    }
    await expect(page.locator("table.columns tbody th code").allTextContents()).resolves.toEqual(
      Object.keys(table.spec.columns),
    );
  });

  test("carries a schema.org Dataset as a data block: sizes as served, no inline code, no CSP report", async () => {
    const { page, problems } = opened;
    const scripts = await inlineScripts(page);
    expect(scripts.map((script) => script.type)).toEqual(["application/ld+json"]);
    const node = JSON.parse(scripts[0]?.text ?? "") as Record<string, unknown>;
    expect(schemaOrgDatasetProblems(node)).toEqual([]);
    expect(node["url"]).toBe(new URL(`data/${name}/`, site.siteUrl).href);
    for (const download of node["distribution"] as { contentUrl: string; contentSize: string }[]) {
      const served = await bytesAt(new URL(download.contentUrl).pathname);
      expect(download.contentSize, download.contentUrl).toBe(`${served} B`);
    }
    await expect(
      page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content"),
    ).resolves.toBe(contentSecurityPolicy);
    expectCleanPage(problems);
  });

  test.each([390, 1280])(
    "has no accessibility violations at %i px and no sideways scroll",
    async (width) => {
      const { page } = await openPage(path, { width });
      await expect(
        page.evaluate(() => document.documentElement.scrollWidth),
      ).resolves.toBeLessThanOrEqual(width);
      await expectNoAxeViolations(page);
    },
  );
});

describe("catalogue metadata", () => {
  test("the CSP allows no inline script, so a data block is the only inline script a page may have", () => {
    const scriptSources = /script-src ([^;]*)/.exec(contentSecurityPolicy)?.[1] ?? "";
    expect(scriptSources.split(" ").sort()).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  test("/data/ carries a schema.org DataCatalog of every dataset, with no CSP report", async () => {
    const { page, problems } = await openPage("/data/");
    const scripts = await inlineScripts(page);
    expect(scripts.map((script) => script.type)).toEqual(["application/ld+json"]);
    const node = JSON.parse(scripts[0]?.text ?? "") as Record<string, unknown>;
    expect(schemaOrgCatalogProblems(node)).toEqual([]);
    const listed = (node["dataset"] as { url: string }[]).map((item) => item.url);
    expect(listed).toEqual(
      tables.map((table) => new URL(`data/${table.name}/`, site.siteUrl).href),
    );
    await expect(
      page.locator('link[rel="alternate"][href="/data/catalog.jsonld"]').getAttribute("type"),
    ).resolves.toBe("application/ld+json");
    expectCleanPage(problems);
  });

  test("/data/catalog.jsonld is served as JSON-LD and meets DCAT-AP 3.0, with sizes as served", async () => {
    const response = await fetch(new URL("/data/catalog.jsonld", siteOrigin()));
    expect(response.headers.get("content-type")).toContain("application/ld+json");
    const catalog = (await response.json()) as object;
    await expect(dcatApViolations(catalog)).resolves.toEqual([]);
    const nodes = await flattenedNodes(catalog);
    const DCAT = "http://www.w3.org/ns/dcat#";
    const distributions = nodes.filter((node) => node["@type"]?.includes(`${DCAT}Distribution`));
    // Three files per dataset, and the data package itself.
    expect(distributions.length).toBe(tables.length * 3 + 1);
    for (const distribution of distributions) {
      const url = (distribution[`${DCAT}downloadURL`] as { "@id": string }[])[0]?.["@id"] ?? "";
      const size = (distribution[`${DCAT}byteSize`] as { "@value": string }[])[0]?.["@value"];
      expect(size, url).toBe(String(await bytesAt(new URL(url).pathname)));
    }
  });
});
