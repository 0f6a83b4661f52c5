import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { serveStatic } from "../../tests/e2e/static-server.ts";

export interface PageWeight {
  label: string;
  path: string;
  /** Gzip bytes a first visit transfers until the load event, by resource type. */
  byType: Record<string, number>;
  totalGzipBytes: number;
  /** JavaScript bytes (gzip) fetched before any interaction. */
  scriptGzipBytes: number;
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
  pages: { label: string; path: string }[],
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
    for (const { label, path } of pages) {
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
      await page.goto(new URL(path, origin).href, { waitUntil: "load" });
      await Promise.all(pending);
      const totalGzipBytes = Object.values(byType).reduce((sum, bytes) => sum + bytes, 0);
      results.push({ label, path, byType, totalGzipBytes, scriptGzipBytes: byType["js"] ?? 0 });
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
    server.close();
  }
}
