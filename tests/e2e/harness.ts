import axe from "axe-core";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
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
    viewport: { width: options.width ?? 1280, height: 900 },
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
  page.on("requestfailed", (request) => {
    problems.failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? "failed"})`);
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
  return { page, problems, requests };
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
