import { loadDataset } from "./dataset.ts";
import type { Dataset } from "./dataset.ts";
import { DataValidationError, formatIssue, sortIssues } from "../data/issues.ts";
import type { DataIssue } from "../data/issues.ts";
import { checkProseFiles } from "../prose/check-files.ts";

/** What `npm run validate` found: the dataset when the data is sound, and every problem. */
export interface ValidationReport {
  dataset: Dataset | undefined;
  /** Data problems (CSV files, site.json), sorted by file and line. */
  dataIssues: DataIssue[];
  /** Content problems (MDX under the content directory). */
  contentIssues: string[];
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
  const contentIssues = await checkProseFiles();
  return { dataset, dataIssues, contentIssues };
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
      `文章检查发现 ${report.contentIssues.length} 个问题:\n${report.contentIssues.map((line) => `  ${line}`).join("\n")}`,
    );
  }
  if (ok && report.dataset) {
    const { site, counties } = report.dataset;
    console.log(
      `数据检查通过:${site.jurisdiction.name},${counties.length} 个县级区划,截至 ${site.asOf}。`,
    );
  }
  return ok;
}
