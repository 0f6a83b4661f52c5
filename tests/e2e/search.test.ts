import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeSearchIndex } from "../../src/search/indexer.ts";
import {
  distDir,
  expectCleanPage,
  expectNoAxeViolations,
  openPage,
  type PageProblems,
} from "./harness.ts";
import { serveStatic } from "./static-server.ts";

/**
 * Search behaviour is tested on a small fixture archive with known answers (the built
 * search page and its assets over a handful of item pages, one written in Traditional
 * characters); accessibility, CSP and the no-JavaScript page on the built site itself.
 */

interface FixtureItem {
  path: string;
  title: string;
  body: string;
  register: string;
  county: string;
  status: string;
  date: string;
}

const items: FixtureItem[] = [
  {
    path: "fixture/a",
    title: "东城区某污水处理厂出水超标",
    body: "群众反映东城区一座污水处理厂出水发黑,经监测化学需氧量超标,已责令整改。",
    register: "测试曝光台",
    county: "东城区",
    status: "整改中",
    date: "2024-03-01",
  },
  {
    path: "fixture/b",
    title: "西山縣環境保護局回覆養殖場廢水問題",
    body: "來信反映養殖場廢水直排。西山縣環境保護局回覆:已責令養殖場停產整治,並處罰款。",
    register: "测试信箱",
    county: "西山县",
    status: "已回复",
    date: "2023-06-15",
  },
  {
    path: "fixture/c",
    title: "东城区建筑工地扬尘污染",
    body: "东城区一处建筑工地未落实围挡,扬尘污染周边小区,另有生活污水外溢。",
    register: "测试曝光台",
    county: "东城区",
    status: "已完成",
    date: "2023-09-09",
  },
  {
    path: "fixture/d",
    title: "西山县河道垃圾与污水",
    body: "西山县一条河道堆放垃圾,雨天污水流入河中,水务局已组织清理。",
    register: "测试曝光台",
    county: "西山县",
    status: "整改中",
    date: "2024-01-20",
  },
];

function itemPage(item: FixtureItem): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${item.title}</title></head>
<body><main data-pagefind-body data-pagefind-filter="register:${item.register}"
  data-pagefind-sort="date:${item.date}">
