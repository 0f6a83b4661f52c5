import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { findHalfWidthPunctuation, findLooseSpacing } from "../../src/format/typography.ts";

/**
 * One page of every kind the demo site builds, for the checks that must hold on all of them
 * (accessibility at three widths, typography, readable tables). A new kind of page gets a
 * line here.
 */
export const PAGE_TYPES: readonly { name: string; path: string }[] = [
  { name: "home", path: "/" },
  { name: "about", path: "/about/" },
  { name: "editor guide", path: "/guide/" },
  { name: "contact", path: "/contact/" },
  { name: "search", path: "/search/" },
  { name: "not found", path: "/404.html" },
  { name: "county", path: "/counties/511111/" },
  { name: "exposure list", path: "/exposures/" },
  { name: "exposure county list", path: "/exposures/county/511111/" },
  { name: "exposure overdue item", path: "/exposures/HB-2022-0005/" },
  { name: "exposure closed item", path: "/exposures/HB-2017-0001/" },
  { name: "exposure statistics", path: "/exposures/stats/" },
  { name: "episode list", path: "/exposures/episodes/" },
  { name: "episode", path: "/exposures/episodes/1/" },
  { name: "mailbox list", path: "/mailbox/" },
  { name: "mailbox county list", path: "/mailbox/county/511111/" },
  { name: "published letter", path: "/mailbox/SJ-2022-0001/" },
  { name: "withheld letter", path: "/mailbox/SJ-2022-0002/" },
  { name: "unanswered letter", path: "/mailbox/SJ-2026-0020/" },
  { name: "mailbox statistics", path: "/mailbox/stats/" },
  { name: "indicator board", path: "/indicators/" },
  { name: "zero-target indicator", path: "/indicators/covid-zero-cases/" },
  { name: "published indicator", path: "/indicators/hotline-calls/" },
  { name: "indicator embed", path: "/embed/indicators/covid-zero-cases/" },
  { name: "open data", path: "/data/" },
  { name: "dataset", path: "/data/exposures/" },
  { name: "commitment list", path: "/commitments/" },
  { name: "commitment item", path: "/commitments/MS-2021-0005/" },
  { name: "commitment statistics", path: "/commitments/stats/" },
  { name: "project list", path: "/projects/" },
  { name: "project item", path: "/projects/DB-2018-001/" },
  { name: "project statistics", path: "/projects/stats/" },
  { name: "hearing list", path: "/hearings/" },
  { name: "hearing", path: "/hearings/WL-001/" },
  { name: "hearing problems", path: "/hearings/problems/" },
  { name: "hearing problem", path: "/hearings/problems/WL-001-01/" },
  { name: "hearing statistics", path: "/hearings/stats/" },
  { name: "ledgers", path: "/ledgers/" },
  { name: "what changed", path: "/changes/" },
  { name: "feeds", path: "/feeds/" },
  { name: "withdrawn letter", path: "/mailbox/SJ-2026-0052/" },
  { name: "corrected exposure item", path: "/exposures/HB-2023-0007/" },
];

/** Every text cell of the data files: editors' prose, which the typography test leaves out. */
export function dataCellTexts(dataDir: string): string[] {
  const cells = new Set<string>();
  for (const file of readdirSync(dataDir).filter((name) => name.endsWith(".csv"))) {
    const parsed = Papa.parse<string[]>(readFileSync(join(dataDir, file), "utf8"), {
      skipEmptyLines: true,
    });
    for (const row of parsed.data.slice(1)) for (const cell of row) cells.add(cell.trim());
  }
  return [...cells].filter((cell) => cell.length >= 2);
}

/**
 * The text a reader meets on the page (rendered text, the title, and the names given to
 * assistive technology), without what is shown as written: code, the GB/T 7714 citation,
 * search excerpts (quotes of other pages), and anything marked `data-verbatim`.
 */
export async function siteText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const verbatim = "code, pre, kbd, samp, [data-verbatim], .excerpt";
    const hidden: HTMLElement[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(verbatim)) {
      if (element.style.display !== "none") {
        hidden.push(element);
        element.style.display = "none";
      }
    }
    const text = [
      document.title,
      document.querySelector('meta[name="description"]')?.getAttribute("content") ?? "",
      document.body.innerText,
      ...[...document.querySelectorAll("[aria-label], [alt], [placeholder], [title]")]
        .filter((element) => !element.closest(verbatim))
        .flatMap((element) =>
          ["aria-label", "alt", "placeholder", "title"].map(
            (name) => element.getAttribute(name) ?? "",
          ),
        ),
    ].join("\n");
    for (const element of hidden) element.style.display = "";
    return text;
  });
}

/**
 * Where site text breaks the typography rules (src/format/typography.ts), with the text
 * around each place. Data cells that break them are masked first (their first and last
 * characters kept, so a template's spacing around them is still checked).
 */
export function typographyProblems(text: string, dataCells: readonly string[]): string[] {
  let masked = text;
  for (const cell of dataCells) {
    if (findHalfWidthPunctuation(cell).length === 0 && findLooseSpacing(cell).length === 0)
      continue;
    const chars = [...cell];
    masked = masked.replaceAll(cell, `${chars[0] ?? ""}□${chars.at(-1) ?? ""}`);
  }
  const around = (index: number) =>
    masked.slice(Math.max(0, index - 12), index + 12).replace(/\s+/g, " ");
  return [
    ...findHalfWidthPunctuation(masked).map(
      (problem) => `半角「${problem.found}」: …${around(problem.index)}…`,
    ),
    ...findLooseSpacing(masked).map(
      (problem) => `空格「${problem.found}」: …${around(problem.index)}…`,
    ),
  ];
}
