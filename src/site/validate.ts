import { loadDataset } from "./dataset.ts";
import type { Dataset } from "./dataset.ts";
import { DataValidationError, formatIssue, sortIssues } from "../data/issues.ts";
import type { DataIssue } from "../data/issues.ts";
import { DataContext } from "../data/context.ts";
import { DEFAULT_EARLIEST_YEAR, readSiteConfig } from "../data/site-config.ts";
import { readPrivacyAllowlist } from "../privacy/allowlist.ts";
import { checkContentFiles } from "../prose/check-files.ts";
import { proseChecks } from "../prose/components.ts";
import { contentCollections } from "./content.ts";
import { dataDirectory } from "./dataset.ts";
import { knownSections } from "./sections.ts";

/** What `npm run validate` found: the dataset when the data is sound, and every problem. */
export interface ValidationReport {
  dataset: Dataset | undefined;
  /** Data problems (CSV files, site.json), sorted by file and line. */
  dataIssues: DataIssue[];
  /** Content problems (MDX under the content directory), sorted by file and line. */
  contentIssues: DataIssue[];
}

/**
 * Everything an editor writes, checked without building: the data files (with the privacy
 * scan of every cell) and the MDX content. `npm run validate` prints the report; `npm run
 * build` runs it first and builds nothing when it has any problem.
 */
export async function validateSite(): Promise<ValidationReport> {
  let dataset: Dataset | undefined;
  let dataIssues: DataIssue[] = [];
  try {
    dataset = loadDataset(undefined, { scanForPersonalData: true });
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    dataIssues = sortIssues(error.issues);
  }
  const contentIssues = sortIssues(
    await checkContentFiles(contentCollections, proseChecks, contentContext(dataset)),
  );
  return { dataset, dataIssues, contentIssues };
}

/**
 * What the content is checked against. With data problems the dataset is missing, but the
 * as-of date, the earliest year and the allow list are read on their own where they can be,
 * so the content's own problems are reported in the same run.
 */
function contentContext(dataset: Dataset | undefined) {
  if (dataset) {
    return {
      asOf: dataset.site.asOf,
      earliestYear: dataset.site.earliestYear,
      allowlist: dataset.privacyAllowlist,
      idsOf: (table: string) => dataset.idsOf(table),
    };
  }
  const dir = dataDirectory();
  const config = readSiteConfig(dir, "data", knownSections);
  const site = config.ok ? config.site : undefined;
  const ctx = new DataContext(dir, "data", site?.asOf ?? "9999-12-31");
  // Problems of the allow list itself are among the data problems already reported.
  const allowlist = readPrivacyAllowlist(ctx);
  return {
    asOf: site?.asOf,
    earliestYear: site?.earliestYear ?? DEFAULT_EARLIEST_YEAR,
    allowlist,
    idsOf: () => undefined,
  };
}

/** The report as printed: problems to stderr, one line each; the all-clear to stdout. */
export function printReport(report: ValidationReport): boolean {
  const ok = report.dataIssues.length === 0 && report.contentIssues.length === 0;
  if (report.dataIssues.length > 0) {
    console.error(
      `数据检查发现 ${report.dataIssues.length} 个问题:\n${report.dataIssues.map((issue) => `  ${formatIssue(issue)}`).join("\n")}`,
    );
  }
  if (report.contentIssues.length > 0) {
    console.error(
      `文章检查发现 ${report.contentIssues.length} 个问题:\n${report.contentIssues.map((issue) => `  ${formatIssue(issue)}`).join("\n")}`,
    );
  }
  if (ok && report.dataset) {
    const { site, counties, warnings } = report.dataset;
    console.log(
      `数据检查通过:${site.jurisdiction.name},${counties.length} 个县级区划,截至 ${site.asOf}。`,
    );
    // Warnings never fail the check: the data is publishable, the prose could read better.
    if (warnings.length > 0) {
      const lines = sortIssues(warnings).map((issue) => `  ${formatIssue(issue)}`);
      console.log(`提示(不影响发布):${warnings.length} 处标点可改\n${lines.join("\n")}`);
    }
  }
  return ok;
}
