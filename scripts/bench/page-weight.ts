import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { serveStatic } from "../../tests/e2e/static-server.ts";

export interface PageSample {
  label: string;
  path: string;
  /**
   * An element to scroll into view after the load event, e.g. `gs-chart`: what loads on
   * scroll (chart.js) then counts too. The page waits for `ready` inside it to appear.
   */
  scrollTo?: { selector: string; ready: string };
}

export interface PageWeight {
  label: string;
  path: string;
  /** Gzip bytes a first visit transfers, by resource type (after the scroll, if any). */
  byType: Record<string, number>;
  totalGzipBytes: number;
  /** JavaScript bytes (gzip) fetched by the load event, before any interaction or scroll. */
  scriptGzipBytes: number;
  /** All bytes (gzip) by the load event. */
  atLoadGzipBytes: number;
  requests: number;
}

function typeOf(url: string, contentType: string): string {
  if (contentType.includes("html")) return "html";
  if (contentType.includes("css")) return "css";
  if (contentType.includes("javascript") || url.endsWith(".js")) return "js";
  if (contentType.includes("font") || /\.(woff2?|ttf|otf)$/.test(url)) return "font";
  if (contentType.startsWith("image/")) return "image";
  return "other";
}

/**
 * What a first visit to each page transfers, as a CDN serving gzip would send it: Chromium
 * loads the page from a local static server (cold cache) and every response body is gzipped
 * here to count its transfer size.
 */
export async function measurePageWeights(
  dist: string,
  pages: readonly PageSample[],
): Promise<PageWeight[]> {
  const { server, origin } = await serveStatic(dist);
  const browser = await chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
    ],
  });
  try {
    const results: PageWeight[] = [];
    for (const { label, path, scrollTo } of pages) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const pending: Promise<void>[] = [];
      const byType: Record<string, number> = {};
      page.on("response", (response) => {
        pending.push(
          response.body().then(
            (body) => {
              const type = typeOf(response.url(), response.headers()["content-type"] ?? "");
              const compressed =
                type === "image" || type === "font" ? body.length : gzipSync(body).length;
              byType[type] = (byType[type] ?? 0) + compressed;
            },
            // Redirects and aborted requests have no body; they transfer (almost) nothing.
            () => undefined,
          ),
        );
      });
      const sum = () => Object.values(byType).reduce((total, bytes) => total + bytes, 0);
      await page.goto(new URL(path, origin).href, { waitUntil: "load" });
      await Promise.all(pending);
      const scriptGzipBytes = byType["js"] ?? 0;
      const atLoadGzipBytes = sum();
      if (scrollTo) {
        const target = page.locator(scrollTo.selector).first();
        await target.scrollIntoViewIfNeeded();
        await target.locator(scrollTo.ready).first().waitFor({ timeout: 30_000 });
        await page.waitForLoadState("networkidle");
        await Promise.all(pending);
      }
      results.push({
        label,
        path,
        byType: { ...byType },
        totalGzipBytes: sum(),
        scriptGzipBytes,
        atLoadGzipBytes,
        requests: pending.length,
      });
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
    server.close();
  }
}
