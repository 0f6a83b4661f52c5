import { describe, expect, test } from "vitest";
import { expectCleanPage, expectNoAxeViolations, openPage } from "./harness.ts";
import { exposureRows, exposureUpdateRows } from "./exposure-fixture.ts";

/** 峨眉山市 problems still 整改中: a combination with several matches in the demo data. */
const COUNTY = "511181";
const STATUS = { slug: "in-progress", word: "整改中" };
const expected = exposureRows.filter(
  (row) => row["region_code"] === COUNTY && row["status"] === STATUS.word,
);
const countyName = "峨眉山市";

describe("the exposure register with JavaScript", () => {
  test("filtering by a county and a status shows only matching problems, with the right count", async () => {
    expect(expected.length).toBeGreaterThan(1);
    const { page, problems } = await openPage("/exposures/");
    await page.getByLabel("区县", { exact: true }).selectOption(COUNTY);
    await page.getByLabel("状态", { exact: true }).selectOption(STATUS.slug);
    const count = page.locator("[data-count]");
    await expect.poll(() => count.textContent()).toContain(`共${expected.length}条`);
    const rows = page.locator("[data-results] tbody tr");
    await expect(rows.count()).resolves.toBe(expected.length);
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => [tr.children[1]?.textContent?.trim(), tr.children[2]?.textContent?.trim()]),
    );
    expect(cells).toEqual(expected.map(() => [countyName, STATUS.word]));
    const titles = await rows.locator("th a").allTextContents();
    expect(titles.sort()).toEqual(expected.map((row) => row["title"]).sort());
    expect(new URL(page.url()).search).toBe(`?county=${COUNTY}&status=${STATUS.slug}`);
    await expect(page.locator("[data-static]").isHidden()).resolves.toBe(true);
    expectCleanPage(problems);
  });

  test("a shared URL restores the filter", async () => {
    const { page, problems } = await openPage(`/exposures/?county=${COUNTY}&status=${STATUS.slug}`);
    await expect
      .poll(() => page.locator("[data-count]").textContent())
      .toContain(`共${expected.length}条`);
    await expect(page.getByLabel("区县", { exact: true }).inputValue()).resolves.toBe(COUNTY);
    await expect(page.getByLabel("状态", { exact: true }).inputValue()).resolves.toBe(STATUS.slug);
    await expect(page.locator("[data-results] tbody tr").count()).resolves.toBe(expected.length);
    expectCleanPage(problems);
  });

  test("the overdue-only flag and a sort combine with the facets, and clearing restores the list", async () => {
    const overdue = exposureRows.filter(
      (row) =>
        row["deadline"] !== "" &&
        row["rectified_on"] === "" &&
        (row["deadline"] ?? "") < "2026-10-31",
    );
    const { page, problems } = await openPage("/exposures/?overdue=1&sort=overdue");
    await expect
      .poll(() => page.locator("[data-count]").textContent())
      .toContain(`共${overdue.length}条`);
    const days = (await page.locator("[data-results] tbody td.num").allTextContents()).map(Number);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    await page.getByRole("button", { name: "清除筛选" }).click();
    await expect.poll(() => new URL(page.url()).search).toBe("");
    await expect(page.locator("[data-static]").isVisible()).resolves.toBe(true);
    expectCleanPage(problems);
  });

  test("an item's timeline reads oldest to newest", async () => {
    const id = "HB-2018-0008";
    const events = exposureUpdateRows.filter((row) => row["item_id"] === id);
    const { page, problems } = await openPage(`/exposures/${id}/`);
    const dates = await page
      .locator("#timeline-heading + ol time")
      .evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
    expect(dates).toHaveLength(events.length);
    expect(dates).toEqual([...dates].sort());
    expect(dates).toEqual(events.map((row) => row["date"]).sort());
    expectCleanPage(problems);
  });

  for (const path of [
    "/exposures/",
    `/exposures/?county=${COUNTY}&status=${STATUS.slug}`,
    "/exposures/HB-2018-0008/",
    "/exposures/stats/",
    `/exposures/county/${COUNTY}/`,
    "/exposures/episodes/1/",
  ]) {
    test(`has no accessibility violations: ${path}`, async () => {
      const { page } = await openPage(path);
      if (path.includes("?"))
        await expect.poll(() => page.locator("[data-count]").textContent()).toContain("共");
      await expectNoAxeViolations(page);
    });
  }
});

describe("the exposure register without JavaScript", () => {
  test("the list is complete and paginated, and the filter form stays hidden", async () => {
    const { page, problems } = await openPage("/exposures/", { javaScript: false });
    await expect(page.locator("form.filter-form").isHidden()).resolves.toBe(true);
    await expect(page.locator("[data-static] tbody tr").count()).resolves.toBe(
      Math.min(50, exposureRows.length),
    );
    await page.getByRole("link", { name: "下一页" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/exposures/page/2/");
    await expect(page.locator("tbody tr").count()).resolves.toBe(exposureRows.length - 50);
    expectCleanPage(problems);
  });

  test("county and status pages narrow the list by links", async () => {
    const { page, problems } = await openPage("/exposures/", { javaScript: false });
    await page
      .getByRole("navigation", { name: "按区县浏览" })
      .getByRole("link", { name: countyName })
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/exposures/county/${COUNTY}/`);
    const inCounty = exposureRows.filter((row) => row["region_code"] === COUNTY);
    await expect(page.locator("tbody tr").count()).resolves.toBe(inCounty.length);
    await page
      .getByRole("navigation", { name: "按状态浏览" })
      .getByRole("link", { name: STATUS.word })
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/exposures/status/${STATUS.slug}/`);
    const inStatus = exposureRows.filter((row) => row["status"] === STATUS.word);
    await expect(page.locator("tbody tr").count()).resolves.toBe(inStatus.length);
    expectCleanPage(problems);
  });

  test("item and stats pages are complete", async () => {
    const item = await openPage("/exposures/HB-2018-0008/", { javaScript: false });
    await expect(item.page.locator("#timeline-heading + ol li").count()).resolves.toBeGreaterThan(
      0,
    );
    expectCleanPage(item.problems);
    const stats = await openPage("/exposures/stats/", { javaScript: false });
    await expect(stats.page.getByRole("table").count()).resolves.toBeGreaterThan(4);
    // A ranked list states how many items it has and shows at most 50 of them.
    const overdue = exposureRows.filter(
      (row) =>
        row["deadline"] !== "" &&
        row["rectified_on"] === "" &&
        (row["deadline"] ?? "") < "2026-10-31",
    ).length;
    const list = stats.page.getByRole("table", { name: /^逾期未整改的问题/ });
    await expect(list.locator("caption").textContent()).resolves.toMatch(
      new RegExp(`（(共)?${overdue}个`),
    );
    await expect(list.locator("tbody tr").count()).resolves.toBe(Math.min(overdue, 50));
    expectCleanPage(stats.problems);
  });
});
