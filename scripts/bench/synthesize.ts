import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import type { SynthesisScope } from "../../src/bench/scope.ts";
import type { WrittenFile } from "../../src/bench/random.ts";
import { registers as registersOfSite } from "../../src/registers/index.ts";
import { generateIndicators } from "./generate/indicators.ts";

// The search benchmark draws its synthetic pages from the same generator.
export { seededRandom } from "../../src/bench/random.ts";

/**
 * Deterministic synthetic data for the benchmark: the demo city's configuration and regions,
 * with registers of `items` rows in all (shared between the registers) and indicators in
 * proportion. Written to its own directory, never over the demo data; the same `items`
 * always gives the same files.
 */
export interface SynthesisReport {
  files: WrittenFile[];
  /** Items per register, e.g. `{ exposures: 500, letters: 500 }`. */
  items: Record<string, number>;
}

/** The registers that can fill themselves with synthetic data (their module's `synthetic`). */
const REGISTERS = registersOfSite.flatMap((register) =>
  register.module.synthetic === undefined
    ? []
    : [{ section: register.key, ...register.module.synthetic }],
);

export function synthesize(items: number, dataDir: string, contentDir: string): SynthesisReport {
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(contentDir, { recursive: true });
  const site = JSON.parse(readFileSync("data/site.json", "utf8")) as {
    siteName: string;
    asOf: string;
    jurisdiction: { name: string; code: string };
    sections: string[];
  };
  // Every section of the demo: a register without a generator keeps the demo's own data
  // files (copied below), so pages that quote it (the about page's figures) still build.
  const sections = site.sections;
  writeFileSync(
    join(dataDir, "site.json"),
    `${JSON.stringify({ ...site, siteName: `${site.siteName}(基准测试)`, sections }, null, 2)}\n`,
  );
  copyFileSync("data/regions.csv", join(dataDir, "regions.csv"));
  // The demo's published contact addresses (site.json channels) are allow-listed there.
  if (existsSync("data/privacy-allowlist.csv")) {
    copyFileSync("data/privacy-allowlist.csv", join(dataDir, "privacy-allowlist.csv"));
  }
  cpSync("content/pages", join(contentDir, "pages"), { recursive: true });

  const regions = Papa.parse<Record<string, string>>(
    readFileSync("data/regions.csv", "utf8").replace(/^\uFEFF/, ""),
    { header: true, skipEmptyLines: true },
  ).data;
  const scope: SynthesisScope = {
    dataDir,
    contentDir,
    asOf: site.asOf,
    jurisdiction: site.jurisdiction,
    counties: regions
      .filter((region) => region["parent"] === site.jurisdiction.code)
      .map((region) => ({ code: region["code"] ?? "", name: region["name"] ?? "" })),
  };
  const files: WrittenFile[] = [
    { file: "regions.csv", rows: regions.length, bytes: statSync("data/regions.csv").size },
  ];

  for (const { key, module } of registersOfSite) {
    if (!sections.includes(key) || module.synthetic !== undefined) continue;
    for (const table of module.tables) {
      if (!existsSync(join("data", table.file))) continue;
      copyFileSync(join("data", table.file), join(dataDir, table.file));
      const text = readFileSync(join("data", table.file), "utf8");
      const rows = text.split("\n").filter((line) => line.trim() !== "").length - 1;
      files.push({ file: `${table.file} (demo's)`, rows, bytes: Buffer.byteLength(text) });
    }
  }

  const registers = REGISTERS.filter((register) => sections.includes(register.section));
  const totalWeight = registers.reduce((sum, register) => sum + register.weight, 0);
  const counts: Record<string, number> = {};
  let left = items;
  registers.forEach((register, index) => {
    const count =
      index === registers.length - 1 ? left : Math.round((items * register.weight) / totalWeight);
    left -= count;
    counts[register.section] = count;
    files.push(...register.generate(count, scope));
  });
  if (sections.includes("indicators")) {
    files.push(
      ...generateIndicators(
        items,
        dataDir,
        scope.counties.map((county) => county.code),
      ),
    );
  }
  return { files, items: counts };
}
