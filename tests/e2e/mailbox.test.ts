import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import {
  distDir,
  expectCleanPage,
  expectNoAxeViolations,
  openPage,
  settledLayout,
  stableBox,
} from "./harness.ts";
import { letterStatuses } from "../../src/registers/mailbox/vocabulary.ts";

// The built demo site (`npm run build` from data/) against the raw rows of data/letters.csv,
// read here independently of the site's own data path.
const rows = Papa.parse<Record<string, string>>(readFileSync("data/letters.csv", "utf8"), {
  header: true,
  skipEmptyLines: true,
}).data;
function cell(row: Record<string, string> | undefined, column: string): string {
  return row?.[column] ?? "";
}
/** The register's first page: the 50 newest letters. */
const firstPage = [...rows]
  .sort(
    (a, b) =>
      cell(b, "received_on").localeCompare(cell(a, "received_on")) ||
      cell(b, "id").localeCompare(cell(a, "id")),
  )
  .slice(0, 50);
const consented = firstPage.find(
  (row) => row["consent_to_publish"] === "是" && row["reply"] !== "",
);
const withheld = rows.find(
  (row) => row["consent_to_publish"] === "否" && row["reply_identifies_person"] === "是",
);
const withheldAnonymousReply = rows.find(
  (row) => row["consent_to_publish"] === "否" && row["reply_identifies_person"] === "否",
);

/** Letter ids linked from a paginated list: page 1 at `dir`, then `dir/page/2/`, …. */
function idsInList(dir: string): string[] {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const file = join(distDir(), dir, page === 1 ? "" : `page/${page}`, "index.html");
    if (!existsSync(file)) break;
    const html = readFileSync(file, "utf8");
    for (const match of html.matchAll(
      /<th scope="row"[^>]*>\s*<a href="\/mailbox\/(SJ-\d{4}-\d{4,6})\/"/g,
    )) {
      ids.push(match[1] ?? "");
    }
  }
  return ids;
}

