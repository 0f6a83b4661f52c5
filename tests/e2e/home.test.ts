import { describe, expect, test } from "vitest";
import { expectCleanPage, expectNoAxeViolations, openPage } from "./harness.ts";

describe("home page", () => {
  test("renders the site name, the as-of date and the sample-data notice", async () => {
    const { page, problems } = await openPage("/");
    await expect(page.locator("h1").textContent()).resolves.toBeTruthy();
    await expect(page.locator("footer time").getAttribute("datetime")).resolves.toMatch(
      /^\d{4}-\d{2}-\d{2}$/,
    );
    await expect(
      page.getByRole("complementary", { name: "示例数据说明" }).isVisible(),
    ).resolves.toBe(true);
    expectCleanPage(problems);
  });

  test("has no accessibility violations", async () => {
    const { page } = await openPage("/");
    await expectNoAxeViolations(page);
  });

  test("is complete without JavaScript", async () => {
    const { page, problems } = await openPage("/", { javaScript: false });
    await expect(page.locator("main h1").isVisible()).resolves.toBe(true);
    await expect(page.getByRole("navigation", { name: "主导航" }).isVisible()).resolves.toBe(true);
    expectCleanPage(problems);
  });

  test("elderly mode enlarges the type by CSS alone and is remembered with JavaScript", async () => {
    const { page } = await openPage("/about/");
    const size = () =>
      page
        .locator("main p")
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await size();
    await page.getByLabel("长辈模式（大字）").check();
    expect(await size()).toBeGreaterThan(before * 1.2);
    await page.goto("/");
    await expect(page.getByLabel("长辈模式（大字）").isChecked()).resolves.toBe(true);
  });

  test("sends the Content-Security-Policy header from _headers and allows no inline code", async () => {
    const { page } = await openPage("/");
    const response = await page.request.get("/");
    const csp = response.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("unsafe-inline");
    const inline = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll("script:not([src])")].filter(
        (s) => s.getAttribute("type") !== "application/json",
      ).length,
      styles: document.querySelectorAll("style, [style]").length,
    }));
    expect(inline).toEqual({ scripts: 0, styles: 0 });
  });
});
