import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { distDir, expectCleanPage, expectNoAxeViolations, openPage } from "./harness.ts";

// The demo repository's own commits are the fixture: sample-data commits on the way to this
// build changed HB-2023-0007's status, corrected HB-2026-0007's title, answered two letters
// (SJ-2026-0048 without consent) and withdrew SJ-2026-0052 (data/withdrawn.csv).

describe("修改记录 on item pages", () => {
  test("an item page lists the status change, old and new, with its commit", async () => {
    const { page, problems } = await openPage("/exposures/HB-2023-0007/");
    const section = page.locator("section.change-history");
    await expect(section.locator("h2").textContent()).resolves.toBe("修改记录");
    const text = (await section.textContent()) ?? "";
    expect(text).toMatch(/整改状态\s*原为「整改中」\s*改为「已整改」/);
    expect(text).toMatch(/新增进展：2026年10月20日的进展（已整改）/);
    expect(text).toContain("首次发布。");
    await expect(section.locator("code").first().textContent()).resolves.toMatch(/^[0-9a-f]{10}$/);
    await expectNoAxeViolations(page);
    expectCleanPage(problems);
  });

  test("a corrected title shows what it was", async () => {
    const { page } = await openPage("/exposures/HB-2026-0007/");
    const text = (await page.locator("section.change-history").textContent()) ?? "";
    expect(text).toMatch(
      /问题标题\s*原为「运石车昼夜通行扰民」\s*改为「采石场运输车昼夜通行扰民」/,
    );
  });

  test("a letter without consent shows its reply's history but never its title or text", async () => {
    const { page } = await openPage("/mailbox/SJ-2026-0048/");
    const text = (await page.locator("section.change-history").textContent()) ?? "";
    expect(text).toMatch(/办理状态\s*原为「待回复」\s*改为「已回复」/);
    const html = readFileSync(join(distDir(), "mailbox", "SJ-2026-0048", "index.html"), "utf8");
    expect(html).not.toContain("失业保险金申领");
    expect(html).not.toContain("单位也联系不上了");
  });
});

describe("what changed", () => {
  test("/changes/ lists the latest changes across registers, newest first, and announces its feed", async () => {
    const { page, problems } = await openPage("/changes/");
    const items = page.locator(".change-list > li");
    expect(await items.count()).toBeGreaterThanOrEqual(5);
    const withdrawal = items.filter({ hasText: "SJ-2026-0052" });
    await expect(withdrawal.textContent()).resolves.toContain("撤回：来信人申请撤回这封来信");
    const all = (await page.locator(".change-list").textContent()) ?? "";
    expect(all).toContain("状态：整改中 → 已整改");
    // A commit that adds many records to a register is one line (the demo's first import).
    expect(all).toMatch(/环保曝光台的问题\s*新增\d+条/);
    await expect(
      page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute("href"),
    ).resolves.toBe("/feeds/changes.xml");
    await expectNoAxeViolations(page);
    expectCleanPage(problems);
  });

  test("the changes feed carries the same changes", () => {
    const xml = readFileSync(join(distDir(), "feeds", "changes.xml"), "utf8");
    expect(xml).toContain("<feed");
    expect(xml).toMatch(/<title>[^<]*HB-2023-0007[^<]*状态：整改中 → 已整改/);
  });

  test("the home page shows the five latest changes and links to the rest", async () => {
    const { page } = await openPage("/");
    const section = page.locator('section[aria-labelledby="latest-changes-heading"]');
    expect(await section.locator(".change-list > li").count()).toBe(5);
    await expect(section.locator('a[href="/changes/"]').count()).resolves.toBe(1);
  });
});

describe("withdrawals and stalled items", () => {
  test("a withdrawn record keeps its address, with the date and reason, and leaves the lists", async () => {
    const { page, problems } = await openPage("/mailbox/SJ-2026-0052/");
    await expect(page.locator("h1").textContent()).resolves.toBe("已撤回的来信（SJ-2026-0052）");
    const notice = (await page.locator(".notice").textContent()) ?? "";
    expect(notice).toContain("2026年10月30日");
    expect(notice).toContain("来信人申请撤回这封来信");
    await expectNoAxeViolations(page);
    expectCleanPage(problems);
    const list = readFileSync(join(distDir(), "mailbox", "index.html"), "utf8");
    expect(list).not.toContain("SJ-2026-0052");
  });

  test("an open item without news for longer than the set period is flagged on its page and in lists", async () => {
    const { page } = await openPage("/exposures/HB-2022-0009/");
    await expect(page.locator(".stalled").textContent()).resolves.toMatch(
      /久未更新\s*最近一次进展在2023年4月9日/,
    );
    const list = await openPage("/exposures/status/in-progress/");
    const row = list.page.locator("tr", {
      has: list.page.locator('a[href="/exposures/HB-2022-0009/"]'),
    });
    await expect(row.locator(".marker").textContent()).resolves.toBe("久未更新");
    await expect(list.page.locator(".status-legend").textContent()).resolves.toContain("久未更新");
  });

  test("the list filter keeps only stalled items, each marked", async () => {
    const { page, problems } = await openPage("/exposures/?stalled=1");
    await page.locator("[data-results]:not([hidden])").waitFor();
    const rows = page.locator("[data-results] tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    const markers = page.locator("[data-results] tbody tr .marker:not([hidden])");
    expect(await markers.count()).toBe(await rows.count());
    expectCleanPage(problems);
  });
});
