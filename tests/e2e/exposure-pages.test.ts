import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { distDir } from "./harness.ts";
import { exposureRows } from "./exposure-fixture.ts";
import { exposureStatuses } from "../../src/registers/exposures/vocabulary.ts";
import type { ExposureStatus } from "../../src/registers/exposures/vocabulary.ts";

/** Item ids linked from a paginated list: page 1 at `dir`, then `dir/page/2/`, …. */
function idsInList(dir: string): string[] {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const file = join(distDir(), dir, page === 1 ? "" : `page/${page}`, "index.html");
    if (!existsSync(file)) break;
    for (const match of readFileSync(file, "utf8").matchAll(
      /href="\/exposures\/(HB-\d{4}-\d{4})\/"/g,
    )) {
      ids.push(match[1] ?? "");
    }
  }
  return ids;
}

function countOf(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

describe("the exposure register's pages, against data/exposures.csv", () => {
  const csvIds = exposureRows.map((row) => row["id"] ?? "");

  test("every row has exactly one item page and one JSON file, and there are no others", () => {
    const root = join(distDir(), "exposures");
    const pages = readdirSync(root).filter((name) => /^HB-\d{4}-\d{4}$/.test(name));
    const json = readdirSync(root).filter((name) => /^HB-\d{4}-\d{4}\.json$/.test(name));
    expect(pages.sort()).toEqual([...csvIds].sort());
    expect(json.sort()).toEqual(csvIds.map((id) => `${id}.json`).sort());
  });

  test("every row appears exactly once across the register's list pages", () => {
    const ids = idsInList("exposures");
    expect(ids).toHaveLength(csvIds.length);
    expect([...countOf(ids).entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(new Set(ids)).toEqual(new Set(csvIds));
  });

  test("every row appears exactly once in its county's pages and in no other county's", () => {
    const codes = [...new Set(exposureRows.map((row) => row["region_code"] ?? ""))];
    for (const code of codes) {
      const expected = exposureRows
        .filter((row) => row["region_code"] === code)
        .map((row) => row["id"]);
      const ids = idsInList(`exposures/county/${code}`);
      expect(ids.sort(), code).toEqual(expected.sort());
    }
  });

  test("every row appears exactly once in its status's pages and in no other status's", () => {
    for (const term of exposureStatuses.terms) {
      const expected = exposureRows
        .filter((row) => (row["status"] as ExposureStatus) === term.value)
        .map((row) => row["id"]);
      const ids = idsInList(`exposures/status/${term.slug}`);
      expect(ids.sort(), term.slug).toEqual(expected.sort());
    }
  });

  test("the filter index lists every row once, and is a small static file", () => {
    const file = join(distDir(), "exposures", "filter-index.json");
    const index = JSON.parse(readFileSync(file, "utf8")) as { rows: [string][] };
    expect(index.rows.map((row) => row[0]).sort()).toEqual([...csvIds].sort());
    // Roughly 130 bytes per item: the whole register is fetched once, on first use only.
    expect(readFileSync(file).length).toBeLessThan(csvIds.length * 200);
  });

  test("list pages do not carry the whole register", () => {
    const html = readFileSync(join(distDir(), "exposures", "index.html"), "utf8");
    const linked = new Set([...html.matchAll(/\/exposures\/(HB-\d{4}-\d{4})\//g)].map((m) => m[1]));
    expect(linked.size).toBeLessThanOrEqual(50);
  });
});
