import { DataValidationError, sortIssues } from "../data/issues.ts";
import type { DataIssue } from "../data/issues.ts";
import { loadDataset } from "./dataset.ts";
import type { Dataset } from "./dataset.ts";
import { historyIssues, readSiteHistory } from "./history.ts";
import type { SiteHistory } from "./history.ts";

export interface Validation {
  /** The data, when it passed the data path's checks. */
  dataset: Dataset | undefined;
  history: SiteHistory | undefined;
  /** Every problem, sorted by file and line. */
  issues: readonly DataIssue[];
  /** Things to know that are not problems (why there is no history). */
  notices: readonly string[];
}

/**
 * Everything `npm run validate` checks of a data directory: the data path (every file, every
 * cell, personal data), then what the git history says (a published record removed without
 * a withdrawal). A site.json that requires history makes a missing history a problem.
 */
export function validateData(dataDir?: string, display?: string): Validation {
  let dataset: Dataset;
  try {
    const options = display === undefined ? {} : { display };
    dataset = loadDataset(dataDir, { scanForPersonalData: true, ...options });
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    return { dataset: undefined, history: undefined, issues: error.issues, notices: [] };
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
