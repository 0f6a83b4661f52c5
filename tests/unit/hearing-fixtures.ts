// Data directories for the 阳光问廉 and 民情台账 tests: 样例市 (see data-fixtures.ts) running
// only the section under test, with one township under 甲区, loaded through the site's
// composition root (`loadDataset`) as the build loads it.
import { DataValidationError, formatIssue } from "../../src/data/issues.ts";
import { hearings } from "../../src/registers/hearings/index.ts";
import type { HearingRegister } from "../../src/registers/hearings/load.ts";
import { ledgers } from "../../src/registers/ledgers/index.ts";
import type { LedgerData } from "../../src/registers/ledgers/load.ts";
import { loadDataset, registerData } from "../../src/site/dataset.ts";
import type { Dataset } from "../../src/site/dataset.ts";
import {
  csv,
  dataDir,
  regionsCsv,
  sampleSiteConfig,
  siteJson,
  validFiles,
} from "./data-fixtures.ts";
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
  /** Every message, `data/<file>:<line> <column>: …`, or none. */
  problems: string[];
  /** The register's data when the directory loads. */
  data: T | undefined;
}

function load<T>(
  section: string,
  files: DataFiles,
  pick: (dataset: Dataset) => T | undefined,
  options: { scanForPersonalData?: boolean } = {},
): Loaded<T> {
  const dir = dataDir({
    ...validFiles(),
    "site.json": siteJson({ ...sampleSiteConfig(), sections: [section] }),
    "regions.csv": regionsCsv(TOWNSHIP_ROW),
    ...files,
  });
  try {
    return { problems: [], data: pick(loadDataset(dir, options)) };
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    return {
      problems: error.issues.map((issue) => formatIssue(issue).replaceAll(`${dir}/`, "data/")),
      data: undefined,
    };
  }
}

export function loadHearingFiles(
  hearingRows: readonly string[],
  problems: readonly string[],
  updates: readonly string[],
  options: { problemsHeader?: string; scanForPersonalData?: boolean } = {},
): Loaded<HearingRegister> {
  return load(
    "hearings",
    {
      "hearings.csv": csv([HEARINGS_HEADER, ...hearingRows]),
      "hearing-problems.csv": csv([options.problemsHeader ?? HEARING_PROBLEMS_HEADER, ...problems]),
      "hearing-problem-updates.csv": csv([HEARING_UPDATES_HEADER, ...updates]),
    },
    (dataset) => registerData(dataset, hearings),
    options,
  );
}

export function loadLedgerRows(rows: readonly string[]): Loaded<LedgerData> {
  return load("ledgers", { "ledgers.csv": csv([LEDGERS_HEADER, ...rows]) }, (dataset) =>
    registerData(dataset, ledgers),
  );
}

/** The demo site's committed data (data/), as the build loads it. */
export function loadDemo(): { hearings: HearingRegister; ledgers: LedgerData } {
  const dataset = loadDataset("data", { scanForPersonalData: true });
  const hearingData = registerData(dataset, hearings);
  const ledgerData = registerData(dataset, ledgers);
  if (!hearingData || !ledgerData) throw new Error("the demo site runs both sections");
  return { hearings: hearingData, ledgers: ledgerData };
}
