// Data directories for the 阳光问廉 and 民情台账 tests: 样例市 (see data-fixtures.ts) with
// one township under 甲区, and helpers that load the registers the way the site does and
// return every message.
import { DataContext } from "../../src/data/context.ts";
import { formatIssue, sortIssues } from "../../src/data/issues.ts";
import { regionsTable } from "../../src/data/regions.ts";
import type { Region } from "../../src/data/regions.ts";
import { EMPTY_ALLOWLIST } from "../../src/privacy/allowlist.ts";
import { checkDataFilesForPersonalData } from "../../src/privacy/data-files.ts";
import { loadHearings } from "../../src/registers/hearings/load.ts";
import type { HearingRegister } from "../../src/registers/hearings/load.ts";
import { loadLedgers } from "../../src/registers/ledgers/load.ts";
import type { LedgerData } from "../../src/registers/ledgers/load.ts";
import { AS_OF, csv, dataDir, regionsCsv } from "./data-fixtures.ts";
import type { DataFiles } from "./data-fixtures.ts";

/** 甲区's township (nine-digit statistical code), line 6 of regions.csv. */
export const TOWNSHIP_ROW = "990102001,甲街道,乡,990102";

export const HEARINGS_HEADER =
  "id,number,aired_on,broadcaster,theme,units_questioned,video_url,summary";
export const HEARING_PROBLEMS_HEADER =
  "id,hearing_id,title,region_code,unit_questioned,exposed,commitment,deadline,status,rectified_on,closed_on,measures,accountable_admonition,accountable_party_discipline,accountable_government_discipline,accountable_organisational,accountable_other,accountability_announced_on";
export const HEARING_UPDATES_HEADER = "item_id,date,kind,status,summary,source_url";
export const LEDGERS_HEADER =
  "region_code,period,kind,registered,solved,in_progress,residents_visited,satisfaction,source,source_url,note";

export interface Loaded<T> {
  problems: string[];
  data: T | undefined;
}

function load<T>(
  files: DataFiles,
  read: (
    ctx: DataContext,
    regions: { counties: Region[]; regionsByCode: Map<string, Region> },
  ) => T,
  options: { scanForPersonalData?: boolean } = {},
): Loaded<T> {
  const dir = dataDir({ "regions.csv": regionsCsv(TOWNSHIP_ROW), ...files });
  const ctx = new DataContext(dir, "data", AS_OF);
  const rows = ctx.read(regionsTable).map(({ row }) => row);
  ctx.useRegions(ctx.idsOf(regionsTable.file));
  const counties = rows.filter((region) => region.parent === "990100");
  const data = read(ctx, { counties, regionsByCode: new Map(rows.map((r) => [r.code, r])) });
  if (options.scanForPersonalData) checkDataFilesForPersonalData(ctx, EMPTY_ALLOWLIST);
  ctx.checkReferences();
  return { problems: sortIssues(ctx.issues).map(formatIssue), data };
}

export function loadHearingFiles(
  hearings: readonly string[],
  problems: readonly string[],
  updates: readonly string[],
  options: { problemsHeader?: string; scanForPersonalData?: boolean } = {},
): Loaded<HearingRegister> {
  return load(
    {
      "hearings.csv": csv([HEARINGS_HEADER, ...hearings]),
      "hearing-problems.csv": csv([options.problemsHeader ?? HEARING_PROBLEMS_HEADER, ...problems]),
      "hearing-problem-updates.csv": csv([HEARING_UPDATES_HEADER, ...updates]),
    },
    loadHearings,
    options,
  );
}

export function loadLedgerRows(rows: readonly string[]): Loaded<LedgerData> {
  return load({ "ledgers.csv": csv([LEDGERS_HEADER, ...rows]) }, loadLedgers);
}

/** The demo site's committed data (data/), read the same way. */
export function loadDemo(): { problems: string[]; hearings: HearingRegister; ledgers: LedgerData } {
  const ctx = new DataContext("data", "data", "2026-10-31");
  const rows = ctx.read(regionsTable).map(({ row }) => row);
  ctx.useRegions(ctx.idsOf(regionsTable.file));
  const scope = {
    counties: rows.filter((region) => region.level === "县"),
    regionsByCode: new Map(rows.map((r) => [r.code, r])),
  };
  const hearings = loadHearings(ctx, scope);
  const ledgers = loadLedgers(ctx, scope);
  ctx.checkReferences();
  return { problems: sortIssues(ctx.issues).map(formatIssue), hearings, ledgers };
}
