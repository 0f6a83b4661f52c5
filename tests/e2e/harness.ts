import axe from "axe-core";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from "playwright-core";
import { afterAll, expect, inject } from "vitest";

/**
 * Browser-test harness: Debian's Chromium driven by playwright-core against the built site
 * on 127.0.0.1. Every page opened through it records what a reader would never want to
 * happen: console errors, CSP violations, failed requests and requests to other origins.
 */

export const siteOrigin = (): string => inject("siteOrigin");
export const distDir = (): string => inject("distDir");

export interface PageProblems {
  consoleErrors: string[];
  cspViolations: string[];
  pageErrors: string[];
  /** Requests to any origin other than the site's own. */
  foreignRequests: string[];
  /** Same-origin requests that failed or answered 4xx/5xx (the page itself excepted). */
  failedRequests: string[];
}

export interface OpenedPage {
  page: Page;
  problems: PageProblems;
  /** Every URL the page requested, in order. */
  requests: string[];
}

let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

async function getBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    // The machine's network is closed: stop Chromium's own background connections.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return browser;
}

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  await browser?.close();
  browser = undefined;
});

export interface OpenOptions {
  /** Run the page's JavaScript (default true). False shows what a no-JS reader gets. */
  javaScript?: boolean;
  /** Viewport width in CSS pixels (default 1280; 390 is a phone). */
  width?: number;
  /** Viewport height in CSS pixels (default 900; 844 is a 390 × 844 phone). */
  height?: number;
  /** Another server of the same site (default: the test server), e.g. nginx. */
  origin?: string;
  /** Expect an error status (a 404 page) instead of failing on it. */
  status?: number;
}

export async function openPage(path: string, options: OpenOptions = {}): Promise<OpenedPage> {
  const origin = options.origin ?? siteOrigin();
  const context = await (
    await getBrowser()
  ).newContext({
    baseURL: origin,
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: "zh-CN",
  });
  contexts.push(context);
  const page = await context.newPage();
  const problems: PageProblems = {
    consoleErrors: [],
    cspViolations: [],
    pageErrors: [],
    foreignRequests: [],
    failedRequests: [],
  };
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (/Content Security Policy/i.test(text)) problems.cspViolations.push(text);
    else problems.consoleErrors.push(text);
  });
  page.on("pageerror", (error) => problems.pageErrors.push(error.message));
  page.on("request", (request) => {
    const url = request.url();
    requests.push(url);
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    if (new URL(url).origin !== origin) problems.foreignRequests.push(url);
  });
  // A request the browser cancelled (net::ERR_ABORTED) is no failure of the site: Chromium
  // cancels what is still loading when a link is followed (the favicon, on a busy machine),
  // and scripts abort fetches they no longer need. A missing file or a server error answers
  // with a status (counted below) and a refused connection fails with another error.
  page.on("requestfailed", (request) => {
    const error = request.failure()?.errorText ?? "failed";
    if (error === "net::ERR_ABORTED") return;
    problems.failedRequests.push(`${request.url()} (${error})`);
  });
  const target = new URL(path, origin).href;
  page.on("response", (response) => {
    if (response.status() >= 400 && response.url() !== target) {
      problems.failedRequests.push(`${response.url()} (${response.status()})`);
    }
  });
  const response = await page.goto(path, { waitUntil: "load" });
  const expected = options.status ?? 200;
  if (!response || (response.status() >= 400 ? response.status() !== expected : expected >= 400)) {
    throw new Error(`${path} answered ${response?.status() ?? "nothing"}, not ${expected}`);
  }
  // Without JavaScript nothing can be evaluated in the page (and nothing moves after load).
  if (options.javaScript ?? true) await settledLayout(page);
  return { page, problems, requests };
}

/**
 * Waits until what a reader sees has stopped moving: the page loaded, its fonts ready
 * (`document.fonts.ready`: a late font reflows every line), and the document's size the
 * same over two consecutive pairs of animation frames. Layout assertions (positions, widths)
 * made before that measure a page still settling, which on a busy machine fails at random.
 * Call it again after anything that navigates or changes the layout (a click, a toggle).
 */
export async function settledLayout(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.evaluate(async () => {
    await document.fonts.ready;
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const size = () => {
      const root = document.documentElement;
      return `${root.scrollWidth}×${root.scrollHeight}`;
    };
    let last = "";
    for (let tries = 0; tries < 50; tries++) {
      await frame();
      await frame();
      const now = size();
      if (now === last) return;
      last = now;
    }
  });
}

/** A locator's box once it no longer moves between animation frames (see `settledLayout`). */
export async function stableBox(
  locator: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = await locator.boundingBox();
  for (let tries = 0; tries < 50; tries++) {
    await locator
      .page()
      .evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    const now = await locator.boundingBox();
    if (now && last && JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  throw new Error(`${String(locator)} kept moving`);
}

/** No console errors, CSP violations, uncaught errors, failed or third-party requests. */
export function expectCleanPage(problems: PageProblems): void {
  expect(problems).toEqual({
    consoleErrors: [],
    cspViolations: [],
    pageErrors: [],
    foreignRequests: [],
    failedRequests: [],
  });
}

interface AxeViolationSummary {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules and best practices) on the page and expects no
 * violations. axe is evaluated through the DevTools protocol, which the page's CSP does
 * not apply to, so the page under test keeps its real policy.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async (): Promise<AxeViolationSummary[]> => {
    const result = await window.axe.run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
      },
      resultTypes: ["violations"],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  });
  expect(violations).toEqual([]);
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}
