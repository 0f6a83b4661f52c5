import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Deterministic synthetic data for the benchmark: the demo city's configuration and regions,
 * with registers of `items` rows of realistic size. Written to its own directory, never
 * over the demo data. Each register contributes a generator below.
 */
export interface SynthesisReport {
  files: { file: string; rows: number; bytes: number }[];
}

/** mulberry32: a tiny seeded PRNG, so every run generates the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function synthesize(items: number, dataDir: string, contentDir: string): SynthesisReport {
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(contentDir, { recursive: true });
  const site = JSON.parse(readFileSync("data/site.json", "utf8")) as Record<string, unknown>;
  writeFileSync(
    join(dataDir, "site.json"),
    `${JSON.stringify({ ...site, siteName: `${String(site["siteName"])}(基准测试)` }, null, 2)}\n`,
  );
  copyFileSync("data/regions.csv", join(dataDir, "regions.csv"));
  cpSync("content/pages", join(contentDir, "pages"), { recursive: true });
  const files = [{ file: "regions.csv", rows: 11, bytes: readFileSync("data/regions.csv").length }];
  // Registers' generators are added here as the registers land.
  void items;
  return { files };
}
