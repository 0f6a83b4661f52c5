import Papa from "papaparse";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectCleanPage, expectNoAxeViolations, openPage, siteOrigin } from "./harness.ts";

/** A 十零 indicator (monthly sample values per county) and a published figure with gaps. */
const ZERO_TARGET = "/indicators/forest-fire-zero-sparks/";
const PUBLISHED = "/indicators/petitions-total/";
const RATE = "/indicators/kunming-unit-plans-rate/";
const EMBED = "/embed/indicators/forest-fire-zero-sparks/";

/** Waits until `<gs-chart>` has drawn (or failed), after scrolling it into view. */
async function drawnChart(page: Page): Promise<string | null> {
  const chart = page.locator("gs-chart");
  await chart.scrollIntoViewIfNeeded();
  await page.waitForSelector("gs-chart[data-state]");
  return chart.getAttribute("data-state");
}

/** Same-origin scripts the page requested whose code is Chart.js's. */
async function chartJsRequests(page: Page, requests: readonly string[]): Promise<string[]> {
  const scripts = requests.filter(
    (url) => url.startsWith(siteOrigin()) && new URL(url).pathname.endsWith(".js"),
  );
  const hits: string[] = [];
  for (const url of scripts) {
    const body = await (await page.request.get(url)).text();
    // An error message only Chart.js's core carries: it identifies the library in any bundle.
    if (body.includes("Canvas is already in use")) hits.push(url);
  }
  return hits;
}

describe("indicator board", () => {
  test("shows the ten zero targets as ten cards", async () => {
    const { page, problems } = await openPage("/indicators/");
    const cards = page.locator(".zero-board > li");
    await expect(cards.count()).resolves.toBe(10);
    await expect(cards.first().locator("h3 a").getAttribute("href")).resolves.toMatch(
      /^\/indicators\/[a-z0-9-]+\/$/,
    );
    expectCleanPage(problems);
  });

  test("tells a county that reported 0 from a county with no data, in words", async () => {
    const { page } = await openPage("/indicators/");
    const card = page.locator('[data-indicator="food-safety-zero-complaints"]');
    await expect(card.locator(".value.zero").first().textContent()).resolves.toMatch(/^\s*0/);
    await expect(card.locator(".value.no-data").first().textContent()).resolves.toBe("无数据");
    await expect(card.locator(".status").textContent()).resolves.toContain("数据不全");
    const fires = page.locator('[data-indicator="work-safety-zero-accidents"]');
    await expect(fires.locator(".status").textContent()).resolves.toContain("非零");
    await expect(fires.locator(".since").textContent()).resolves.toContain("上次非零");
  });

  test("has no accessibility violations", async () => {
    const { page } = await openPage("/indicators/");
    await expectNoAxeViolations(page);
  });
});

