import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectCleanPage, openPage } from "./harness.ts";

/**
 * A resident on a 390 × 844 phone, elderly mode on, who heard that the river near her county
 * was polluted and wants to know whether it was fixed: she finds the item in three taps or
 * one search, reads where it stands at a glance, and knows where to turn if it is not fixed.
 */

const PHONE = { width: 390, height: 844 } as const;
/** An overdue exposure (整改中, deadline long past) in 峨边彝族自治县. */
const OVERDUE = "/exposures/HB-2022-0005/";
/** A closed exposure. */
const CLOSED = "/exposures/HB-2017-0001/";
/** The polluted river near 沙湾区: a sewage plant that stopped, sewage into the Dadu. */
const RIVER = { path: "/exposures/HB-2020-0006/", title: "场镇污水处理站停运污水入江" };

async function elderlyMode(page: Page): Promise<void> {
  await page.getByLabel("长辈模式（大字）").check();
}

/** Top of the element's box, in CSS pixels from the top of the page. */
async function topOf(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not laid out`);
  return box.y;
}

describe("the resident's path on a phone", () => {
  test("home → county → the county's list → the item: three taps, in elderly mode", async () => {
    const { page, problems } = await openPage("/", PHONE);
    await elderlyMode(page);
    await page
      .getByRole("navigation", { name: "按区县查看" })
      .getByRole("link", { name: "沙湾区" })
      .click();
    await page.waitForURL("**/counties/511111/");
    await page.getByRole("link", { name: "环保曝光台", exact: true }).click();
    await page.waitForURL("**/exposures/county/511111/");
    await page.getByRole("link", { name: RIVER.title }).first().click();
    await page.waitForURL(`**${RIVER.path}`);
    await expect(page.locator("main h1").textContent()).resolves.toBe(RIVER.title);
    await expect(page.locator(".standing").isVisible()).resolves.toBe(true);
    expectCleanPage(problems);
  });

  test("one search from the home page finds it, a synonym counting as the word she typed", async () => {
    const { page } = await openPage("/", PHONE);
    await elderlyMode(page);
    // 污染 is not in the item's text; the synonym table lets it find 污水.
    await page.getByLabel("查一查您关心的问题、来信或地点").fill("沙湾 污染");
    await page.getByLabel("查一查您关心的问题、来信或地点").press("Enter");
    await page.waitForURL("**/search/?q=*");
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>("gs-search")?.dataset["completedSearches"],
    );
    await page.getByRole("link", { name: RIVER.title }).click();
    await page.waitForURL(`**${RIVER.path}`);
  });

  test("a search with no exact result shows some-term results, shorter queries and counties", async () => {
    const { page } = await openPage(`/search/?q=${encodeURIComponent("沙湾区 河水 黑臭")}`, PHONE);
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>("gs-search")?.dataset["completedSearches"],
    );
    await expect(page.getByRole("status").first().textContent()).resolves.toMatch(
      /^没有同时含有全部检索词的结果；含有部分检索词的有\d+条。$/,
    );
    await expect(page.getByText("只含有其中部分词").isVisible()).resolves.toBe(true);
    const shorter = page.locator("[data-shorter-list] li");
    await expect(shorter.first().textContent()).resolves.toMatch(/^沙湾区 河水（\d+条）$/);
    await shorter.first().getByRole("link").click();
    await page.waitForURL(/q=%E6%B2%99%E6%B9%BE%E5%8C%BA\+%E6%B2%B3%E6%B0%B4$/);
    await page.goBack();
    const counties = page.getByRole("navigation", { name: "或者按区县查看" });
    await expect(counties.getByRole("link", { name: "沙湾区" }).getAttribute("href")).resolves.toBe(
      "/counties/511111/",
    );
  });
});

describe("an item on a phone, at a glance", () => {
  for (const elderly of [false, true]) {
    const share = elderly ? 1 / 2 : 1 / 3;
    test(`the heading starts in the top ${elderly ? "half" : "third"}, status and deadline right under it${elderly ? " (elderly mode)" : ""}`, async () => {
      const { page } = await openPage(OVERDUE, PHONE);
      if (elderly) await elderlyMode(page);
      expect(await topOf(page, "main h1")).toBeLessThanOrEqual(PHONE.height * share);
      const after = await page.evaluate(() => {
        const heading = document.querySelector("main h1");
        const next = heading?.nextElementSibling;
        return [next?.className, next?.nextElementSibling?.className, next?.textContent?.trim()];
      });
      expect(after[0]).toBe("standing");
      expect(after[1]).toBe("deadline");
      expect(after[2]).toMatch(/已逾期\d+天，仍未完成整改/);
      // The overdue sentence is on the first screen.
      const standing = await page.locator(".standing").boundingBox();
      expect(standing && standing.y + standing.height).toBeLessThanOrEqual(PHONE.height);
      await expect(page.locator(".deadline").textContent()).resolves.toMatch(
        /^整改期限：\d{4}年\d{1,2}月\d{1,2}日$/,
      );
    });
  }

  test("an open item says where to turn: the register's hotlines and the county's and city's mailboxes", async () => {
    const { page } = await openPage(OVERDUE, PHONE);
    const box = page.getByRole("region", { name: "还没解决？" });
    await expect(box.isVisible()).resolves.toBe(true);
    await expect(box.getByRole("link", { name: "拨打12369" }).getAttribute("href")).resolves.toBe(
      "tel:12369",
    );
    await expect(box.getByRole("link", { name: "拨打12345" }).count()).resolves.toBe(1);
    const mailboxes = await box.locator("li strong").allTextContents();
    expect(mailboxes).toContain("峨边彝族自治县委书记信箱");
    expect(mailboxes).toContain("市委书记信箱");
    await expect(box.textContent()).resolves.toContain("HB-2022-0005");
  });

  test("a closed item has no such box", async () => {
    const { page } = await openPage(CLOSED, PHONE);
    await expect(page.getByRole("region", { name: "还没解决？" }).count()).resolves.toBe(0);
  });

  test("an unanswered letter offers the mailbox it was written to first", async () => {
    const { page } = await openPage("/mailbox/SJ-2026-0020/", PHONE);
    const names = await page
      .getByRole("region", { name: "还没解决？" })
      .locator("li strong")
      .allTextContents();
    expect(names[0]).toBe("沙湾区委书记信箱");
    expect(names).toContain("12345政务服务便民热线");
    expect(names).not.toContain("12369环保举报热线");
  });
});

describe("the phone header, without JavaScript", () => {
  test("the navigation folds behind 菜单 and opens without JavaScript", async () => {
    const { page } = await openPage(OVERDUE, { ...PHONE, javaScript: false });
    const menu = page.locator("header details.menu");
    await expect(menu.locator("summary").textContent()).resolves.toContain("菜单");
    const mailboxLink = page.getByRole("link", { name: "书记信箱", exact: true });
    await expect(mailboxLink.isVisible()).resolves.toBe(false);
    await menu.locator("summary").click();
    await expect(mailboxLink.isVisible()).resolves.toBe(true);
    await mailboxLink.click();
    await page.waitForURL("**/mailbox/");
  });

  test("on a laptop the navigation is a row of links and there is no 菜单", async () => {
    const { page } = await openPage(OVERDUE, { width: 1280, javaScript: false });
    await expect(page.locator("header details.menu").isVisible()).resolves.toBe(false);
    await expect(
      page
        .getByRole("navigation", { name: "主导航" })
        .getByRole("link", { name: "书记信箱" })
        .isVisible(),
    ).resolves.toBe(true);
  });

  test("the header search submits to /search/ as a plain form", async () => {
    const { page } = await openPage(OVERDUE, { ...PHONE, javaScript: false });
    await page.getByRole("searchbox", { name: "搜索本站" }).fill("沙湾 污水");
    await page.getByRole("searchbox", { name: "搜索本站" }).press("Enter");
    await page.waitForURL("**/search/?q=*");
    expect(new URL(page.url()).searchParams.get("q")).toBe("沙湾 污水");
  });

  test("the sample-data notice is one line, with a 详情 link to the full statement", async () => {
    const { page } = await openPage(OVERDUE, PHONE);
    const notice = page.locator(".sample-notice p");
    const lineHeight = await notice.evaluate((p) => parseFloat(getComputedStyle(p).lineHeight));
    const box = await notice.boundingBox();
    const padding = await notice.evaluate(
      (p) =>
        parseFloat(getComputedStyle(p).paddingTop) + parseFloat(getComputedStyle(p).paddingBottom),
    );
    expect(box && box.height - padding).toBeLessThanOrEqual(lineHeight * 1.1);
    await expect(notice.getByRole("link", { name: "详情" }).getAttribute("href")).resolves.toBe(
      "/about/#示例数据",
    );
  });

  test("the footer has 联系我们 and 纠错, the latter naming the page", async () => {
    const { page } = await openPage(OVERDUE, PHONE);
    const footer = page.locator("footer");
    await expect(footer.getByRole("link", { name: "联系我们" }).getAttribute("href")).resolves.toBe(
      "/contact/",
    );
    const href = (await footer.getByRole("link", { name: "纠错" }).getAttribute("href")) ?? "";
    expect(href).toMatch(/^mailto:/);
    const params = new URLSearchParams(href.slice(href.indexOf("?") + 1));
    expect(params.get("subject")).toContain("废弃冶炼厂遗留污染土壤");
    expect(params.get("body")).toContain(OVERDUE);
  });
});

describe("filters without JavaScript", () => {
  test("a filtered list URL says the filter needs JavaScript and links the per-county pages", async () => {
    const { page } = await openPage("/exposures/?county=511111", { ...PHONE, javaScript: false });
    const notice = page.locator(".no-js-filter");
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.textContent()).resolves.toContain("筛选条件现在不起作用");
    await notice.getByRole("link", { name: "按区县浏览" }).click();
    await page
      .getByRole("navigation", { name: "按区县浏览" })
      .getByRole("link", { name: /沙湾区/ })
      .click();
    await page.waitForURL("**/exposures/county/511111/");
  });

  test("with JavaScript the same URL filters, and the notice is not shown", async () => {
    const { page } = await openPage("/exposures/?county=511111", PHONE);
    await expect(page.locator(".no-js-filter").count()).resolves.toBe(0);
  });
});

describe("十零 at a glance", () => {
  test("the targets × counties matrix fits a phone without sideways scrolling, in text symbols", async () => {
    const { page } = await openPage("/indicators/", PHONE);
    const matrix = page.locator(".zero-matrix").first();
    const box = await matrix.boundingBox();
    expect(box && box.width).toBeLessThanOrEqual(PHONE.width);
    // A short scroll: the ten targets in about one screen.
    expect(box && box.height).toBeLessThanOrEqual(PHONE.height);
    await expect(matrix.locator("tbody tr").count()).resolves.toBe(10);
    await expect(matrix.locator("thead th").count()).resolves.toBe(2 + 11);
    // Every cell says its state in a symbol a reader sees and words a screen reader reads.
    const cells = await matrix.locator("td.mark").evaluateAll((tds) =>
      tds.map((td) => ({
        symbol: td.querySelector("[aria-hidden]")?.textContent ?? "",
        words: td.querySelector(".visually-hidden")?.textContent ?? "",
      })),
    );
    expect(cells.length).toBe(10 * 12);
    for (const cell of cells) {
      expect(cell.symbol).toMatch(/^(○|▲\d+|—|◐)$/);
      expect(cell.words).not.toBe("");
    }
    expect(cells.some((cell) => cell.symbol === "—" && cell.words === "未报送")).toBe(true);
  });
});

describe("print", () => {
  test("hides buttons and menus, prints the header dark on white and links with their address", async () => {
    const { page } = await openPage(OVERDUE);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("gs-copy-text").isVisible()).resolves.toBe(false);
    await expect(page.locator("header form").isVisible()).resolves.toBe(false);
    await expect(page.locator("header nav.wide").isVisible()).resolves.toBe(false);
    const name = await page
      .locator(".site-name")
      .evaluate((a) => [
        getComputedStyle(a).color,
        getComputedStyle(a.closest("header") ?? a).backgroundColor,
      ]);
    expect(name[0]).toBe("rgb(26, 26, 26)");
    expect(name[1]).toMatch(/rgba\(0, 0, 0, 0\)|rgb\(255, 255, 255\)/);
    const after = await page
      .locator('main a[href="/exposures/county/511132/"]')
      .first()
      .evaluate((a) => getComputedStyle(a, "::after").content);
    expect(after).toBe('"（https://leshan.gongshi.example/exposures/county/511132/）"');
    await expect(
      page
        .getByText("本页网址：https://leshan.gongshi.example/exposures/HB-2022-0005/")
        .isVisible(),
    ).resolves.toBe(true);
  });
});
