import { expect, test } from "vitest";
import { openPage, stableBox } from "./harness.ts";

// Many readers check rectification status on a phone.
test("on a phone, a register row shows its status and deadline without scrolling sideways", async () => {
  const { page } = await openPage("/exposures/", { width: 390 });
  const firstRow = page.locator("table.register-table tbody tr").first();
  const status = firstRow.locator('td[data-cell="status"]');
  await expect(status.isVisible()).resolves.toBe(true);
  const box = await stableBox(status);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await expect(
    status.evaluate((cell) => getComputedStyle(cell, "::before").content),
  ).resolves.toContain("状态");
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth).toBeLessThanOrEqual(390);
});