describe("indicator page", () => {
  test("draws its chart on a labelled canvas", async () => {
    const { page, problems, requests } = await openPage(ZERO_TARGET);
    expect(await drawnChart(page)).toBe("drawn");
    const canvas = page.locator("gs-chart canvas");
    await expect(canvas.getAttribute("role")).resolves.toBe("img");
    await expect(canvas.getAttribute("aria-label")).resolves.toContain("森林防火零火星");
    const pixels = await canvas.evaluate((element) => {
      if (!(element instanceof HTMLCanvasElement)) throw new Error("not a canvas");
      const context = element.getContext("2d");
      if (!context) throw new Error("no 2d context");
      const { data } = context.getImageData(0, 0, element.width, element.height);
      let painted = 0;
      let series = 0;
      for (let i = 0; i < data.length; i += 4) {
        if ((data[i + 3] ?? 0) === 0) continue;
        painted++;
        // --gs-chart-1 is #0b4f9c: the line and its points.
        const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
        if (Math.abs(r - 11) < 30 && Math.abs(g - 79) < 30 && Math.abs(b - 156) < 30) series++;
      }
      return { painted, series };
    });
    expect(pixels.painted).toBeGreaterThan(2000);
    expect(pixels.series).toBeGreaterThan(200);
    expect(await chartJsRequests(page, requests)).toHaveLength(1);
    expectCleanPage(problems);
  });

  test.each([ZERO_TARGET, PUBLISHED, RATE])(
    "%s has a table with the same numbers as its CSV download",
    async (path) => {
      const { page } = await openPage(path);
      const response = await page.request.get(`${path}data.csv`);
      const body = await response.body();
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = Papa.parse<Record<string, string>>(body.toString("utf8").slice(1), {
        header: true,
        skipEmptyLines: true,
      });
      expect(csv.errors).toEqual([]);
      const fromCsv = csv.data.map((row) => [row["period"], row["value"]]);
      const fromTable = await page
        // A one-value series is a figure card with its table, not a chart.
        .locator("gs-chart tbody tr, .figure-card tbody tr")
        .evaluateAll((rows) =>
          rows.map((row) => [
            row.getAttribute("data-key"),
            row.querySelector("td[data-value]")?.getAttribute("data-value"),
          ]),
        );
      expect(fromTable).toEqual(fromCsv);
      expect(fromCsv.length).toBeGreaterThan(0);

      const json = (await (await page.request.get(`${path}data.json`)).json()) as {
        values: { period: string; value: number | null }[];
      };
      expect(json.values.map((v) => [v.period, v.value === null ? "" : String(v.value)])).toEqual(
        fromCsv,
      );
    },
  );

  test("keeps no-data periods empty in the table and the CSV, never 0", async () => {
    const { page } = await openPage(PUBLISHED);
    const row = page.locator('gs-chart tbody tr[data-key="2016"]');
    await expect(row.locator("td[data-value]").first().getAttribute("data-value")).resolves.toBe(
      "",
    );
    await expect(row.locator("td").first().textContent()).resolves.toBe("无数据");
  });

  test("without JavaScript shows the table and the summary, and loads no chart code", async () => {
    const { page, problems, requests } = await openPage(ZERO_TARGET, { javaScript: false });
    await expect(page.locator("gs-chart table tbody tr").count()).resolves.toBe(36);
    await expect(page.locator("gs-chart table").isVisible()).resolves.toBe(true);
    await expect(page.locator(".gs-chart .summary").textContent()).resolves.toContain(
      "森林防火零火星",
    );
    await expect(page.locator("canvas").count()).resolves.toBe(0);
    await expect(page.locator("[data-chart-frame]").isVisible()).resolves.toBe(false);
    expect(requests.filter((url) => url.endsWith(".js"))).toEqual([]);
    expectCleanPage(problems);
  });

  test.each([ZERO_TARGET, PUBLISHED, RATE])(
    "%s has no accessibility violations once the chart is drawn",
    async (path) => {
      const { page } = await openPage(path);
      if ((await page.locator(".figure-card").count()) === 0) {
        expect(await drawnChart(page)).toBe("drawn");
      } else {
        await expect(page.locator("canvas").count()).resolves.toBe(0);
      }
      await expectNoAxeViolations(page);
    },
  );

  test("prints the table instead of the canvas", async () => {
    const { page } = await openPage(ZERO_TARGET);
    expect(await drawnChart(page)).toBe("drawn");
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("[data-chart-frame]").isVisible()).resolves.toBe(false);
    await expect(page.locator("gs-chart table").isVisible()).resolves.toBe(true);
  });
});

describe("embed page", () => {
  test("shows the chart, the table, the source and a link back, without site chrome", async () => {
    const { page, problems } = await openPage(EMBED);
    expect(await drawnChart(page)).toBe("drawn");
    await expect(page.locator("header, nav").count()).resolves.toBe(0);
    await expect(page.locator("gs-chart table").isVisible()).resolves.toBe(true);
    await expect(page.locator(".sources").textContent()).resolves.toContain("示例数据");
    const back = page.locator('a[target="_top"]');
    await expect(back.getAttribute("href")).resolves.toMatch(
      /\/indicators\/forest-fire-zero-sparks\/$/,
    );
    expectCleanPage(problems);
  });

  test("has no accessibility violations", async () => {
    const { page } = await openPage(EMBED);
    expect(await drawnChart(page)).toBe("drawn");
    await expectNoAxeViolations(page);
  });
});

describe("home page headline", () => {
  test("counts the zero targets by status and links to the board", async () => {
    const { page, problems } = await openPage("/");
    const headline = page.getByRole("region", { name: /目标/ });
    await expect(headline.textContent()).resolves.toMatch(/10 项目标中 \d+ 项为零/);
    await expect(headline.locator('a[href="/indicators/"]').count()).resolves.toBe(1);
    await expect(
      page.getByRole("navigation", { name: "主导航" }).locator('a[href="/indicators/"]').count(),
    ).resolves.toBe(1);
    expectCleanPage(problems);
  });
});

describe("pages without a chart", () => {
  test.each(["/", "/indicators/", "/about/"])("%s does not load Chart.js", async (path) => {
    const { page, requests } = await openPage(path);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState("networkidle");
    expect(await chartJsRequests(page, requests)).toEqual([]);
  });
});
