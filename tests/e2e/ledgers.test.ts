import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { distDir, expectCleanPage, expectNoAxeViolations, openPage } from "./harness.ts";

// The built demo site against the raw rows of data/ledgers.csv and data/regions.csv.
const parse = (file: string) =>
  Papa.parse<Record<string, string>>(readFileSync(file, "utf8").replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  }).data;
const rows = parse("data/ledgers.csv");
const counties = parse("data/regions.csv").filter((row) => row["level"] === "县");
const firstCounty = counties[0];
const countyRows = rows.filter((row) => row["region_code"] === firstCounty?.["code"]);
const sum = (list: Record<string, string>[], column: string) =>
  list.reduce((total, row) => total + Number(row[column] ?? 0), 0);
const grouped = (n: number) => n.toLocaleString("en-US");

describe("the 民情台账 page, against data/ledgers.csv", () => {
  test("gives each county its row, adding up only the county's own rows", async () => {
    const { page } = await openPage("/ledgers/");
    const countyRow = page.locator(`tr#county-${firstCounty?.["code"] ?? ""}`);
    const cells = await countyRow.locator("td").allTextContents();
    expect(cells.slice(0, 3)).toEqual([
      grouped(sum(countyRows, "registered")),
      grouped(sum(countyRows, "solved")),
      grouped(sum(countyRows, "in_progress")),
    ]);
    await expect(page.locator("tbody tr[id^=county-]").count()).resolves.toBe(counties.length);
  });

  test("states the solve rate's rule and the rounding rule beside the figures", async () => {
    const { page } = await openPage("/ledgers/");
    const rules = await page.locator("section", { has: page.locator("h2#rule") }).textContent();
    expect(rules).toContain("解决率 = 已解决的问题数 ÷ 登记入账的问题数");
    expect(rules).toContain("四舍五入");
  });

  test("shows the province's and 贡井区's published figures with their sources", async () => {
    const { page } = await openPage("/ledgers/");
    const published = page.locator("section", { has: page.locator("h2#published") });
    const text = (await published.textContent()) ?? "";
    expect(text).toContain("四川省");
    expect(text).toContain("自贡市贡井区");
    expect(text).toContain("54,033余");
    expect(text).toContain("四川在线自贡频道");
  });

  test("draws registered against solved by quarter, with the table beside", async () => {
    const quarters = new Set(rows.map((row) => row["period"]));
    const { page, problems } = await openPage("/ledgers/");
    const table = page.locator("gs-chart table");
    await expect(table.locator("tbody tr").count()).resolves.toBe(quarters.size);
    await page.locator("gs-chart canvas").waitFor({ state: "attached" });
    await expect(page.locator("gs-chart canvas").getAttribute("aria-label")).resolves.toContain(
      "登记",
    );
    expectCleanPage(problems);
  });

  test("offers the rows as /data/ledgers.csv, one line per row", () => {
    const published = parse(join(distDir(), "data/ledgers.csv"));
    expect(published).toHaveLength(rows.length);
  });

  test("without JavaScript still shows every number", async () => {
    const { page } = await openPage("/ledgers/", { javaScript: false });
    await expect(page.locator("gs-chart table tbody tr").count()).resolves.toBeGreaterThan(0);
    await expect(page.locator("canvas").count()).resolves.toBe(0);
  });

  for (const width of [390, 1280]) {
    test(`at ${width} px has no accessibility violations`, async () => {
      const { page, problems } = await openPage("/ledgers/", { width });
      await expectNoAxeViolations(page);
      expectCleanPage(problems);
    });
  }
});

describe("邻里中心 indicators", () => {
  test("draw the promise as a target line beside each month's share", async () => {
    const { page, problems } = await openPage("/indicators/neighbourhood-centre-1-response/");
    const headers = await page.locator("gs-chart table thead th").allTextContents();
    expect(headers.some((text) => text.includes("目标（100%）"))).toBe(true);
    await expectNoAxeViolations(page);
    expectCleanPage(problems);
  });

  test("give the number of centres as a published figure with its source", async () => {
    const { page } = await openPage("/indicators/neighbourhood-centres/");
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).toContain("人民网");
    expect(text).toMatch(/5\s*个/);
  });
});
