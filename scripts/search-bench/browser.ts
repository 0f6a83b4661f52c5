import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "playwright-core";

/**
 * Drives the built /search/ page in Debian's Chromium for the search benchmark: a cold
 * visit that counts every byte, and warm searches run in an open page. `<gs-search>`
 * counts the searches whose results it has shown in `data-completed-searches`.
 */

export interface Transfer {
  /** Bytes as served (the local server does not compress). */
  bytes: number;
  /** Bytes as a CDN serving gzip would send them. Pagefind's index files are gzip already. */
  gzipBytes: number;
  /** Per request, in order: path and gzip bytes. */
  requests: { path: string; gzipBytes: number }[];
}

export interface ShownResults {
  /** URLs of the exact results on the first page of results (at most 10). */
  exact: string[];
  /** Approximate results offered instead, when there is no exact one. */
  approximate: number;
  milliseconds: number;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

const alreadyCompressed = (path: string) => /\.pf_(meta|index|fragment|filter)$/.test(path);

const completed = (page: Page) =>
  page
    .locator("gs-search")
    .evaluate((element) => Number(element.dataset["completedSearches"] ?? 0));

async function waitForSearch(page: Page, after: number): Promise<void> {
  await page.waitForFunction(
    (count) =>
      Number(document.querySelector("gs-search")?.getAttribute("data-completed-searches") ?? 0) >
      count,
    after,
    { timeout: 60_000 },
  );
}

async function readResults(page: Page, milliseconds: number): Promise<ShownResults> {
  const approximateNote = await page.locator("[data-approximate-note]").isVisible();
  const links = await page
    .locator("[data-list] h3 a")
    .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
  return approximateNote
    ? { exact: [], approximate: links.length, milliseconds }
    : { exact: links, approximate: 0, milliseconds };
}

/** A cold visit to `/search/?q=…`: everything it transfers, and the results it shows. */
export async function coldSearch(
  browser: Browser,
  origin: string,
  query: string,
): Promise<{ transfer: Transfer; results: ShownResults }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const transfer: Transfer = { bytes: 0, gzipBytes: 0, requests: [] };
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    pending.push(
      response.body().then(
        (body) => {
          const path = new URL(response.url()).pathname;
          const gzipBytes = alreadyCompressed(path) ? body.length : gzipSync(body).length;
          transfer.bytes += body.length;
          transfer.gzipBytes += gzipBytes;
          transfer.requests.push({ path, gzipBytes });
        },
        // Redirects and aborted requests have no body; they transfer (almost) nothing.
        () => undefined,
      ),
    );
  });
  const started = performance.now();
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: "load" });
  await waitForSearch(page, 0);
  const results = await readResults(page, performance.now() - started);
  await Promise.all(pending);
  await context.close();
  return { transfer, results };
}

/** A /search/ page that has loaded the index, for timing warm searches. */
export async function warmPage(browser: Browser, origin: string, query: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: "load" });
  await waitForSearch(page, 0);
  return page;
}

/** Sets the form to `query` and `filters`, submits it once, and returns what is shown. */
export async function search(
  page: Page,
  query: string,
  filters: Record<string, string> = {},
): Promise<ShownResults> {
  // The page fetches a filter's values when the reader first reaches for the filters.
  for (const [name, value] of Object.entries(filters)) {
    await page.locator(`gs-search select[name=${name}]`).focus();
    await page
      .locator(`gs-search select[name=${name}] option[value="${value}"]`)
      .waitFor({ state: "attached", timeout: 10_000 });
  }
  const before = await completed(page);
  const started = performance.now();
  const unknown = await page.locator("gs-search form").evaluate(
    (form, { query, filters }) => {
      if (!(form instanceof HTMLFormElement)) return ["form"];
      const missing: string[] = [];
      for (const select of form.querySelectorAll("select")) {
        if (select.name === "sort") continue;
        const wanted = filters[select.name] ?? "";
        select.value = wanted;
        if (select.value !== wanted) missing.push(`${select.name}=${wanted}`);
      }
      const input = form.querySelector("input[name=q]");
      if (input instanceof HTMLInputElement) input.value = query;
      if (missing.length === 0) form.requestSubmit();
      return missing;
    },
    { query, filters },
  );
  if (unknown.length > 0) throw new Error(`the search page offers no ${unknown.join(", ")}`);
  await waitForSearch(page, before);
  return readResults(page, performance.now() - started);
}
