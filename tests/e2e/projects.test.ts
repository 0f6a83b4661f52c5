import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { distDir, expectCleanPage, expectNoAxeViolations, openPage } from "./harness.ts";
import { projectCategories, projectStatuses } from "../../src/registers/projects/vocabulary.ts";

// The built demo site (`npm run build` from data/) against the raw rows of data/projects.csv
// and data/project-updates.csv, read here independently of the site's own data path.
function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(join("data", file), "utf8").replace(/^\uFEFF/, "");
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}
const rows = readCsv("projects.csv");
const updates = readCsv("project-updates.csv");
const cell = (row: Record<string, string> | undefined, column: string) => row?.[column] ?? "";
const ids = rows.map((row) => cell(row, "id"));
const ID = /^DB-\d{4}-\d{3,4}$/;

/** Project ids linked from a list's rows: page 1 at `dir`, then `dir/page/2/`, …. */
function idsInList(dir: string): string[] {
  const found: string[] = [];
  for (let page = 1; ; page++) {
    const file = join(distDir(), dir, page === 1 ? "" : `page/${page}`, "index.html");
    if (!existsSync(file)) break;
    for (const match of readFileSync(file, "utf8").matchAll(
      /<th scope="row"[^>]*>\s*<a href="\/projects\/(DB-\d{4}-\d{3,4})\/"/g,
    )) {
      found.push(match[1] ?? "");
    }
  }
  return found;
}

/** A project with the most updates: the richest timeline and progress table. */
const busiest = [...ids].sort(
  (a, b) =>
    updates.filter((row) => row["item_id"] === b).length -
    updates.filter((row) => row["item_id"] === a).length,
)[0];
const county = cell(rows[0], "region_code");

describe("the project register's pages, against data/projects.csv", () => {
  test("every row has exactly one item page and one JSON file, and there are no others", () => {
    const root = join(distDir(), "projects");
    const names = readdirSync(root);
    expect(names.filter((name) => ID.test(name)).sort()).toEqual([...ids].sort());
    expect(
      names.filter((name) => name.endsWith(".json") && ID.test(name.slice(0, -5))).sort(),
    ).toEqual(ids.map((id) => `${id}.json`).sort());
  });

  test("every row appears exactly once across the register's list pages", () => {
    const listed = idsInList("projects");
    expect(listed).toHaveLength(ids.length);
    expect(new Set(listed)).toEqual(new Set(ids));
  });

  test("every row appears exactly once in its county's, status's, category's and year's pages", () => {
    const facets: [string, (row: Record<string, string>) => string][] = [
      ["county", (row) => cell(row, "region_code")],
      ["status", (row) => projectStatuses.terms.find((t) => t.value === row["status"])?.slug ?? ""],
      [
        "category",
        (row) => projectCategories.terms.find((t) => t.value === row["category"])?.slug ?? "",
      ],
      ["year", (row) => cell(row, "planned_finish_on").slice(0, 4)],
    ];
    for (const [facet, valueOf] of facets) {
      const values = new Set(rows.map(valueOf));
      let seen = 0;
      for (const value of values) {
        const expected = rows.filter((row) => valueOf(row) === value).map((row) => row["id"]);
        const listed = idsInList(`projects/${facet}/${value}`);
        expect(listed.sort(), `${facet}/${value}`).toEqual(expected.sort());
        seen += listed.length;
      }
      expect(seen, facet).toBe(rows.length);
    }
  });

  test("an item's JSON carries the row's figures and every update", () => {
    const row = rows.find((candidate) => candidate["id"] === busiest);
    const json = JSON.parse(
      readFileSync(join(distDir(), "projects", `${busiest}.json`), "utf8"),
    ) as { record: { total_investment: number; status: string }; timeline: unknown[] };
    expect(json.record.total_investment).toBe(Number(cell(row, "total_investment")));
    expect(json.record.status).toBe(cell(row, "status"));
    expect(json.timeline).toHaveLength(updates.filter((u) => u["item_id"] === busiest).length);
  });
});

