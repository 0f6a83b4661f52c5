import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { distDir, expectCleanPage, expectNoAxeViolations, openPage } from "./harness.ts";
import {
  NAME_LIKE_COLUMN,
  hearingProblemsTable,
  hearingsTable,
} from "../../src/registers/hearings/schema.ts";
import { hearingProblemStatuses } from "../../src/registers/hearings/vocabulary.ts";

// The built demo site against the raw rows of data/hearings.csv and data/hearing-problems.csv,
// read here independently of the site's own data path.
function rowsOf(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(`data/${file}`, "utf8"), {
    header: true,
    skipEmptyLines: true,
  }).data;
}
const episodes = rowsOf(hearingsTable.file);
const problems = rowsOf(hearingProblemsTable.file);
const cell = (row: Record<string, string> | undefined, column: string) => row?.[column] ?? "";
const firstProblem = problems[0];
const firstEpisode = episodes[0];
const county = cell(firstProblem, "region_code");

/** Problem ids linked from a paginated list: page 1 at `dir`, then `dir/page/2/`, …. */
function problemIdsIn(dir: string): string[] {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const file = join(distDir(), dir, page === 1 ? "" : `page/${page}`, "index.html");
    if (!existsSync(file)) break;
    for (const match of readFileSync(file, "utf8").matchAll(
      /<th scope="row"[^>]*>\s*<a href="\/hearings\/problems\/(WL-\d{3}-\d{2})\/"/g,
    )) {
      ids.push(match[1] ?? "");
    }
  }
  return ids;
}

/** Every page type of the register, each with what a reader must find on it. */
const PAGE_TYPES = [
  { path: "/hearings/", heading: "阳光问廉" },
  {
    path: `/hearings/${cell(firstEpisode, "id")}/`,
    heading: `第 ${cell(firstEpisode, "number")} 期`,
  },
  { path: "/hearings/problems/", heading: "阳光问廉曝光问题" },
  { path: `/hearings/problems/county/${county}/`, heading: "区县" },
  { path: `/hearings/problems/${cell(firstProblem, "id")}/`, heading: cell(firstProblem, "title") },
  { path: "/hearings/stats/", heading: "阳光问廉整改与问责统计" },
] as const;

describe("阳光问廉 pages, against data/hearings.csv and data/hearing-problems.csv", () => {
  test("every episode and every problem has exactly one page and one JSON file", () => {
    const root = join(distDir(), "hearings");
    const names = readdirSync(root);
    expect(names.filter((name) => /^WL-\d{3}$/.test(name)).sort()).toEqual(
      episodes.map((row) => cell(row, "id")).sort(),
    );
    expect(names.filter((name) => /^WL-\d{3}\.json$/.test(name))).toHaveLength(episodes.length);
    const problemNames = readdirSync(join(root, "problems"));
    expect(problemNames.filter((name) => /^WL-\d{3}-\d{2}$/.test(name)).sort()).toEqual(
      problems.map((row) => cell(row, "id")).sort(),
    );
    expect(problemNames.filter((name) => /^WL-\d{3}-\d{2}\.json$/.test(name))).toHaveLength(
      problems.length,
    );
  });

  test("lists every problem once across the list pages, and once under its status", () => {
    expect(problemIdsIn("hearings/problems").sort()).toEqual(
      problems.map((row) => cell(row, "id")).sort(),
    );
    for (const term of hearingProblemStatuses.terms) {
      const expected = problems.filter((row) => row["status"] === term.value);
      expect(problemIdsIn(`hearings/problems/status/${term.slug}`).sort(), term.slug).toEqual(
        expected.map((row) => cell(row, "id")).sort(),
      );
    }
  });

  test("an episode's page lists exactly the problems raised on it", async () => {
    const id = cell(firstEpisode, "id");
    const { page } = await openPage(`/hearings/${id}/`);
    const linked = await page
      .locator("table tbody th a")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(linked.sort()).toEqual(
      problems
        .filter((row) => row["hearing_id"] === id)
        .map((row) => `/hearings/problems/${cell(row, "id")}/`)
        .sort(),
    );
  });

  test("a problem's page shows its commitment, its timeline and accountability as counts", async () => {
    const held = problems.find((row) => row["accountability_announced_on"] !== "");
    const { page, problems: issues } = await openPage(`/hearings/problems/${cell(held, "id")}/`);
    await expect(page.locator("article").textContent()).resolves.toContain(
      cell(held, "commitment"),
    );
    const people = Number(cell(held, "accountable_admonition"));
    const row = page.locator("table tr", { has: page.locator("th", { hasText: "诫勉谈话" }) });
    await expect(row.locator("td").first().textContent()).resolves.toBe(String(people));
    await expect(page.locator(".timeline li").count()).resolves.toBeGreaterThan(0);
    expectCleanPage(issues);
  });

  test("publishes both files with the editors' columns and no column for names", () => {
    for (const spec of [hearingsTable, hearingProblemsTable]) {
      const text = readFileSync(join(distDir(), "data", spec.file), "utf8").replace(/^\uFEFF/, "");
      const header = text.split(/\r?\n/, 1)[0]?.split(",") ?? [];
      // The editors' columns first, under the same names; derived columns may follow.
      expect(header.slice(0, Object.keys(spec.columns).length)).toEqual(Object.keys(spec.columns));
      expect(header.filter((name) => NAME_LIKE_COLUMN.test(name))).toEqual([]);
    }
    const published = readFileSync(join(distDir(), "data/hearing-problems.csv"), "utf8");
    expect(published).toContain(county);
  });

  test("has a feed of problems and a feed of accountability announcements", () => {
    const feed = readFileSync(join(distDir(), "feeds/hearings.xml"), "utf8");
    expect(feed).toContain(`/hearings/problems/${cell(problems.at(-1), "id")}/`);
    const announcements = readFileSync(
      join(distDir(), "feeds/hearings/accountability.xml"),
      "utf8",
    );
    expect(announcements).toContain("<entry>");
    expect(existsSync(join(distDir(), `feeds/hearings/${county}.xml`))).toBe(true);
  });

  test("is found by search, narrowed to the register", async () => {
    const title = cell(firstProblem, "title");
    const { page } = await openPage(`/search/?q=${encodeURIComponent(title)}&register=阳光问廉`);
    await page.waitForFunction(
      () =>
        Number(document.querySelector("gs-search")?.getAttribute("data-completed-searches") ?? 0) >=
        1,
    );
    const links = await page
      .locator("[data-list] h3 a")
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")));
    expect(links).toContain(`/hearings/problems/${cell(firstProblem, "id")}/`);
  });

  for (const width of [390, 1280]) {
    for (const { path, heading } of PAGE_TYPES) {
      test(`${path} at ${width} px: heading, no accessibility violations, clean`, async () => {
        const { page, problems: issues } = await openPage(path, { width });
        await expect(page.locator("h1").textContent()).resolves.toContain(heading);
        await expectNoAxeViolations(page);
        expectCleanPage(issues);
      });
    }
  }
});
