import { readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { DataContext } from "./context.ts";
import { DataValidationError, WHOLE_FILE, quote } from "./issues.ts";
import type { Region } from "./regions.ts";
import { regionHierarchyIssues, regionsTable } from "./regions.ts";
import { readSiteConfig } from "./site-config.ts";
import type { SiteConfig } from "./site-config.ts";
import { readWorkingCalendar } from "./workdays.ts";
import type { WorkingCalendar } from "./workdays.ts";
import { readPrivacyAllowlist } from "../privacy/allowlist.ts";
import type { PrivacyAllowlist } from "../privacy/allowlist.ts";
import { checkDataFilesForPersonalData } from "../privacy/data-files.ts";
import { readMailbox } from "../registers/letters/load.ts";
import type { Mailbox } from "../registers/letters/load.ts";
import { readIndicators } from "../indicators/load.ts";
import type { IndicatorData } from "../indicators/model.ts";
import { loadExposures } from "../registers/exposures/load.ts";
import type { ExposureRegister } from "../registers/exposures/load.ts";

/**
 * Everything the site is built from, validated and derived. Pages and collections read
 * this; nothing else reads `data/`.
 */
export interface Dataset {
  site: SiteConfig;
  /** The jurisdiction's own row. */
  jurisdiction: Region;
  /** County-level divisions, in file order (the order editors chose for display). */
  counties: Region[];
  regionsByCode: ReadonlyMap<string, Region>;
  /** Indicators (十零 and published figures); undefined when the site does not publish them. */
  indicators: IndicatorData | undefined;
  /** 环保曝光台 (exposed environmental problems); undefined when the site does not run it. */
  exposures: ExposureRegister | undefined;
  /** Working days per the State Council's holiday notices (holidays.csv); read for the mailbox. */
  workingCalendar: WorkingCalendar | undefined;
  /** Numbers the privacy guard lets through (privacy-allowlist.csv). */
  privacyAllowlist: PrivacyAllowlist;
  /**
   * 书记信箱: public letters only (see src/registers/letters/public.ts) and statistics;
   * undefined when the site does not publish the mailbox.
   */
  mailbox: Mailbox | undefined;
}

export interface LoadOptions {
  /**
   * Also search every data file for personal data (ID, phone and card numbers, e-mail).
   * `npm run validate` (which `npm run build` runs first) turns it on; the build itself
   * checks its output instead (src/integrations/privacy-guard.ts), so each half of the
   * guard can be tested on its own.
   */
  scanForPersonalData?: boolean;
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
  const display = displayName(dataDir);
  const config = readSiteConfig(dataDir, display);
  if (!config.ok) throw new DataValidationError(config.issues);
  const site = config.site;
  const ctx = new DataContext(dataDir, display, site.asOf, { earliestYear: site.earliestYear });

  const regionRows = ctx.read(regionsTable);
  const regionsByCode = new Map(regionRows.map(({ row }) => [row.code, row]));
  // Every code in the file, also those of rows with problems of their own: a bad row is then
  // reported once, not again by every row that names its code. With no codes at all the file
  // itself is reported (missing, empty, undecodable), and region cells are left unchecked.
  const regionCodes = ctx.idsOf(regionsTable.file);
  if (regionCodes.size > 0) ctx.useRegions(regionCodes);
  const regionsFile = ctx.displayPath(regionsTable.file);
  for (const { line, row } of regionRows) {
    if (row.parent !== undefined && !regionCodes.has(row.parent)) {
      ctx.report({
        file: regionsFile,
        line,
        column: "parent",
        problem: `上级代码 ${quote(row.parent)} 不在本文件中`,
        allowed: "本文件中已有的代码,本市一行留空",
      });
    }
  }
  for (const issue of regionHierarchyIssues(regionRows, site.jurisdiction.code, regionsFile)) {
    ctx.report(issue);
  }
  const jurisdictionRow = regionRows.find(({ row }) => row.code === site.jurisdiction.code);
  const jurisdiction = jurisdictionRow?.row;
  if (jurisdictionRow && jurisdictionRow.row.name !== site.jurisdiction.name) {
    // The name is shown from site.json in some places and from regions.csv in others.
    ctx.report({
      file: regionsFile,
      line: jurisdictionRow.line,
      column: "name",
      problem: `本市名称${quote(jurisdictionRow.row.name)}与 site.json 中的${quote(site.jurisdiction.name)}不一致`,
      allowed: "两处写同一个名称",
    });
  }
  if (!regionCodes.has(site.jurisdiction.code) && regionCodes.size > 0) {
    ctx.report({
      file: regionsFile,
      line: 1,
      column: WHOLE_FILE,
      problem: `没有 site.json 中本市代码 ${site.jurisdiction.code} 的一行`,
      allowed: "regions.csv 须包含本市及其县级区划",
    });
  }
  const counties = regionRows
    .map(({ row }) => row)
    .filter((region) => region.parent === site.jurisdiction.code);

  const indicators = site.sections.includes("indicators")
    ? readIndicators(ctx, { site, counties, regionsByCode })
    : undefined;
  const exposures = site.sections.includes("exposures")
    ? loadExposures(ctx, { counties, regionsByCode })
    : undefined;

  const publishesMailbox = site.sections.includes("mailbox");
  // Working days are only needed for the mailbox's reply promise.
  const workingCalendar = publishesMailbox ? readWorkingCalendar(ctx) : undefined;
  const mailbox = workingCalendar
    ? readMailbox(ctx, { site, calendar: workingCalendar, regionsByCode, counties })
    : undefined;
  const privacyAllowlist = readPrivacyAllowlist(ctx);
  if (options.scanForPersonalData) checkDataFilesForPersonalData(ctx, privacyAllowlist);

  ctx.checkReferences();
  if (ctx.issues.length > 0 || !jurisdiction) throw new DataValidationError(ctx.issues);
  return {
    site,
    jurisdiction,
    counties,
    regionsByCode,
    indicators,
    exposures,
    workingCalendar,
    privacyAllowlist,
    mailbox,
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
