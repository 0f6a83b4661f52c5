import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { distDir } from "./harness.ts";
import { percentOf } from "../../src/format/numbers.ts";
import { exposures } from "../../src/registers/exposures/index.ts";
import { mailbox } from "../../src/registers/mailbox/index.ts";
import { registers } from "../../src/registers/index.ts";
import { loadDataset, registerData } from "../../src/site/dataset.ts";

// One figure, one reading: every rate the site derives is written by src/format/, so no page,
// download or feed may show the same counts rounded another way (204 of 245 once read 83.2%
// on some pages and 83.3% on others).
const dataset = loadDataset();
const letters = registerData(dataset, mailbox);
const problems = registerData(dataset, exposures);

/** The rates the site publishes, as counts, with the register whose pages carry them. */
const rates: { name: string; part: number; whole: number; base: string }[] = [];
if (letters) {
  const { total, byYear, byLevel } = letters.statistics;
  for (const group of [total, ...byYear, ...byLevel]) {
    rates.push({
      name: `书记信箱按时答复率 ${group.label}`,
      part: group.repliedWithinPromise,
      whole: group.replied,
      base: mailbox.base,
    });
  }
}
if (problems) {
  const { overall } = problems.stats;
  rates.push({
    name: "按期整改率",
    part: overall.onTime,
    whole: overall.due,
    base: exposures.base,
  });
}

/**
 * Other ways the same counts could have been written with one decimal: truncated, or rounded
 * on the binary float. (Whole percents are left out: "90%" is also a published figure.)
 */
function otherReadings(part: number, whole: number): string[] {
  const share = part / whole;
  const readings = [
    `${(Math.floor(share * 1000) / 10).toFixed(1)}%`,
    `${(share * 100).toFixed(1)}%`,
  ];
  return readings.filter((reading) => reading !== percentOf(part, whole));
}

function publishedTexts(): { file: string; text: string }[] {
  const root = distDir();
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(html|csv|json|xml)$/.test(entry.name))
    .filter((entry) => !entry.parentPath.includes("pagefind"))
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      return { file, text: readFileSync(file, "utf8") };
    });
}

describe("figures read the same everywhere", () => {
  const texts = publishedTexts();
  const overall = rates.find((rate) => rate.name.endsWith("全部")) ?? rates[0];

  test("the headline on-time rates are on the home page, about page and their registers' pages", () => {
    expect(overall).toBeDefined();
    if (!overall) return;
    const expected = percentOf(overall.part, overall.whole);
    for (const page of [
      "index.html",
      "about/index.html",
      "mailbox/index.html",
      "mailbox/stats/index.html",
    ]) {
      const html = texts.find((entry) => entry.file === join(distDir(), page))?.text ?? "";
      expect(html.replace(/<[^>]+>/g, ""), page).toContain(expected);
    }
  });

  test("no page, download or feed writes a derived rate another way", () => {
    const wrong: string[] = [];
    for (const rate of rates) {
      if (rate.whole === 0) continue;
      for (const reading of otherReadings(rate.part, rate.whole)) {
        // A reading shared with another rate's canonical form is not a conflict.
        if (
          rates.some((other) => other.whole > 0 && percentOf(other.part, other.whole) === reading)
        )
          continue;
        // Another register's pages print their own percentages (a project's share of its
        // investment, say), which may read the same by chance; they never quote this rate.
        // The same holds for their feeds and downloads, and for other datasets' files.
        const others = registers.filter((register) => register.base !== rate.base);
        const own = registers.find((register) => register.base === rate.base)?.module;
        const ownData = [own?.primaryDataset, own?.timelineDataset].filter(
          (name): name is string => name !== undefined,
        );
        const elsewhere = others.flatMap((register) => [
          join(distDir(), register.base),
          join(distDir(), "feeds", register.key),
        ]);
        for (const { file, text } of texts) {
          if (elsewhere.some((dir) => file.startsWith(dir))) continue;
          const data = /[/\\]data[/\\](?:excel[/\\])?([^/\\]+)\.(?:csv|json)$/.exec(file)?.[1];
          if (data !== undefined && !ownData.includes(data)) continue;
          if (text.replace(/<[^>]+>/g, "").includes(reading))
            wrong.push(
              `${file}: ${rate.name} 写成 ${reading},应为 ${percentOf(rate.part, rate.whole)}`,
            );
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
