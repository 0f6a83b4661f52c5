import { describe, expect, test } from "vitest";
import { expectCleanPage, openPage } from "./harness.ts";

/**
 * A journalist quoting a number from a statistics page opens the list it counts and finds that
 * many items. Every register's stats tables link their counts; this follows a spread of them
 * (the first and last, and evenly between) on each page and counts the rows of the list.
 */

const STATS_PAGES = [
  "/exposures/stats/",
  "/mailbox/stats/",
  "/hearings/stats/",
  "/commitments/stats/",
  "/projects/stats/",
] as const;

/** How many count links to follow per page: enough to cross every table, few enough to be quick. */
const SAMPLE = 8;

interface CountLink {
  href: string;
  count: number;
  table: string;
}

function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from(
    { length: n },
    (_, i) => items[Math.round((i * (items.length - 1)) / (n - 1))] as T,
  );
}

describe.each(STATS_PAGES)("counts on %s", (path) => {
  test("link to lists of exactly that many items, and zero is not a link", async () => {
    const { page, problems } = await openPage(path);
    const links = await page.evaluate((): CountLink[] =>
      [...document.querySelectorAll<HTMLAnchorElement>("main table td a[href*='?']")]
        .filter((a) => /^[\d,]+$/.test(a.textContent?.trim() ?? ""))
        .map((a) => ({
          href: a.getAttribute("href") ?? "",
          count: Number((a.textContent ?? "").replaceAll(",", "")),
          table: a.closest("table")?.querySelector("caption")?.textContent?.trim() ?? "",
        })),
    );
    // Every table of counts on the page takes part, each with links.
    const tables = new Set(links.map((link) => link.table));
    expect(tables.size, path).toBeGreaterThanOrEqual(2);
    const zeroLinks = await page.locator("main table td a").filter({ hasText: /^0$/ }).count();
    expect(zeroLinks).toBe(0);
    expectCleanPage(problems);

    for (const link of spread(links, SAMPLE)) {
      await page.goto(link.href);
      const counted = page.locator("[data-count]");
      await expect
        .poll(() => counted.textContent(), { message: `${link.table}: ${link.href}` })
        .toMatch(new RegExp(`^共${link.count}条符合条件`));
      const text = (await counted.textContent()) ?? "";
      if (!text.includes("页")) {
        await expect(
          page.locator("[data-results] tbody tr").count(),
          `${link.table}: ${link.href}`,
        ).resolves.toBe(link.count);
      }
    }
  });
});

test("every statistics table of counts links its non-zero counts", async () => {
  // The on-time table of exposures: every count column (not the rate or the median) links.
  const { page } = await openPage("/exposures/stats/");
  const table = page.locator("table", {
    has: page.locator("caption", { hasText: "各区县曝光问题的按时整改情况" }),
  });
  const unlinked = await table.evaluate((element) =>
    [...element.querySelectorAll("tbody tr")].flatMap((row) =>
      [...row.querySelectorAll("td")]
        .slice(0, 5)
        .filter((cell) => cell.textContent?.trim() !== "0" && cell.querySelector("a") === null)
        .map(
          (cell) =>
            `${row.querySelector("th")?.textContent?.trim() ?? ""}: ${cell.textContent?.trim() ?? ""}`,
        ),
    ),
  );
  expect(unlinked).toEqual([]);
});