describe("the mailbox register", () => {
  test("lists every letter exactly once across its pages, and each in its status's pages", () => {
    const all = idsInList("mailbox");
    expect(all.sort()).toEqual(rows.map((row) => cell(row, "id")).sort());
    for (const term of letterStatuses.terms) {
      const expected = rows
        .filter((row) => row["status"] === term.value)
        .map((row) => cell(row, "id"));
      expect(idsInList(`mailbox/status/${term.slug}`).sort(), term.slug).toEqual(expected.sort());
    }
  });

  test("filters by status with JavaScript, and the filter is in the shareable URL", async () => {
    const pending = rows.filter((row) => row["status"] === "待回复").length;
    const { page, problems } = await openPage("/mailbox/");
    await page.getByLabel("状态", { exact: true }).selectOption({ label: "待回复" });
    await expect.poll(() => page.locator("[data-count]").textContent()).toContain(String(pending));
    expect(page.url()).toContain("status=pending");
    const badges = await page.locator("[data-results] tbody [data-cell=status]").allTextContents();
    expect(badges.length).toBe(Math.min(pending, 50));
    expect(new Set(badges.map((text) => text.trim()))).toEqual(new Set(["待回复"]));
    expectCleanPage(problems);
  });

  test("without JavaScript, a facet link opens that value's own page", async () => {
    const { page, problems } = await openPage("/mailbox/", { javaScript: false });
    await page
      .getByRole("navigation", { name: "按状态浏览" })
      .getByRole("link", { name: /^待回复/ })
      .click();
    expect(new URL(page.url()).pathname).toBe("/mailbox/status/pending/");
    const count = rows.filter((row) => row["status"] === "待回复").length;
    await expect(page.locator("table.register-table tbody tr").count()).resolves.toBe(count);
    expectCleanPage(problems);
  });

  test("opens a consented letter from the list: letter and reply side by side", async () => {
    const id = cell(consented, "id");
    const { page, problems } = await openPage("/mailbox/");
    await page.locator(`a[href="/mailbox/${id}/"]`).first().click();
    // The click only starts the navigation: measure the new page once it has settled, not
    // the list page or a letter page whose stylesheet and fonts are still arriving.
    await page.waitForURL(`**/mailbox/${id}/`);
    await settledLayout(page);
    await expect(page.locator("h1").textContent()).resolves.toBe(cell(consented, "title"));
    const letter = page.getByRole("region", { name: "来信" });
    const reply = page.getByRole("region", { name: "答复" });
    await expect(letter.textContent()).resolves.toContain(cell(consented, "content").slice(0, 20));
    await expect(reply.textContent()).resolves.toContain(cell(consented, "reply").slice(0, 20));
    const [a, b] = [await stableBox(letter), await stableBox(reply)];
    expect(Math.abs(a.y - b.y)).toBeLessThan(2);
    expect(b.x).toBeGreaterThan(a.x);
    expectCleanPage(problems);
  });

  test("a letter without consent shows its metadata and no title, content or identifying reply", async () => {
    const id = cell(withheld, "id");
    const { page, problems } = await openPage(`/mailbox/${id}/`);
    const heading = await page.locator("h1").textContent();
    expect(heading).toBe(`${cell(withheld, "mailbox")}来信(${cell(withheld, "topic")})`);
    const text = (await page.locator("body").textContent()) ?? "";
    expect(text).toContain("来信人没有同意公开来信");
    expect(text).toContain(cell(withheld, "received_on").slice(0, 4));
    const html = await (await page.request.get(`/mailbox/${id}/`)).text();
    for (const column of ["title", "content", "reply"]) {
      expect(html, column).not.toContain(cell(withheld, column).slice(0, 12));
    }
    expectCleanPage(problems);
  });

  test("a letter without consent shows a reply that identifies no one", async () => {
    const id = cell(withheldAnonymousReply, "id");
    const { page } = await openPage(`/mailbox/${id}/`);
    const reply = page.getByRole("region", { name: "答复" });
    const expected = cell(withheldAnonymousReply, "reply");
    if (expected === "") await expect(reply.textContent()).resolves.toContain("尚未答复");
    else await expect(reply.textContent()).resolves.toContain(expected.slice(0, 20));
  });

  test("the filter index and the CSV download name a letter without consent by its metadata only", () => {
    const withheldRows = new Map(
      rows.filter((row) => row["consent_to_publish"] === "否").map((row) => [cell(row, "id"), row]),
    );
    const index = JSON.parse(
      readFileSync(join(distDir(), "mailbox", "filter-index.json"), "utf8"),
    ) as {
      rows: [string, string][];
    };
    const indexTitles = index.rows.filter(([id]) => withheldRows.has(id));
    expect(indexTitles.length).toBe(withheldRows.size);
    for (const [id, title] of indexTitles) {
      const row = withheldRows.get(id);
      expect(title).toBe(`${cell(row, "mailbox")}来信(${cell(row, "topic")})`);
    }
    const csv = Papa.parse<Record<string, string>>(
      readFileSync(join(distDir(), "data", "letters.csv"), "utf8").replace(/^\uFEFF/, ""),
      { header: true, skipEmptyLines: true },
    ).data;
    const csvWithheld = csv.filter((row) => withheldRows.has(cell(row, "id")));
    expect(csvWithheld.length).toBe(withheldRows.size);
    for (const row of csvWithheld) {
      expect([cell(row, "consent_to_publish"), cell(row, "title"), cell(row, "content")]).toEqual([
        "否",
        "",
        "",
      ]);
      const source = withheldRows.get(cell(row, "id"));
      if (cell(source, "reply_identifies_person") === "是") expect(cell(row, "reply")).toBe("");
    }
  });

  test("the statistics page states received, handled in person and 批示 counts from the data", async () => {
    const { page, problems } = await openPage("/mailbox/stats/");
    const lead = (await page.locator(".lead").textContent()) ?? "";
    const count = (test: (row: Record<string, string>) => boolean) => rows.filter(test).length;
    expect(lead).toContain(`受理来信 ${rows.length} 件`);
    expect(lead).toContain(`亲自阅处 ${count((row) => row["handled_by_principal"] === "是")} 件`);
    expect(lead).toContain(`作出批示 ${count((row) => row["instruction_on"] !== "")} 件`);
    const units = readFileSync(join(distDir(), "mailbox", "stats", "units.csv"), "utf8");
    expect(units.split("\r\n")[0]).toContain("承办单位,受理,已答复,按时答复");
    expectCleanPage(problems);
  });

  test("the home page carries the mailbox's headline figures", async () => {
    const { page } = await openPage("/");
    const section = page.getByRole("region", { name: "书记信箱" });
    await expect(section.textContent()).resolves.toContain(`受理来信 ${rows.length} 件`);
  });

  test.each([
    ["the register", "/mailbox/"],
    ["a facet page", "/mailbox/level/township/"],
    ["a consented letter", `/mailbox/${cell(consented, "id")}/`],
    ["a letter without consent", `/mailbox/${cell(withheld, "id")}/`],
    ["the statistics", "/mailbox/stats/"],
  ])("%s has no accessibility violations", async (_name, path) => {
    const { page } = await openPage(path);
    await expectNoAxeViolations(page);
  });
});
