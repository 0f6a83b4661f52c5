import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { distDir } from "./harness.ts";

// Every mailbox page against the raw rows of data/letters.csv: a mailbox is the one a letter
// was sent to (its `mailbox` column; a township's name is unique within its county), not the
// county the letter is about.
const rows = Papa.parse<Record<string, string>>(readFileSync("data/letters.csv", "utf8"), {
  header: true,
  skipEmptyLines: true,
}).data;
const boxOf = (row: Record<string, string>): string =>
  row["mailbox_level"] === "乡"
    ? `${row["mailbox"] ?? ""}@${row["region_code"] ?? ""}`
    : (row["mailbox"] ?? "");
const idsByBox = Map.groupBy(rows, boxOf);

function read(...path: string[]): string {
  return readFileSync(join(distDir(), ...path), "utf8");
}

/** The mailbox a page is titled with, and every letter id it lists across its pages. */
function boxPage(slug: string): { name: string; ids: string[] } {
  const dir = join("mailbox", "box", slug);
  const first = read(dir, "index.html");
  const name = /<h1[^>]*>\s*书记信箱 · 信箱:([^<\s]+)/.exec(first)?.[1] ?? "";
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    let html: string;
    try {
      html = page === 1 ? first : read(dir, "page", String(page), "index.html");
    } catch {
      break;
    }
    for (const match of html.matchAll(/<th scope="row"[^>]*>\s*<a href="\/mailbox\/([^/"]+)\/"/g))
      ids.push(match[1] ?? "");
  }
  return { name, ids };
}

describe("mailboxes", () => {
  const slugs = readdirSync(join(distDir(), "mailbox", "box"));
  const pages = slugs.map((slug) => ({ slug, ...boxPage(slug) }));

  test("each mailbox page lists exactly the letters sent to that mailbox, all of them", () => {
    const seen = new Set<string>();
    for (const page of pages) {
      const sent = rows.filter((row) => page.ids.includes(row["id"] ?? ""));
      // Every letter listed was sent to the mailbox the page is titled with …
      expect(new Set(sent.map((row) => row["mailbox"])), page.slug).toEqual(new Set([page.name]));
      const boxes = new Set(sent.map(boxOf));
      expect(boxes.size, `${page.slug} mixes mailboxes`).toBe(1);
      // … and every letter sent there is listed.
      const box = [...boxes][0] ?? "";
      expect(page.ids.sort(), page.slug).toEqual(
        (idsByBox.get(box) ?? []).map((row) => row["id"]).sort(),
      );
      expect(seen.has(box), `${box} has two pages`).toBe(false);
      seen.add(box);
    }
    expect(seen.size).toBe(idsByBox.size);
  });

  test("the 信箱 filter offers each mailbox once", () => {
    const index = JSON.parse(read("mailbox", "filter-index.json")) as {
      facets?: { key: string; values: { label: string }[] }[];
    };
    const html = read("mailbox", "index.html");
    const definitions = /<script type="application\/json" data-definitions>(.*?)<\/script>/s.exec(
      html,
    )?.[1];
    const facets =
      index.facets ??
      (
        JSON.parse(definitions ?? "{}") as {
          facets: { key: string; values: { label: string }[] }[];
        }
      ).facets;
    const labels = facets.find((facet) => facet.key === "box")?.values.map((v) => v.label) ?? [];
    const counties = new Set(rows.filter((row) => row["mailbox_level"] !== "乡").map(boxOf));
    for (const name of counties)
      expect(
        labels.filter((label) => label === name),
        name,
      ).toHaveLength(1);
    expect(labels).toHaveLength(idsByBox.size);
  });

  test("a letter's breadcrumb links to the mailbox it names", () => {
    const byName = new Map(pages.map((page) => [page.slug, page.name]));
    for (const row of rows) {
      const html = read("mailbox", row["id"] ?? "", "index.html");
      const crumb = /<nav class="breadcrumb"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
      const slug = /href="\/mailbox\/box\/([^/"]+)\/"/.exec(crumb)?.[1] ?? "";
      expect(byName.get(slug), row["id"]).toBe(row["mailbox"]);
    }
  });
});
