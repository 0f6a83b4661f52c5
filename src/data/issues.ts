/**
 * A data problem an editor can act on: where it is (file, line, column), what is wrong, and
 * what is allowed. Every stage of the data path reports problems in this one shape, collects
 * them all, and fails only at the end, so an editor sees every mistake of a commit at once.
 */
export interface DataIssue {
  /** Path as the editor sees it in the repository, e.g. `data/exposures.csv`. */
  file: string;
  /** 1-based line in the file as a text editor shows it (quoted multi-line cells counted). */
  line: number;
  /**
   * 1-based character position in that line, where one is known (a bad byte, a front-matter
   * key, a word in prose); CSV problems name the column by its header instead.
   */
  position?: number;
  /** Column name from the header, or a label such as `(文件)` for whole-file problems. */
  column: string;
  /** What is wrong, in Chinese, naming the bad value where there is one. */
  problem: string;
  /** What is allowed instead. */
  allowed: string;
}

/** Label used in place of a column name for problems that concern the whole file. */
export const WHOLE_FILE = "(文件)";

/** `<file>:<line>[:<position>] <column>: <what is wrong> (<what is allowed>)` */
export function formatIssue(issue: DataIssue): string {
  const at = issue.position === undefined ? "" : `:${issue.position}`;
  return `${issue.file}:${issue.line}${at} ${issue.column}: ${issue.problem} (${issue.allowed})`;
}

/** Quotes a cell value for a message; long values are shortened so messages stay readable. */
export function quote(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `「${shown}」`;
}

/** Thrown once, after collection, when any problem was found. */
export class DataValidationError extends Error {
  readonly issues: readonly DataIssue[];

  constructor(issues: readonly DataIssue[]) {
    const sorted = sortIssues(issues);
    super(
      `数据检查发现 ${sorted.length} 个问题:\n${sorted.map((issue) => `  ${formatIssue(issue)}`).join("\n")}`,
    );
    this.name = "DataValidationError";
    this.issues = sorted;
  }
}

export function sortIssues(issues: readonly DataIssue[]): DataIssue[] {
  return [...issues].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      (a.position ?? 0) - (b.position ?? 0) ||
      a.column.localeCompare(b.column),
  );
}
