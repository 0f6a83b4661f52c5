// Writes the demo site's sample 民情台账 aggregates into data/ledgers.csv: for every county,
// each quarter from FIRST_QUARTER to the last complete quarter before the as-of date, one
// row per ledger kind; and for the townships listed in data/regions.csv, the last four
// quarters, each a share of its county's row (so townships never add up to more than their
// county). All figures are fictional, from a fixed seed; a few county-quarters are left
// unreported so the page shows how gaps read. Run: `npx node scripts/sample-data/ledgers.ts`.
import { readFileSync, writeFileSync } from "node:fs";
import Papa from "papaparse";
import { columnEntries } from "../../src/data/table.ts";
import { periodOf, nextPeriod, lastMonth, monthOfDate } from "../../src/indicators/period.ts";
import type { Period } from "../../src/indicators/period.ts";
import { ledgersTable } from "../../src/registers/ledgers/schema.ts";
import { ledgerKinds } from "../../src/registers/ledgers/vocabulary.ts";
import type { LedgerKind } from "../../src/registers/ledgers/vocabulary.ts";
import { Draw } from "../../src/bench/random.ts";

const FIRST_QUARTER = periodOf("quarter", 2024, 1);
const TOWNSHIP_QUARTERS = 4;
const SOURCE = "示例数据";

/** Typical problems registered per county-quarter, and how hard each ledger's problems are. */
const PROFILE: Record<LedgerKind, { base: number; solved: [number, number]; visits: boolean }> = {
  民生诉求: { base: 120, solved: [0.72, 0.93], visits: true },
  困难群众: { base: 55, solved: [0.6, 0.88], visits: true },
  稳定工作: { base: 25, solved: [0.65, 0.95], visits: false },
};

/** County-quarters left unreported (by position in regions.csv), so gaps are visible. */
const UNREPORTED: readonly { county: number; period: string }[] = [
  { county: 9, period: "2025-Q2" },
  { county: 4, period: "2026-Q3" },
];

const site = JSON.parse(readFileSync("data/site.json", "utf8")) as { asOf: string };
const regions = Papa.parse<Record<string, string>>(
  readFileSync("data/regions.csv", "utf8").replace(/^\uFEFF/, ""),
  { header: true, skipEmptyLines: true },
).data;
const counties = regions.filter((row) => row["level"] === "县");
const townships = regions.filter((row) => row["level"] === "乡");

const quarters: Period[] = [];
for (let q = FIRST_QUARTER; lastMonth(q) < monthOfDate(site.asOf); q = nextPeriod(q)) {
  // Only complete quarters: the as-of month's quarter is still being compiled.
  quarters.push(q);
}

const draw = new Draw(20140625);
type Cells = Record<string, string>;
const rows: Cells[] = [];
const countyRows = new Map<string, Cells>();
const satisfactionText = (value: number) => value.toFixed(1);

counties.forEach((county, index) => {
  // Bigger counties register more; each county's size is fixed across quarters.
  const size = 0.5 + draw.next() * 1.6;
  quarters.forEach((quarter, q) => {
    if (UNREPORTED.some((u) => u.county === index && u.period === quarter.code)) return;
    for (const kind of ledgerKinds.values) {
      const profile = PROFILE[kind];
      // A slow drift upwards as villages enter more matters, with seasonal noise.
      const registered = Math.round(profile.base * size * (0.8 + q * 0.03 + draw.next() * 0.4));
      const [low, high] = profile.solved;
      const solved = Math.round(registered * (low + draw.next() * (high - low)));
      const inProgress = Math.round((registered - solved) * (0.5 + draw.next() * 0.5));
      const cells: Cells = {
        region_code: county["code"] ?? "",
        period: quarter.code,
        kind,
        registered: String(registered),
        solved: String(solved),
        in_progress: String(inProgress),
        residents_visited: profile.visits ? String(Math.round(registered * draw.int(9, 18))) : "",
        // Surveys are not every quarter everywhere.
        satisfaction: draw.chance(0.7) ? satisfactionText(86 + draw.next() * 12) : "",
        source: SOURCE,
        source_url: "",
        note: "",
      };
      rows.push(cells);
      countyRows.set(`${cells.region_code}|${quarter.code}|${kind}`, cells);
    }
  });
});

for (const township of townships) {
  const share = 0.12 + draw.next() * 0.15;
  for (const quarter of quarters.slice(-TOWNSHIP_QUARTERS)) {
    for (const kind of ledgerKinds.values) {
      const county = countyRows.get(`${township["parent"]}|${quarter.code}|${kind}`);
      if (!county) continue;
      const part = (column: string) => Math.floor(Number(county[column]) * share);
      const registered = part("registered");
      const solved = Math.min(part("solved"), registered);
      const inProgress = Math.min(part("in_progress"), registered - solved);
      rows.push({
        region_code: township["code"] ?? "",
        period: quarter.code,
        kind,
        registered: String(registered),
        solved: String(solved),
        in_progress: String(inProgress),
        residents_visited:
          county["residents_visited"] === "" ? "" : String(part("residents_visited")),
        satisfaction: draw.chance(0.5) ? satisfactionText(84 + draw.next() * 14) : "",
        source: SOURCE,
        source_url: "",
        note: "",
      });
    }
  }
}

const columns = columnEntries(ledgersTable.columns).map(([name]) => name);
const text = Papa.unparse(
  rows.map((row) => columns.map((name) => row[name] ?? "")),
  { newline: "\n" },
);
writeFileSync(`data/${ledgersTable.file}`, `${columns.join(",")}\n${text}\n`, "utf8");
console.log(`data/${ledgersTable.file}: ${rows.length} 行(${quarters.length} 个季度)`);