<h1>${item.title}</h1>
<dl><dt>区县</dt><dd data-pagefind-filter="county">${item.county}</dd>
<dt>状态</dt><dd data-pagefind-filter="status">${item.status}</dd>
<dt>日期</dt><dd data-pagefind-filter="year:${item.date.slice(0, 4)}">${item.date}</dd></dl>
<p>${item.body}</p></main></body></html>`;
}

let fixture = "";
let fixtureOrigin = "";
let closeFixture: () => void = () => undefined;

beforeAll(async () => {
  fixture = await mkdtemp(join(tmpdir(), "gongshi-search-e2e-"));
  for (const part of ["search", "_astro", "_headers", "favicon.svg", "site-origin.css"]) {
    await cp(join(distDir(), part), join(fixture, part), { recursive: true });
  }
  for (const item of items) {
    await mkdir(join(fixture, item.path), { recursive: true });
    await writeFile(join(fixture, item.path, "index.html"), itemPage(item));
  }
  await writeSearchIndex(fixture);
  const served = await serveStatic(fixture);
  fixtureOrigin = served.origin;
  closeFixture = () => {
    served.server.close();
    served.server.closeAllConnections();
  };
});

afterAll(async () => {
  closeFixture();
  await rm(fixture, { recursive: true, force: true });
});

/** Opens the fixture's search page and waits until it has shown results `searches` times. */
async function openSearch(query: string, searches = 1) {
  const opened = await openPage(`${fixtureOrigin}/search/${query}`);
  await waitForSearches(opened.page, searches);
  return opened;
}

async function waitForSearches(page: Page, count: number) {
  await page.waitForFunction(
    (n) =>
      Number(document.querySelector("gs-search")?.getAttribute("data-completed-searches") ?? 0) >=
      n,
    count,
  );
}

const resultLinks = (page: Page) =>
  page
    .locator("[data-list] h3 a")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")));

/** The fixture is on its own origin, so only the problems that concern the page count. */
function expectNoErrors(problems: PageProblems) {
  expect([...problems.consoleErrors, ...problems.cspViolations, ...problems.pageErrors]).toEqual(
    [],
  );
}

describe("search on a fixture archive", () => {
  test("a Traditional query finds pages written only in Simplified", async () => {
    const { page, problems } = await openSearch("?q=東城區+污水");
    expect((await resultLinks(page)).sort()).toEqual(["/fixture/a/", "/fixture/c/"]);
    await expect(page.getByRole("status").textContent()).resolves.toBe("找到2条结果。");
    expectNoErrors(problems);
  });

  test("a Simplified query finds a page written in Traditional and shows its own words", async () => {
    const { page } = await openSearch("?q=环境保护+废水");
    expect(await resultLinks(page)).toEqual(["/fixture/b/"]);
    const item = page.locator("[data-list] li").first();
    await expect(item.locator("h3").textContent()).resolves.toBe(
      "西山縣環境保護局回覆養殖場廢水問題",
    );
    const marked = await item.locator(".excerpt mark").allTextContents();
    expect(marked).toContain("環境保護");
    expect(marked).toContain("廢水");
  });

  test("a filter narrows the results to the pages that carry it", async () => {
    const { page } = await openSearch("?q=污水");
    expect(await resultLinks(page)).toHaveLength(3);
    const county = page.getByLabel("区县", { exact: true });
    await county.focus();
    await page.locator('select[name=county] option[value="东城区"]').waitFor({ state: "attached" });
    await county.selectOption("东城区");
    await waitForSearches(page, 2);
    expect((await resultLinks(page)).sort()).toEqual(["/fixture/a/", "/fixture/c/"]);
    await expect(page.getByRole("status").textContent()).resolves.toBe("找到2条结果。");
    expect(new URL(page.url()).searchParams.get("county")).toBe("东城区");
  });

  test("a term absent from the data finds no exact results", async () => {
    const { page } = await openSearch("?q=核电站");
    await expect(page.getByRole("status").textContent()).resolves.toBe("没有找到结果。");
    expect(await resultLinks(page)).toEqual([]);
  });

  test("characters found only apart are offered as labelled approximate results", async () => {
    const { page } = await openSearch("?q=污水垃圾");
    await expect(page.getByRole("status").textContent()).resolves.toMatch(/近似结果/);
    await expect(page.locator("[data-approximate-note]").isVisible()).resolves.toBe(true);
    expect(await resultLinks(page)).toContain("/fixture/d/");
  });

  test("the URL restores a search, filters and order included", async () => {
    const { page } = await openSearch("?q=污水&status=整改中&sort=newest");
    await expect(page.getByLabel("检索词").inputValue()).resolves.toBe("污水");
    await expect(page.getByLabel("状态", { exact: true }).inputValue()).resolves.toBe("整改中");
    await expect(page.getByLabel("排序").inputValue()).resolves.toBe("newest");
    expect(await resultLinks(page)).toEqual(["/fixture/a/", "/fixture/d/"]);
  });

  test("the filter dropdowns hold the archive's values as soon as the page loads", async () => {
    const { page } = await openPage(`${fixtureOrigin}/search/`);
    const values = (name: string) =>
      page
        .locator(`select[name=${name}] option`)
        .evaluateAll((options) => options.map((option) => option.textContent));
    // Nothing focused, nothing searched: the options came with the page.
    await expect(values("county")).resolves.toEqual(["全部", "东城区", "西山县"]);
    await expect(values("year")).resolves.toEqual(["全部", "2024", "2023"]);
    await expect(values("register")).resolves.toEqual(["全部", "测试曝光台", "测试信箱"]);
  });

  test("a result shows the body's words around the match, marked, then a facts line", async () => {
    const { page } = await openSearch("?q=扬尘");
    const item = page.locator("[data-list] li").first();
    await expect(item.locator(".excerpt").textContent()).resolves.toBe(
      "东城区一处建筑工地未落实围挡,扬尘污染周边小区,另有生活污水外溢。",
    );
    await expect(item.locator(".excerpt mark").allTextContents()).resolves.toEqual(["扬尘"]);
    await expect(item.locator(".facts").textContent()).resolves.toBe(
      "测试曝光台 · 东城区 · 已完成 · 2023-09-09",
    );
  });

  test("a status typed as a word finds the items now in that status", async () => {
    const { page } = await openSearch("?q=整改中");
    expect((await resultLinks(page)).sort()).toEqual(["/fixture/a/", "/fixture/d/"]);
  });

  test("works from the keyboard and keeps the typed search in the URL", async () => {
    const { page } = await openPage(`${fixtureOrigin}/search/`);
    await page.getByLabel("检索词").focus();
    await page.keyboard.type("扬尘");
    await page.keyboard.press("Enter");
    await waitForSearches(page, 1);
    expect(await resultLinks(page)).toEqual(["/fixture/c/"]);
    expect(new URL(page.url()).searchParams.get("q")).toBe("扬尘");
  });
});

describe("the search page", () => {
  test("has no accessibility or CSP violations, before and after a search", async () => {
    const { page, problems } = await openPage("/search/");
    await expectNoAxeViolations(page);
    await page.getByLabel("检索词").fill("本站");
    await page.getByLabel("检索词").press("Enter");
    await waitForSearches(page, 1);
    await expectNoAxeViolations(page);
    expectCleanPage(problems);
  });

  test("says without JavaScript that search needs it, and links to the lists", async () => {
    const { page, problems } = await openPage("/search/", { javaScript: false });
    await expect(page.getByText("站内搜索需要浏览器启用JavaScript").isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByRole("search", { name: "站内搜索" }).isVisible()).resolves.toBe(false);
    await expect(page.locator("[data-needs-javascript] a").count()).resolves.toBeGreaterThan(0);
    expectCleanPage(problems);
  });
});
