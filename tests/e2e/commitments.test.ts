import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { distDir, expectCleanPage, expectNoAxeViolations, openPage } from "./harness.ts";
import {
  commitmentLevels,
  commitmentLists,
  commitmentStatuses,
} from "../../src/registers/commitments/vocabulary.ts";

/**
 * The 民生实事 register's built pages against the data as an editor wrote it: read straight
 * from the CSV files, not through the site's own loader, so the pages are checked against
 * their source, not against themselves.
 */
const dataDir = process.env["GONGSHI_DATA_DIR"] ?? "data";
function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(join(dataDir, file), "utf8").replace(/^\uFEFF/, "");
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}
const rows = readCsv("commitments.csv");
const updates = readCsv("commitment-updates.csv");
const ids = rows.map((row) => row["id"] ?? "");
const ID = /href="\/commitments\/(MS-\d{4}-\d{4})\/"/g;

/** Item ids linked from a paginated list: page 1 at `dir`, then `dir/page/2/`, …. */
function idsInList(dir: string): string[] {
  const found: string[] = [];
  for (let page = 1; ; page++) {
    const file = join(distDir(), dir, page === 1 ? "" : `page/${page}`, "index.html");
    if (!existsSync(file)) break;
    // Only the list table: facet links and the stats link name no item.
    const html = readFileSync(file, "utf8");
    const table = html.slice(html.indexOf("<table"), html.lastIndexOf("</table>"));
    for (const match of table.matchAll(ID)) found.push(match[1] ?? "");
  }
  return found;
}

/** The URL slug of a vocabulary word as the CSV has it. */
function slugOf(terms: readonly { value: string; slug: string }[], value: string | undefined) {
  return terms.find((term) => term.value === value)?.slug ?? "";
}

function expectEachOnce(found: readonly string[], expected: readonly (string | undefined)[]) {
  expect(found.length).toBe(expected.length);
  expect([...found].sort()).toEqual([...expected].sort());
}

describe("the 民生实事 pages, against data/commitments.csv", () => {
  test("every row has exactly one item page and one JSON file, and there are no others", () => {
    const root = join(distDir(), "commitments");
    const names = readdirSync(root);
    expect(names.filter((name) => /^MS-\d{4}-\d{4}$/.test(name)).sort()).toEqual([...ids].sort());
    expect(names.filter((name) => /^MS-\d{4}-\d{4}\.json$/.test(name)).sort()).toEqual(
      ids.map((id) => `${id}.json`).sort(),
    );
  });

  test("every row appears exactly once across the register's list pages", () => {
    expectEachOnce(idsInList("commitments"), ids);
  });

  test("every row appears once in its own county, status, year, list and level pages only", () => {
    const facets: [string, (row: Record<string, string>) => string][] = [
      ["county", (row) => row["region_code"] ?? ""],
      ["status", (row) => slugOf(commitmentStatuses.terms, row["status"])],
      ["year", (row) => row["year"] ?? ""],
      ["list", (row) => slugOf(commitmentLists.terms, row["list"])],
      ["level", (row) => slugOf(commitmentLevels.terms, row["level"])],
    ];
    for (const [facet, valueOf] of facets) {
      const values = [...new Set(rows.map(valueOf))];
      for (const value of values) {
        const expected = rows.filter((row) => valueOf(row) === value).map((row) => row["id"]);
        expectEachOnce(idsInList(`commitments/${facet}/${value}`), expected);
      }
    }
  });

  test("the filter index lists every row once", () => {
    const index = JSON.parse(
      readFileSync(join(distDir(), "commitments", "filter-index.json"), "utf8"),
    ) as { rows: [string][] };
    expect(index.rows.map((row) => row[0]).sort()).toEqual([...ids].sort());
  });

  test("the downloads carry every row and every update, with the editors' header", () => {
    const csv = readFileSync(join(distDir(), "data", "commitments.csv"), "utf8");
    // The file for tools has no byte-order mark; the Excel copy is the same bytes after one.
    expect(csv.startsWith("id,year,list,level,responsible_unit,post,region_code,")).toBe(true);
    expect(readFileSync(join(distDir(), "data", "excel", "commitments.csv"), "utf8")).toBe(
      `\uFEFF${csv}`,
    );
    const published = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(published.map((row) => row["id"]).sort()).toEqual([...ids].sort());
    const events = JSON.parse(
      readFileSync(join(distDir(), "data", "commitment-updates.json"), "utf8"),
    ) as { records: unknown[] } | unknown[];
    const count = Array.isArray(events) ? events.length : events.records.length;
    expect(count).toBe(updates.length);
  });

  test("the register has a feed, one per county, and one of newly done commitments", () => {
    const feeds = join(distDir(), "feeds");
    expect(existsSync(join(feeds, "commitments.xml"))).toBe(true);
    expect(existsSync(join(feeds, "commitments", "done.xml"))).toBe(true);
    for (const code of new Set(rows.map((row) => row["region_code"] ?? ""))) {
      expect(existsSync(join(feeds, "commitments", `${code}.xml`)), code).toBe(true);
    }
  });
});

