import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/site/dataset.ts";

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("the city is configuration, not code", () => {
  it("names the demo city and its region codes nowhere in src/, scripts/ or astro.config.mjs", () => {
    // What would give the demo city away: its name with and without 市, and every code in
    // its regions.csv. They are read from data/, so the check follows the demo data.
    const demo = loadDataset("data");
    const name = demo.site.jurisdiction.name;
    const markers = [name, name.replace(/市$/, ""), ...demo.regionsByCode.keys()];
    // scripts/sample-data/ writes the demo's own sample files and may name its counties.
    const sources = [
      ...filesUnder("src"),
      ...filesUnder("scripts").filter((file) => !file.startsWith(join("scripts", "sample-data"))),
      "astro.config.mjs",
    ];
    const hits = sources.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return markers
        .filter((marker) => text.includes(marker))
        .map((marker) => `${file}: ${marker}`);
    });
    expect(hits).toEqual([]);
  });
});
