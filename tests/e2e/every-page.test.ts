import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectNoAxeViolations, openPage } from "./harness.ts";
import { PAGE_TYPES, dataCellTexts, siteText, typographyProblems } from "./page-types.ts";

/**
 * What must hold on every kind of page at a phone's width (390 px), at 200% zoom of a
 * laptop (640 px) and on a laptop (1280 px): no accessibility violation, no sideways page
 * scroll, every scrolling region reachable and named, the search form in the header, column
 * headers that stay readable, and site text set by the typography rules.
 */

const WIDTHS = [390, 640, 1280] as const;

/** Scrolling regions without a name or out of the keyboard's reach, as selectors. */
async function unreachableScrollRegions(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((element) => {
        const style = getComputedStyle(element);
        const scrolls =
          ["auto", "scroll"].includes(style.overflowX) &&
          element.scrollWidth > element.clientWidth + 1;
        if (!scrolls) return false;
        const named =
          element.getAttribute("aria-label") !== null ||
          element.getAttribute("aria-labelledby") !== null;
        return !(element.tabIndex >= 0 && element.getAttribute("role") === "region" && named);
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );
}

/** Column headers set one character per line (text of two characters or more). */
async function headersOneCharacterPerLine(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const header of document.querySelectorAll<HTMLElement>("thead th")) {
      const text = header.textContent?.trim() ?? "";
      if ([...text].length < 2 || header.offsetParent === null) continue;
      // Upright county names in a vertical column are read one under the other on purpose.
      if (getComputedStyle(header.querySelector("span") ?? header).writingMode !== "horizontal-tb")
        continue;
      const walker = document.createTreeWalker(header, NodeFilter.SHOW_TEXT);
      const tops = new Set<number>();
      let characters = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const value = node.nodeValue ?? "";
        for (let i = 0; i < value.length; i++) {
          if (/\s/.test(value[i] ?? "")) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getBoundingClientRect();
          if (rect.width === 0) continue;
          tops.add(Math.round(rect.top));
          characters++;
        }
      }
      if (characters >= 2 && tops.size === characters) broken.push(text);
    }
    return broken;
  });
}

const dataCells = dataCellTexts(process.env["GONGSHI_DATA_DIR"] ?? "data");

describe.each(PAGE_TYPES)("the $name page ($path)", ({ path }) => {
  test.each(WIDTHS)(
    "at %i px: no axe violation, no sideways scroll, reachable scroll regions",
    async (width) => {
      const { page } = await openPage(path, { width });
      await expectNoAxeViolations(page);
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth).toBeLessThanOrEqual(width);
      expect(await unreachableScrollRegions(page)).toEqual([]);
      if (width === 640) expect(await headersOneCharacterPerLine(page)).toEqual([]);
    },
  );

  if (path.startsWith("/embed/")) {
    // An embed sits in another site's frame: the host page has the navigation.
    test("has no site header or navigation of its own", async () => {
      const { page } = await openPage(path, { javaScript: false, width: 390 });
      await expect(page.locator("header form[role=search], nav").count()).resolves.toBe(0);
    });
  } else {
    test("has the header search form, a plain GET to /search/", async () => {
      const { page } = await openPage(path, { javaScript: false, width: 390 });
      const form = page.locator("header form[role=search]");
      await expect(form.getAttribute("action")).resolves.toBe("/search/");
      await expect(form.getAttribute("method")).resolves.toBe("get");
      await expect(form.locator("input[name=q]").isVisible()).resolves.toBe(true);
    });
  }

  test("sets its text in full-width punctuation, with no space between Chinese and digits or Latin", async () => {
    const { page } = await openPage(path);
    expect(typographyProblems(await siteText(page), dataCells)).toEqual([]);
  });
});
