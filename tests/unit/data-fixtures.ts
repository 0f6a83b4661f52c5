// Small data directories for the data-path tests. Each test builds exactly the files it is
// about in a fresh temporary directory, from the named pieces below, and the directory is
// removed when the test ends. The jurisdiction is fictional (样例市, code 990100: GB/T 2260
// has no province 99), so no test depends on the demo city's data.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";
import { DataContext } from "../../src/data/context.ts";
import { loadDataset } from "../../src/site/dataset.ts";
import { choice, date, id, reference, regionCode, text } from "../../src/data/fields.ts";
import { DataValidationError, formatIssue, sortIssues } from "../../src/data/issues.ts";
import { regionsTable } from "../../src/data/regions.ts";
import { defineTable } from "../../src/data/table.ts";

/** The as-of date of every fixture: dates after it are errors. */
export const AS_OF = "2024-06-30";

/** A complete, valid site.json for 样例市. */
export function sampleSiteConfig(): Record<string, unknown> {
  return {
    jurisdiction: { name: "样例市", code: "990100" },
    siteName: "样例公示",
    publisher: "测试编辑部",
    siteUrl: "https://sample.gongshi.example/",
    asOf: AS_OF,
    sample: true,
    licence: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
    replyPromiseWorkingDays: 10,
  };
}

/** site.json as an editor would save it: pretty-printed, one key per line. */
export function siteJson(config: Record<string, unknown> = sampleSiteConfig()): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

export const REGIONS_HEADER = "code,name,level,parent";

/** The jurisdiction and its three counties: the rows of a valid regions.csv, lines 2–5. */
export const SAMPLE_REGION_ROWS = [
  "990100,样例市,市,",
  "990102,甲区,县,990100",
  "990103,乙区,县,990100",
  "990121,丙县,县,990100",
] as const;

/** CSV text from lines, so a test reads its line numbers off the array (line = index + 1). */
export function csv(lines: readonly string[], newline = "\n"): string {
  return lines.join(newline) + newline;
}

/** A valid regions.csv, with extra rows (from line 6 on) when a test needs them. */
export function regionsCsv(...extraRows: string[]): string {
  return csv([REGIONS_HEADER, ...SAMPLE_REGION_ROWS, ...extraRows]);
}

export type DataFiles = Record<string, string | Uint8Array>;

/** The indicator files with their headers and no rows: a city that publishes no indicators. */
export const NO_INDICATORS: DataFiles = {
  "indicator-sources.csv": "id,kind,publisher,title,author,date,url,note\n",
  "indicators.csv":
    "id,name,group,unit,direction,target,definition,method_notes,source,place,city_total,numerator,denominator\n",
  "indicator-values.csv": "indicator_id,region_code,period,value,qualifier,source,note\n",
};

/** The files of a valid dataset. */
export function validFiles(): DataFiles {
  return { "site.json": siteJson(), "regions.csv": regionsCsv(), ...NO_INDICATORS };
}

/** Writes the files into `<temporary root>/data/` and returns that data directory. */
export function dataDir(files: DataFiles): string {
  const root = mkdtempSync(join(tmpdir(), "gongshi-data-"));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  const dir = join(root, "data");
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Bytes from a hex string such as `"D1F9 C0FD"` (spaces ignored). */
export function hexBytes(hex: string): Uint8Array {
  const pairs = hex.replace(/\s+/g, "").match(/../g) ?? [];
  return Uint8Array.from(pairs.map((pair) => Number.parseInt(pair, 16)));
}

/** Concatenates text (as UTF-8) and raw bytes into one file body. */
export function bytes(...parts: (string | Uint8Array)[]): Uint8Array {
  const chunks = parts.map((part) =>
    typeof part === "string" ? new TextEncoder().encode(part) : part,
  );
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * The messages `loadDataset` fails with, one per problem, or `[]` when the data loads.
 * A data directory outside the working directory is named by its full path in messages;
 * it is shown here as `data/`, as it is when an editor runs `npm run validate` in the
 * repository (the validate-command test checks that form end to end).
 */
export function problemsLoading(dir: string): string[] {
  try {
    loadDataset(dir);
    return [];
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    return error.issues.map((issue) => formatIssue(issue).replaceAll(`${dir}/`, "data/"));
  }
}

/**
 * A register as the registers will use the data path: `matters.csv` (one row per tracked
 * matter, with an id, a county, a date and a status) and `events.csv` (a timeline whose rows
 * name a matter). Cell checks that regions.csv has no column for are shown on these.
 */
export const mattersTable = defineTable({
  file: "matters.csv",
  title: "测试事项",
  primaryKey: "id",
  nonEmpty: true,
  columns: {
    id: id({ doc: "事项编号", pattern: /^M-\d{3}$/, example: "M-001" }),
    county: regionCode({ doc: "所在县区" }),
    reported: date({ doc: "发现日期" }),
    status: choice(["未开始", "整改中", "已完成"], { doc: "办理状态" }),
  },
  check: (row, report) => {
    if (row.status === "未开始" && row.county === "990100") {
      report("county", "市级事项不能是「未开始」", "市级事项须已开始办理");
    }
  },
});

export const MATTERS_HEADER = "id,county,reported,status";

export const eventsTable = defineTable({
  file: "events.csv",
  title: "测试事项进展",
  columns: {
    matter: reference({ doc: "事项编号", table: "matters.csv" }),
    date: date({ doc: "进展日期" }),
    note: text({ doc: "进展说明", max: 10 }),
  },
});

export const EVENTS_HEADER = "matter,date,note";

/**
 * Reads regions.csv and the test register the way `loadDataset` reads its sections, and
 * returns every message, sorted as `DataValidationError` sorts them. Files are named `data/…`.
 */
export function problemsReadingRegister(dir: string): string[] {
  const ctx = new DataContext(dir, "data", AS_OF);
  ctx.read(regionsTable);
  ctx.useRegions(ctx.idsOf(regionsTable.file));
  ctx.read(mattersTable);
  ctx.read(eventsTable);
  ctx.checkReferences();
  return sortIssues(ctx.issues).map(formatIssue);
}
