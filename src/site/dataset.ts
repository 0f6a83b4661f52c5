import { readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { DataContext } from "../data/context.ts";
import { DataValidationError, quote } from "../data/issues.ts";
import type { DataIssue } from "../data/issues.ts";
import { readRegions, regionsTable } from "../data/regions.ts";
import type { Region } from "../data/regions.ts";
import { readSiteConfig } from "../data/site-config.ts";
import type { TableDescription } from "../data/tables.ts";
import { readWithdrawals, withdrawalsTable } from "../data/withdrawals.ts";
import type { Withdrawal } from "../data/withdrawals.ts";
import type { SiteConfig } from "../data/site-config.ts";
import { readPrivacyAllowlist } from "../privacy/allowlist.ts";
import type { PrivacyAllowlist } from "../privacy/allowlist.ts";
import { checkDataFilesForPersonalData } from "../privacy/data-files.ts";
import { readIndicators } from "../indicators/load.ts";
import type { IndicatorData } from "../indicators/model.ts";
import { registers } from "../registers/index.ts";
import { readSearchSynonyms } from "../search/synonym-table.ts";
import type { SynonymRule } from "../search/synonyms.ts";
import type { AnyRegister, RegisterEnvironment, RegisterModule } from "../registers/module.ts";
import { INDICATORS_SECTION, knownSections } from "./sections.ts";

/**
 * The composition root: everything the site is built from, validated and derived. Pages and
 * collections read this; nothing else reads `data/`. Which registers exist is the registry's
 * business (src/registers/index.ts); which run is the city's (`site.json` `sections`).
 */
export interface Dataset extends RegisterEnvironment {
  site: SiteConfig;
  /** The jurisdiction's own row. */
  jurisdiction: Region;
  /** County-level divisions, in file order (the order editors chose for display). */
  counties: Region[];
  regionsByCode: ReadonlyMap<string, Region>;
  /** Indicators (十零 and published figures); undefined when the site does not publish them. */
  indicators: IndicatorData | undefined;
  /** Numbers the privacy guard lets through (privacy-allowlist.csv). */
  privacyAllowlist: PrivacyAllowlist;
  /** What each running register's `load` returned, by register key. */
  registerData: ReadonlyMap<string, unknown>;
  /** Words that count as a searched word (search-synonyms.csv), applied by the search page. */
  searchSynonyms: readonly SynonymRule[];
  /** Problems that do not stop publication (half-width punctuation in prose), for editors. */
  warnings: readonly DataIssue[];
  /** Records withdrawn after publication (withdrawn.csv); their pages stay with a notice. */
  withdrawals: readonly Withdrawal[];
  /** The ids of a data file's rows (its primary key), e.g. for content that names them. */
  idsOf: (file: string) => ReadonlySet<string>;
  /** Where the data was read from, and how messages name it (e.g. `data`). */
  dataDir: string;
  dataDisplay: string;
}

/**
 * A register's items file: the one its module names, else the first of its tables with a key
 * (the register's own records; timelines and calendars come after it).
 */
export function itemsTable(register: AnyRegister): TableDescription | undefined {
  const named = register.module.itemsFile;
  return register.tables.find((table) =>
    named === undefined ? table.primaryKey !== undefined : table.file === named,
  );
}

/**
 * A register's data on this site, typed by its module; undefined when the site does not run
 * the register (its routes then make no pages and nothing links to it).
 */
export function registerData<Data>(
  dataset: Dataset,
  register: { typed: RegisterModule<Data> },
): Data | undefined {
  // Sound: `loadDataset` stores under a key exactly what that key's module returned.
  return dataset.registerData.get(register.typed.key) as Data | undefined;
}

/** Whether the site runs a section (a register key or `indicators`). */
export function runsSection(dataset: Dataset, key: string): boolean {
  return dataset.site.sections.includes(key);
}

export interface LoadOptions {
  /**
   * Also search every data file for personal data (ID, phone and card numbers, e-mail).
   * `npm run validate` (which `npm run build` runs first) turns it on; the build itself
   * checks its output instead (src/integrations/privacy-guard.ts), so each half of the
   * guard can be tested on its own.
   */
  scanForPersonalData?: boolean;
  /** How messages name the data directory (default: its path from the working directory). */
  display?: string;
}

/** Where the data lives: `GONGSHI_DATA_DIR`, or `data/` in the working directory. */
export function dataDirectory(): string {
  return resolve(process.env["GONGSHI_DATA_DIR"] ?? "data");
}

function displayName(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === ""
    ? "."
    : rel.startsWith("..") || isAbsolute(rel)
      ? dir
      : rel.split("\\").join("/");
}

/**
 * Reads and checks every data file; returns the dataset or throws one DataValidationError
 * listing every problem found.
 */
export function loadDataset(dataDir: string = dataDirectory(), options: LoadOptions = {}): Dataset {
  const display = options.display ?? displayName(dataDir);
  const config = readSiteConfig(dataDir, display, knownSections);
  if (!config.ok) throw new DataValidationError(config.issues);
  const site = config.site;
  const ctx = new DataContext(dataDir, display, site.asOf, { earliestYear: site.earliestYear });
  const { jurisdiction, counties, regionsByCode } = readRegions(ctx, site.jurisdiction);
  // A mailbox offered to readers must serve a region the site knows (a code of regions.csv,
  // also of a row with problems of its own: that row is reported once, by itself).
  const regionCodes = ctx.idsOf(regionsTable.file);
  site.channels?.mailboxes.forEach((mailbox, index) => {
    if (regionCodes.size === 0 || regionCodes.has(mailbox.region)) return;
    ctx.report({
      file: `${display}/site.json`,
      line: config.lineOf(["channels", "mailboxes", index, "region"]),
      column: `channels.mailboxes.${index}.region`,
      problem: `区划代码 ${quote(mailbox.region)} 不在 regions.csv 中`,
      allowed: "regions.csv 中已有的代码",
    });
  });

  const indicators = site.sections.includes(INDICATORS_SECTION.key)
    ? readIndicators(ctx, { site, counties, regionsByCode })
    : undefined;
  const loaded = new Map<string, unknown>();
  // Without its row in regions.csv (reported above) the jurisdiction is taken from site.json,
  // so the registers' own problems are still found in the same run.
  const env: RegisterEnvironment = {
    site,
    jurisdiction: jurisdiction ?? { ...site.jurisdiction, level: "市", parent: undefined },
    counties,
    regionsByCode,
    latestDate: (file, id) => ctx.latestDate(file, id),
  };
  for (const register of registers) {
    if (site.sections.includes(register.key))
      loaded.set(register.key, register.module.load(ctx, env));
  }
  const withdrawals = readWithdrawals(ctx);
  for (const withdrawal of withdrawals) {
    for (const register of registers) {
      const table = itemsTable(register);
      if (!table || !site.sections.includes(register.key)) continue;
      if (ctx.idsOf(table.file).has(withdrawal.id)) {
        ctx.report({
          file: ctx.displayPath(withdrawalsTable.file),
          line: withdrawal.line,
          column: "id",
          problem: `编号 ${withdrawal.id} 已登记撤回，却仍在 ${ctx.displayPath(table.file)} 中`,
          allowed: "撤回的编号不得再用：新记录请另起编号；若撤回有误，删去这一行",
        });
      }
    }
  }
  const privacyAllowlist = readPrivacyAllowlist(ctx);
  const searchSynonyms = readSearchSynonyms(ctx);
  if (options.scanForPersonalData) checkDataFilesForPersonalData(ctx, privacyAllowlist);

  ctx.checkReferences();
  if (ctx.issues.length > 0 || !jurisdiction) throw new DataValidationError(ctx.issues);
  return {
    site,
    jurisdiction,
    counties,
    regionsByCode,
    latestDate: env.latestDate,
    indicators,
    privacyAllowlist,
    registerData: loaded,
    searchSynonyms,
    warnings: ctx.warnings,
    withdrawals,
    idsOf: (file) => ctx.idsOf(file),
    dataDir,
    dataDisplay: display,
  };
}

/**
 * Datasets loaded in this process, by data directory, with the signature of the files they
 * were read from. Kept on `globalThis` because one build holds two copies of this module:
 * the content layer runs it as written, and the prerender step runs Vite's bundled copy;
 * with only a module-level cache each copy loaded and checked every file again (measured:
 * 0.9 s of 27 s CPU at 10,000 items, growing with the registers). A copy compares the
 * signature once, when it first asks, so a module reloaded after an edit gets new data.
 */
const CACHE_KEY = Symbol.for("gongshi.dataset");
type DatasetCache = Map<string, { signature: string; dataset: Dataset }>;
const shared = globalThis as typeof globalThis & { [CACHE_KEY]?: DatasetCache };
const processCache: DatasetCache = (shared[CACHE_KEY] ??= new Map());
/** What this copy of the module has already answered: no file system look per call. */
const moduleCache = new Map<string, Dataset>();

/** Names, sizes and modification times of the directory's files: changes when any file does. */
function dataSignature(dataDir: string): string {
  try {
    return readdirSync(dataDir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const stats = statSync(join(dataDir, entry.name));
        return `${entry.name}:${stats.size}:${stats.mtimeMs}`;
      })
      .sort()
      .join("|");
  } catch (error) {
    // A missing directory is reported by loadDataset itself; nothing to compare then.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw error;
  }
}

/**
 * Hands a dataset loaded by the validation (`npm run build` validates first, in the same
 * process) to the build, so the content layer and the pages use the data that was checked
 * instead of reading and checking every file again. Same signature rule as getDataset: a file
 * changed in between makes the build load afresh.
 */
export function rememberDataset(dataDir: string, dataset: Dataset): void {
  processCache.set(dataDir, { signature: dataSignature(dataDir), dataset });
}

/** Loads once per data directory per process (Astro asks for the data from many modules). */
export function getDataset(dataDir: string = dataDirectory()): Dataset {
  const known = moduleCache.get(dataDir);
  if (known) return known;
  const signature = dataSignature(dataDir);
  const loaded = processCache.get(dataDir);
  const dataset = loaded?.signature === signature ? loaded.dataset : loadDataset(dataDir);
  processCache.set(dataDir, { signature, dataset });
  moduleCache.set(dataDir, dataset);
  return dataset;
}
