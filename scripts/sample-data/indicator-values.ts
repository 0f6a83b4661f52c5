// Writes the demo site's sample values into data/indicator-values.csv, from a fixed seed so the
// committed file is reproducible: for the 十零 indicators one value per county per month,
// mostly 0, with rare events and rare gaps (no data); for the five 邻里中心 (neighbourhood
// centres) their monthly shares of requests answered within 5 minutes and settled within an
// hour, against the promise of 100%. Published figures (rows whose source is not the sample
// source) are kept as they are. Run: `npx node scripts/sample-data/indicator-values.ts`.
import { readFileSync, writeFileSync } from "node:fs";
import Papa from "papaparse";

const SAMPLE_SOURCE = "gongshi-sample";
const FIRST = { year: 2023, month: 11 };
const MONTHS = 36;
const VALUES_FILE = "data/indicator-values.csv";

/** How often a county-month has events, in which months, and how many at most. */
interface Profile {
  id: string;
  chance: number;
  months?: readonly number[];
  max: number;
}

const profiles: readonly Profile[] = [
  { id: "covid-zero-cases", chance: 0.006, max: 3 },
  { id: "forest-fire-zero-sparks", chance: 0.04, months: [1, 2, 3, 4, 12], max: 2 },
  { id: "work-safety-zero-accidents", chance: 0.012, max: 1 },
  { id: "flood-zero-casualties", chance: 0.01, months: [6, 7, 8, 9], max: 2 },
  { id: "pollution-zero-cases", chance: 0.003, max: 1 },
  { id: "food-safety-zero-complaints", chance: 0.02, max: 2 },
  { id: "gathering-zero-outbreaks", chance: 0.002, max: 1 },
  { id: "terror-zero-incidents", chance: 0, max: 0 },
  { id: "opinion-zero-escalation", chance: 0.006, max: 1 },
  { id: "election-zero-violations", chance: 0.004, months: [1, 2, 3, 9, 10, 11], max: 1 },
];

/**
 * Fixed cases, so the board shows every state in the latest month: a non-zero month, a
 * county that has not reported, and counties whose reports are late. Counties are named by
 * their position in regions.csv, so the script holds no city's codes.
 */
const fixed: readonly { id: string; county: number; period: string; value: string }[] = [
  { id: "work-safety-zero-accidents", county: 4, period: "2026-10", value: "1" },
  { id: "food-safety-zero-complaints", county: 8, period: "2026-10", value: "" },
  { id: "election-zero-violations", county: 5, period: "2026-10", value: "" },
  { id: "election-zero-violations", county: 7, period: "2026-10", value: "" },
  { id: "flood-zero-casualties", county: 3, period: "2026-08", value: "1" },
];

/** mulberry32: a small, well-mixed 32-bit generator; the same seed gives the same file. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const regions = Papa.parse<Record<string, string>>(readFileSync("data/regions.csv", "utf8"), {
  header: true,
  skipEmptyLines: true,
}).data;
const counties = regions.filter((r) => r["level"] === "县").map((r) => r["code"] ?? "");

const existing = Papa.parse<Record<string, string>>(
  readFileSync(VALUES_FILE, "utf8").replace(/^\uFEFF/, ""),
  { header: true, skipEmptyLines: true },
);
const header = existing.meta.fields ?? [];
const kept = existing.data.filter((row) => row["source"] !== SAMPLE_SOURCE);

const random = generator(20221316);
const generated: Record<string, string>[] = [];
for (const profile of profiles) {
  for (const [countyIndex, county] of counties.entries()) {
    for (let i = 0; i < MONTHS; i++) {
      const index = FIRST.year * 12 + FIRST.month - 1 + i;
      const year = Math.floor(index / 12);
      const month = (index % 12) + 1;
      const period = `${year}-${String(month).padStart(2, "0")}`;
      const gap = random() < 0.008;
      const inSeason = !profile.months || profile.months.includes(month);
      const event = inSeason && random() < profile.chance;
      const size = 1 + Math.floor(random() * profile.max);
      let value = gap ? "" : event ? String(size) : "0";
      const forced = fixed.find(
        (f) => f.id === profile.id && f.county === countyIndex && f.period === period,
      );
      if (forced) value = forced.value;
      generated.push({
        indicator_id: profile.id,
        region_code: county,
        period,
        value,
        qualifier: "",
        source: SAMPLE_SOURCE,
        note: value === "" ? "示例:当月未报送" : "",
      });
    }
  }
}

/**
 * The neighbourhood centres: each in a county (by position in regions.csv), opened in a given
 * month, with how close it usually comes to the promise. Shares are percentages with one
 * decimal; settling within an hour is harder than answering within five minutes.
 */
const centres: readonly { county: number; opened: number; response: number; settled: number }[] = [
  { county: 0, opened: 0, response: 97.5, settled: 88 },
  { county: 2, opened: 3, response: 95, settled: 84 },
  { county: 1, opened: 6, response: 93, settled: 80 },
  { county: 10, opened: 9, response: 98, settled: 91 },
  { county: 6, opened: 14, response: 91, settled: 76 },
];
const CENTRE_FIRST = { year: 2024, month: 11 };
const CENTRE_MONTHS = 24;
const share = (typical: number, spread: number): string =>
  Math.min(100, typical + (random() - 0.5) * spread).toFixed(1);
for (const [index, centre] of centres.entries()) {
  const county = counties[centre.county];
  if (county === undefined)
    throw new Error(`regions.csv has no county at position ${centre.county}`);
  for (const [measure, typical, spread] of [
    ["response", centre.response, 6],
    ["settled", centre.settled, 12],
  ] as const) {
    for (let i = centre.opened; i < CENTRE_MONTHS; i++) {
      const monthIndex = CENTRE_FIRST.year * 12 + CENTRE_FIRST.month - 1 + i;
      const period = `${Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, "0")}`;
      // A centre's first months run below its usual level while its staff settle in.
      const warmUp = Math.max(0, 3 - (i - centre.opened)) * 2.5;
      const gap = random() < 0.03;
      generated.push({
        indicator_id: `neighbourhood-centre-${index + 1}-${measure}`,
        region_code: county,
        period,
        value: gap ? "" : share(typical - warmUp, spread),
        qualifier: "",
        source: SAMPLE_SOURCE,
        note: gap ? "示例：当月未报送" : "",
      });
    }
  }
}

const text = Papa.unparse([...kept, ...generated], { columns: header, newline: "\n" });
writeFileSync(VALUES_FILE, `${text}\n`, "utf8");
console.log(`${VALUES_FILE}: ${kept.length} 行公开数字,${generated.length} 行示例数值`);
