import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import {
  distDir,
  expectCleanPage,
  expectNoAxeViolations,
  openPage,
  siteOrigin,
} from "./harness.ts";
import { exposureRows } from "./exposure-fixture.ts";

/**
 * The journalist's path: from a count on the statistics page to the list it counts, to a
 * CSV of exactly that list, to a citation. Expectations come from the editors' CSV.
 */
const late = exposureRows.filter(
  (row) =>
    row["deadline"] !== "" &&
    row["rectified_on"] !== "" &&
    (row["rectified_on"] ?? "") > (row["deadline"] ?? ""),
);
const first = late[0];
if (!first) throw new Error("the demo data has no item rectified late");
const COUNTY = first["region_code"] ?? "";
const YEAR = (first["exposed_on"] ?? "").slice(0, 4);
const expected = late.filter(
  (row) => row["region_code"] === COUNTY && (row["exposed_on"] ?? "").startsWith(YEAR),
);
// The filter writes facets in the listing's order, so links are stable.
const QUERY = `?county=${COUNTY}&timeliness=late&year=${YEAR}`;

function parse(text: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  });
  return parsed.data;
}

describe("the journalist's path through the exposure register", () => {
  test("a county × year × 超期完成 count links to its list, whose CSV is exactly those rows of the full file", async () => {
    const { page, problems } = await openPage("/exposures/stats/");
    const link = page.locator(`.facet-cut a[href$="${QUERY}"]`);
    await expect(link.count()).resolves.toBe(1);
    await expect(link.textContent()).resolves.toBe(String(expected.length));
    await link.click();
    await expect.poll(() => new URL(page.url()).search).toBe(QUERY);
    await expect
      .poll(() => page.locator("[data-count]").textContent())
      .toContain(`共${expected.length}条`);
    const titles = await page.locator("[data-results] tbody th a").allTextContents();
    expect(titles.sort()).toEqual(expected.map((row) => row["title"]).sort());

    // The filtered view is its own permalink: the citation names it.
    await expect(page.locator(".citation .permalink a").textContent()).resolves.toContain(QUERY);
    await expect(page.locator(".cite-text").textContent()).resolves.toContain(QUERY);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载当前结果（CSV）" }).click(),
    ]);
    const path = await download.path();
    const subset = readFileSync(path, "utf8");
    const full = readFileSync(join(distDir(), "data", "exposures.csv"), "utf8");
    const ids = new Set(expected.map((row) => row["id"]));
    expect(subset.split("\r\n")[0]).toBe(full.split("\r\n")[0]);
    expect(parse(subset)).toEqual(parse(full).filter((row) => ids.has(row["id"])));
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expectCleanPage(problems);
  });

  test("without JavaScript the count opens the county's own list", async () => {
    const { page } = await openPage("/exposures/stats/", { javaScript: false });
    await page.locator(`.facet-cut a[href$="${QUERY}"]`).click();
    expect(new URL(page.url()).pathname).toBe(`/exposures/county/${COUNTY}/`);
    await expect(page.locator("[data-static] tbody tr").count()).resolves.toBeGreaterThan(0);
  });

  test("the stats page's citation copies its own URL", async () => {
    const { page, problems } = await openPage("/exposures/stats/");
    await page
      .context()
      .grantPermissions(["clipboard-read", "clipboard-write"], { origin: siteOrigin() });
    const text = await page.locator(".cite-text").textContent();
    expect(text).toMatch(/环保曝光台整改统计.*\/exposures\/stats\/\.$/);
    await page.getByRole("button", { name: "复制引用文字" }).click();
    await page.locator("gs-copy-text [role=status]", { hasText: "已复制" }).waitFor();
    await expect(page.evaluate(() => window.navigator.clipboard.readText())).resolves.toBe(text);
    expectCleanPage(problems);
  });

  test("each chart has its table, summary and a CSV holding the plotted values", async () => {
    for (const base of ["/exposures/stats/", "/mailbox/stats/"]) {
      const { page, problems } = await openPage(base);
      const charts = page.locator(
        "#charts ~ figure.gs-chart, section:has(#charts) figure.gs-chart",
      );
      const count = await charts.count();
      expect(count, base).toBeGreaterThanOrEqual(3);
      for (let i = 0; i < count; i++) {
        const chart = charts.nth(i);
        const rows = await chart.locator("table tbody tr").count();
        const csvHref = await chart.locator("a[download]").getAttribute("href");
        const csv = readFileSync(join(distDir(), csvHref ?? "missing"), "utf8");
        expect(parse(csv).length, csvHref ?? "").toBe(rows);
      }
      expectCleanPage(problems);
    }
  });

  test("/feeds/ lists every feed, and list, county and item pages show a 订阅 link", async () => {
    const { page } = await openPage("/feeds/");
    const feeds = await page.locator("a[type='application/atom+xml']").count();
    expect(feeds).toBeGreaterThan(2);
    for (const path of [
      "/exposures/",
      `/exposures/county/${COUNTY}/`,
      `/exposures/${first["id"] ?? ""}/`,
    ]) {
      const opened = await openPage(path, { javaScript: false });
      const subscribe = opened.page.locator(".subscribe a[type='application/atom+xml']");
      await expect(subscribe.count(), path).resolves.toBeGreaterThan(0);
    }
  });

  for (const width of [390, 1280]) {
    test(`stats pages and /feeds/ pass axe at ${width} px`, async () => {
      for (const path of [
        "/exposures/stats/",
        "/mailbox/stats/",
        "/feeds/",
        `/exposures/${QUERY}`,
      ]) {
        const { page } = await openPage(path, { width });
        // Let the charts draw before checking them.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await expectNoAxeViolations(page);
      }
    });
  }
});
