import { createServer, type Server } from "node:http";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import {
  expectCleanPage,
  expectNoAxeViolations,
  openPage,
  settledLayout,
  siteOrigin,
} from "./harness.ts";

/**
 * A journalist copies the iframe code from an indicator page into an article. The frame must
 * show the whole embed at the suggested height: nothing cut off, no scroll bar inside it,
 * the source and the link back in sight.
 */

/** One of each shape: a 十零 target with a sample notice and a monthly line, a published
 *  series with several sources, a rate with a target line, a single figure (no chart). */
const INDICATORS = [
  "forest-fire-zero-sparks",
  "petitions-total",
  "kunming-unit-plans-rate",
  "sichuan-ledgers",
] as const;

const WIDTHS = [640, 360] as const;

interface SuggestedCode {
  height: number;
  code: string;
}

/** The iframe code the indicator page offers for a frame `width` px wide, as a reader reads it. */
async function suggestedCode(id: string, width: number): Promise<SuggestedCode> {
  const { page } = await openPage(`/indicators/${id}/`);
  const block = page.locator(`pre[data-embed-width="${width}"]`);
  const code = (await block.textContent()) ?? "";
  const height = Number(/height="(\d+)"/.exec(code)?.[1]);
  expect(height).toBeGreaterThan(0);
  expect(code).toContain(`/embed/indicators/${id}/`);
  return { height, code };
}

/** Waits for the chart to be drawn, if the embed has one (a single figure has none). */
async function chartSettled(page: Page): Promise<void> {
  if ((await page.locator("gs-chart").count()) === 0) return;
  await page.waitForSelector("gs-chart[data-state]");
  await settledLayout(page);
}

describe.each(INDICATORS)("embed of %s", (id) => {
  test.each(WIDTHS)(
    "fits a %i px wide viewport of the suggested height with the source and link in sight",
    async (width) => {
      const { height } = await suggestedCode(id, width);
      const { page, problems } = await openPage(`/embed/indicators/${id}/`, { width, height });
      await chartSettled(page);
      const scrollHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(scrollHeight).toBeLessThanOrEqual(height);
      // Not generously tall either: at most a line to spare (the code is sized for a frame
      // with the default 2 px border, 4 px narrower, where a line may wrap once more).
      const contentHeight = await page.evaluate(
        () => document.querySelector("main")?.getBoundingClientRect().height ?? 0,
      );
      expect(height - contentHeight).toBeLessThan(48);
      const back = page.locator("[data-embed-back] a");
      await expect(back.getAttribute("href")).resolves.toMatch(new RegExp(`/indicators/${id}/$`));
      const box = await back.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(height);
      // The source sits directly above the link back.
      const source = await page.locator(".embed .source").boundingBox();
      expect(source?.y ?? 0).toBeLessThan(box?.y ?? 0);
      expectCleanPage(problems);
    },
  );
});

const articleServers: Server[] = [];
afterAll(() => {
  for (const server of articleServers.splice(0)) server.close();
});

/** Serves `html` as a page on its own port; its URL. */
async function serveArticle(html: string): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(html);
  });
  articleServers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return `http://127.0.0.1:${address.port}/article.html`;
}

describe("the copied iframe code", () => {
  test.each(WIDTHS)(
    "shows the whole embed without an inner scroll bar in a %i px column",
    async (width) => {
      const id = "forest-fire-zero-sparks";
      const { code } = await suggestedCode(id, width);
      // The code points at the public site; the test serves the build on 127.0.0.1.
      const local = code.replace(/src="https?:\/\/[^/]+/, `src="${siteOrigin()}`);
      const { page } = await openPage("/404.html", { width: 1280 });
      // A newspaper's article on another origin (a second server on 127.0.0.1: Chromium
      // refuses to frame a loopback address in a page it did not get from one).
      const article = await serveArticle(
        `<!doctype html><body style="margin:0"><div style="width:${width}px">${local}</div></body>`,
      );
      await page.goto(article);
      const frame = page.frameLocator("iframe");
      await frame.locator("[data-embed-back]").waitFor();
      const handle = await page.locator("iframe").elementHandle();
      const inner = await handle?.contentFrame();
      if (!inner) throw new Error("the iframe has no document");
      if ((await inner.locator("gs-chart").count()) > 0) {
        await inner.locator("gs-chart").scrollIntoViewIfNeeded();
        await inner.waitForSelector("gs-chart[data-state]");
      }
      const sizes = await inner.evaluate(() => ({
        scrollHeight: document.documentElement.scrollHeight,
        clientHeight: document.documentElement.clientHeight,
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        content: document.querySelector("main")?.getBoundingClientRect().height ?? 0,
      }));
      expect(sizes.scrollHeight).toBeLessThanOrEqual(sizes.clientHeight);
      // And no empty band under it: the frame is the content's height, within rounding.
      expect(sizes.clientHeight - sizes.content).toBeLessThan(16);
      expect(sizes.scrollWidth).toBeLessThanOrEqual(sizes.clientWidth);
    },
  );
});

describe("embed page", () => {
  const EMBED = "/embed/indicators/forest-fire-zero-sparks/";

  test("shows the chart, the latest figure, the source and a link back, without site chrome", async () => {
    const { page, problems } = await openPage(EMBED);
    await chartSettled(page);
    await expect(page.locator("gs-chart").getAttribute("data-state")).resolves.toBe("drawn");
    await expect(page.locator("header, nav").count()).resolves.toBe(0);
    await expect(page.locator(".embed .summary").textContent()).resolves.toMatch(/^最近一期/);
    await expect(page.locator(".embed .source").textContent()).resolves.toContain("示例数据");
    await expect(page.locator('a[target="_top"]').getAttribute("href")).resolves.toMatch(
      /\/indicators\/forest-fire-zero-sparks\/$/,
    );
    expectCleanPage(problems);
  });

  test("folds the table in a closed details that opens without JavaScript", async () => {
    const { page } = await openPage(EMBED, { javaScript: false });
    const details = page.locator("details.data");
    await expect(details.getAttribute("open")).resolves.toBeNull();
    await expect(details.locator("table").isVisible()).resolves.toBe(false);
    await details.locator("summary").click();
    await expect(details.locator("table").isVisible()).resolves.toBe(true);
    await expect(details.locator("tbody tr").count()).resolves.toBeGreaterThan(12);
    await expect(details.locator("a[download]").count()).resolves.toBe(2);
  });

  test("has no accessibility violations, closed and open", async () => {
    const { page } = await openPage(EMBED);
    await chartSettled(page);
    await expectNoAxeViolations(page);
    await page.locator("details.data summary").click();
    await expectNoAxeViolations(page);
  });
});

describe("a single figure's embed", () => {
  test("reads the figure as its source words it, qualifier after the unit", async () => {
    // The source gave 「95%以上」: the card must not read 95以上%.
    const { page } = await openPage("/embed/indicators/hotline-satisfaction/");
    await expect(page.locator(".embed .figure").textContent()).resolves.toBe("95%以上（2019年）");
    await expect(page.locator("gs-chart").count()).resolves.toBe(0);
  });
});