describe("a project's page", () => {
  test("shows its timeline oldest first, with the reported figures, and cites itself", async () => {
    const events = updates.filter((row) => row["item_id"] === busiest);
    const { page, problems } = await openPage(`/projects/${busiest}/`);
    const dates = await page
      .locator("#timeline-heading + ol time")
      .evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
    expect(dates).toEqual(events.map((row) => row["date"]).sort());
    const reported = events.filter((row) => row["progress"] !== "");
    const last = reported.at(-1);
    await expect(page.locator("#timeline-heading + ol").textContent()).resolves.toContain(
      `实物形象进度${cell(last, "progress")}.0%`,
    );
    await expect(
      page.getByRole("table", { name: "历次报送与直线计划对比" }).locator("tbody tr").count(),
    ).resolves.toBe(
      events.filter((row) => row["progress"] !== "" || row["investment_to_date"] !== "").length,
    );
    await expect(
      page.getByRole("link", { name: "本条数据（JSON）" }).getAttribute("href"),
    ).resolves.toBe(`/projects/${busiest}.json`);
    expectCleanPage(problems);
  });
});

describe("the project statistics page", () => {
  test("shows the published 107 projects and 510 亿元 beside the items' own sums, with the source", async () => {
    const { page, problems } = await openPage("/projects/stats/");
    const published = page.getByRole("table", { name: "公开报道中的对标补短数字" });
    await expect(published.locator("tbody tr").count()).resolves.toBe(2);
    const text = (await published.textContent()) ?? "";
    expect(text).toContain("107个");
    expect(text).toContain("超过510亿元");
    expect(text).toContain("彭琳");
    // The items' own count is stated apart, and is not the published one.
    await expect(page.locator(".figures").textContent()).resolves.toContain(`${rows.length}个项目`);
    expectCleanPage(problems);
  });

  test("states what behind schedule means and lists exactly the projects behind", async () => {
    const { page } = await openPage("/projects/stats/");
    await expect(
      page.getByRole("heading", { name: "“计划”和“落后于计划”怎么算" }).isVisible(),
    ).resolves.toBe(true);
    const listed = await page
      .locator("#behind-caption + thead + tbody th a")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    const json = ids.map(
      (id) =>
        JSON.parse(readFileSync(join(distDir(), "projects", `${id}.json`), "utf8")) as {
          record: { id: string; behind_schedule: boolean };
        },
    );
    expect(listed.sort()).toEqual(
      json
        .filter((item) => item.record.behind_schedule)
        .map((item) => `/projects/${item.record.id}/`)
        .sort(),
    );
  });

  test("draws both charts from their tables, and offers the plotted data as CSV", async () => {
    const { page, problems } = await openPage("/projects/stats/");
    for (const name of ["累计投资：计划与完成", "各类项目的平均实物形象进度"]) {
      const figure = page.getByRole("figure", { name });
      await figure.scrollIntoViewIfNeeded();
      await expect.poll(() => figure.locator("canvas").count()).toBe(1);
      await expect(figure.locator("table tbody tr").count()).resolves.toBeGreaterThan(1);
    }
    const csv = readFileSync(join(distDir(), "projects/stats/cumulative-investment.csv"), "utf8");
    expect(csv.startsWith("\uFEFFkey,时点,")).toBe(true);
    expect(csv.trim().split("\r\n").at(-1)).toMatch(/^2026-10-31,/);
    expectCleanPage(problems);
  });
});

describe("the project list", () => {
  test("narrows to projects behind schedule with JavaScript, in the shareable URL", async () => {
    const { page, problems } = await openPage("/projects/");
    await page.getByLabel("只看进度落后于计划的项目").check();
    await page.getByRole("button", { name: "应用筛选" }).click();
    await expect.poll(() => page.url()).toContain("behind=1");
    // The list is redrawn after the URL changes: wait for the rows, not the address.
    const cells = page.locator("[data-results] tbody tr td:last-child");
    await expect.poll(() => cells.count()).toBeGreaterThan(0);
    const gaps = await cells.allTextContents();
    expect(gaps.every((gap) => Number(gap) > 0)).toBe(true);
    expectCleanPage(problems);
  });

  for (const width of [390, 1280]) {
    for (const path of [
      "/projects/",
      `/projects/county/${county}/`,
      `/projects/${busiest}/`,
      "/projects/stats/",
    ]) {
      test(`has no accessibility violations at ${width} px: ${path}`, async () => {
        const { page, problems } = await openPage(path, { width });
        await expectNoAxeViolations(page);
        expectCleanPage(problems);
      });
    }
  }
});