describe("a commitment's page", () => {
  const adjusted = rows.find(
    (row) => row["adjustment_reason"] !== "" && row["status"] === "已完成",
  );

  test("shows the promise, the result, the adjustment and the timeline oldest first", async () => {
    expect(adjusted).toBeDefined();
    const id = adjusted?.["id"] ?? "";
    const { page, problems } = await openPage(`/commitments/${id}/`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      adjusted?.["title"],
    );
    const article = (await page.locator("article").textContent()) ?? "";
    expect(article).toContain(adjusted?.["promise"]);
    expect(article).toContain(adjusted?.["result"]);
    expect(article).toContain(adjusted?.["adjustment_reason"]);
    expect(article).toContain(adjusted?.["responsible_unit"]);
    const events = updates.filter((row) => row["item_id"] === id);
    const dates = await page
      .locator(".timeline time")
      .evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
    expect(dates).toEqual(events.map((row) => row["date"]));
    await expect(page.getByText("引用本页").count()).resolves.toBeGreaterThan(0);
    expectCleanPage(problems);
  });

  test("names a leader by post only", async () => {
    const leader = rows.find((row) => row["level"] === "班子成员");
    const { page } = await openPage(`/commitments/${leader?.["id"] ?? ""}/`);
    await expect(page.locator("dl.facts").textContent()).resolves.toContain(leader?.["post"]);
  });
});

describe("the 民生实事 statistics page", () => {
  test("prints the completion rate computed from the rows, and the 昆明 figures in their own table", async () => {
    const done = rows.filter((row) => row["status"] === "已完成").length;
    const rate = `${(Math.round((done / rows.length) * 1000) / 10).toFixed(1)}%`;
    const { page, problems } = await openPage("/commitments/stats/");
    await expect(page.locator(".figures").textContent()).resolves.toContain(rate);
    const published = page.getByRole("table", { name: /公开报道中的民生实事完成数字/ });
    await expect(published.textContent()).resolves.toContain("昆明市");
    await expect(published.textContent()).resolves.toContain("1,248");
    await expect(published.textContent()).resolves.toContain("34.6%");
    const levels = page.getByRole("table", { name: "四个层级的完成情况" });
    await expect(levels.textContent()).resolves.not.toContain("1,248");
    expectCleanPage(problems);
  });
});

describe("the 民生实事 pages are accessible", () => {
  const item = ids[0] ?? "";
  for (const width of [390, 1280]) {
    for (const path of [
      "/commitments/",
      "/commitments/?status=in-progress&level=leadership",
      "/commitments/county/511102/",
      `/commitments/${item}/`,
      "/commitments/stats/",
    ]) {
      test(`has no accessibility violations at ${width} px: ${path}`, async () => {
        const { page, problems } = await openPage(path, { width });
        if (path.includes("?"))
          await expect.poll(() => page.locator("[data-count]").textContent()).toContain("共");
        await expectNoAxeViolations(page);
        expectCleanPage(problems);
      });
    }
  }
});
