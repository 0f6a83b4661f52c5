import { loadDataset, rememberDataset } from "./dataset.ts";
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
import { historyIssues, readSiteHistory } from "./history.ts";
import type { SiteHistory } from "./history.ts";
import { knownSections } from "./sections.ts";

/** What `npm run validate` found: the dataset when the data is sound, and every problem. */
export interface ValidationReport {
  dataset: Dataset | undefined;
  /** Data problems (CSV files, site.json, the git history's), sorted by file and line. */
  dataIssues: DataIssue[];
  /** Content problems (MDX under the content directory), sorted by file and line. */
  contentIssues: DataIssue[];
  /** Things to know that are not problems (why the build will show no 修改记录). */
  notices: readonly string[];
}

/** The data half of the checks, for one data directory (also `npm run diff`'s). */
export interface DataValidation {
  dataset: Dataset | undefined;
  history: SiteHistory | undefined;
  /** Every problem, sorted by file and line. */
  issues: readonly DataIssue[];
  notices: readonly string[];
}

/**
 * The data files of a directory: the data path (every file, every cell, personal data), then
 * what the git history says (a published record removed without a withdrawal). A site.json
 * that requires history makes a missing history a problem.
 */
export function validateData(dataDir?: string, display?: string): DataValidation {
  let dataset: Dataset;
  try {
    const options = display === undefined ? {} : { display };
    dataset = loadDataset(dataDir, { scanForPersonalData: true, ...options });
    // Read under the name the build uses: the build in this process takes it as it is.
    if (display === undefined) rememberDataset(dataDir ?? dataDirectory(), dataset);
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    return {
      dataset: undefined,
      history: undefined,
      issues: sortIssues(error.issues),
      notices: [],
    };
  }
  const history = readSiteHistory(dataset);
  const issues = historyIssues(dataset, history);
  const notices: string[] = [];
  if (!history.available) {
    if (dataset.site.history.required) {
      issues.push({
        file: `${dataset.dataDisplay}/site.json`,
        line: 1,
        column: "history.required",
        problem: `要求显示修改历史，但${history.message}`,
        allowed: "在完整克隆的仓库中构建；或把 history.required 改为 false",
      });
    } else if (history.problem !== "not-a-repository" && history.problem !== "untracked") {
      // Data kept outside git has no history to speak of; a shallow clone is worth a word.
      notices.push(`修改历史：不显示。${history.message}`);
    }
  }
  return { dataset, history, issues: sortIssues(issues), notices };
}

/**
 * Everything an editor writes, checked without building: the data files (with the privacy
 * scan of every cell) and the MDX content. `npm run validate` prints the report; `npm run
 * build` runs it first and builds nothing when it has any problem.
 */
export async function validateSite(): Promise<ValidationReport> {
  const { dataset, issues, notices } = validateData();
  const contentIssues = sortIssues(
    await checkContentFiles(contentCollections, proseChecks, contentContext(dataset)),
  );
  return { dataset, dataIssues: [...issues], contentIssues, notices };
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
  // Not problems: said after the verdict.
  for (const notice of report.notices) console.log(notice);
  return ok;
}
