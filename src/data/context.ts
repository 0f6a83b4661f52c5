import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeDataFile } from "./decode.ts";
import { parseCsv } from "./csv.ts";
import type { Column, Columns, RowOf } from "./fields.ts";
import { columnEntries } from "./table.ts";
import type { Located, TableSpec } from "./table.ts";
import type { DataIssue } from "./issues.ts";
import { WHOLE_FILE, quote } from "./issues.ts";
import { isIsoDate, type IsoDate } from "./dates.ts";
import { DEFAULT_EARLIEST_YEAR } from "./site-config.ts";
import { checkStatedRate } from "./plausibility.ts";
import { findHalfWidthPunctuation } from "../format/typography.ts";

/** How far ahead a planned date (a deadline) may plausibly lie. */
export const PLANNED_YEARS_AHEAD = 30;

/** Why an id's year disagrees with its date column, or undefined when it agrees. */
function idYearProblem(id: unknown, column: Column<unknown>, date: unknown): string | undefined {
  if (typeof id !== "string" || typeof date !== "string") return undefined;
  const pattern = column.idPattern;
  const year = pattern?.exec(id)?.groups?.["year"];
  if (year === undefined || year === date.slice(0, 4)) return undefined;
  return `编号 ${quote(id)} 的年份 ${year} 与 ${column.yearOf} 的 ${date} 不在同一年`;
}

interface PendingReference {
  file: string;
  line: number;
  column: string;
  value: string;
  table: string;
}

/**
 * The one way in for CSV data. Reads each table strictly (encoding, header, every cell
 * through its column schema, row checks), then the checks that span files: unknown region
 * codes, duplicate ids, references to unknown ids, and dates after the data's as-of date.
 * Problems are collected, never thrown one at a time.
 */
export class DataContext {
  readonly issues: DataIssue[] = [];
  /** What an editor should fix but that does not stop publication (typography). */
  readonly warnings: DataIssue[] = [];
  private readonly idsByTable = new Map<string, Set<string>>();
  private readonly pendingReferences: PendingReference[] = [];
  /** Per file, the newest date (of something that happened) in each record's rows. */
  private readonly latestDates = new Map<string, Map<string, IsoDate>>();
  /** Tables whose rows could not be read at all (missing, undecodable, no usable header). */
  private readonly unreadableTables = new Set<string>();
  private regionCodes: ReadonlySet<string> | undefined;

  /**
   * @param dataDir absolute or cwd-relative directory holding the CSV files
   * @param displayDir how the directory is named in messages, e.g. `data`
   * @param asOf the data's as-of date; dates after it are errors
   */
  readonly dataDir: string;
  readonly displayDir: string;
  readonly asOf: IsoDate;
  /** Dates and periods before 1 January of this year are typos (site.json `earliestYear`). */
  readonly earliestYear: number;

  constructor(
    dataDir: string,
    displayDir: string,
    asOf: IsoDate,
    options: { earliestYear?: number } = {},
  ) {
    this.dataDir = dataDir;
    this.displayDir = displayDir;
    this.asOf = asOf;
    this.earliestYear = options.earliestYear ?? DEFAULT_EARLIEST_YEAR;
  }

  displayPath(file: string): string {
    return `${this.displayDir}/${file}`;
  }

  report(issue: DataIssue): void {
    this.issues.push(issue);
  }

  /**
   * Warns about half-width punctuation in Chinese prose (GB/T 15834): once per cell, naming
   * the first mark with the text around it and how many there are.
   */
  private checkPunctuation(file: string, line: number, column: string, value: string): void {
    const problems = findHalfWidthPunctuation(value);
    const first = problems[0];
    if (!first) return;
    const around = value.slice(Math.max(0, first.index - 6), first.index + 7).replace(/\s+/g, " ");
    const more = problems.length > 1 ? `,本格共 ${problems.length} 处` : "";
    this.warnings.push({
      file,
      line,
      column,
      problem: `中文里用了半角标点「${first.found}」:…${around}…${more}`,
      allowed: `改为全角「${first.expected}」,如 ，：；（）？！`,
    });
  }

  /** Region codes that region columns are checked against from now on. */
  useRegions(codes: ReadonlySet<string>): void {
    this.regionCodes = codes;
  }

  /** Ids of a table read so far (for checks a register makes itself). */
  idsOf(file: string): ReadonlySet<string> {
    return this.idsByTable.get(file) ?? new Set();
  }

  read<C extends Columns>(spec: TableSpec<C>): Located<RowOf<C>>[] {
    const file = this.displayPath(spec.file);
    const path = join(this.dataDir, spec.file);
    if (!existsSync(path)) {
      this.unreadableTables.add(spec.file);
      this.report({
        file,
        line: 1,
        column: WHOLE_FILE,
        problem: "文件不存在",
        allowed: `在 ${this.displayDir}/ 下建立 ${spec.file},第一行为表头`,
      });
      return [];
    }
    const decoded = decodeDataFile(readFileSync(path), file);
    if (!decoded.ok) {
      this.unreadableTables.add(spec.file);
      this.report(decoded.issue);
      return [];
    }
    const table = parseCsv(decoded.text, file);
    this.issues.push(...table.issues);
    if (table.header.length === 0) {
      this.unreadableTables.add(spec.file);
      return [];
    }

    const columns = columnEntries(spec.columns);
    const known = columns.map(([name]) => name);
    const headerText = `表头须为:${known.join(",")}`;
    for (const name of known) {
      if (!table.header.includes(name)) {
        this.report({ file, line: 1, column: name, problem: "缺少这一列", allowed: headerText });
      }
    }
    const seen = new Set<string>();
    for (const name of table.header) {
      if (!known.includes(name)) {
        this.report({
          file,
          line: 1,
          column: name || "(空列名)",
          problem: "未知的列",
          allowed: headerText,
        });
      } else if (seen.has(name)) {
        this.report({ file, line: 1, column: name, problem: "列名重复", allowed: headerText });
      }
      seen.add(name);
    }
    if (known.some((name) => !table.header.includes(name))) {
      this.unreadableTables.add(spec.file);
      return [];
    }
    if (spec.nonEmpty && table.records.length === 0 && table.issues.length === 0) {
      this.report({
        file,
        line: 1,
        column: WHOLE_FILE,
        problem: "文件只有表头,没有数据行",
        allowed: "至少一条记录",
      });
    }

    const ids = this.idsByTable.get(spec.file) ?? new Set<string>();
    this.idsByTable.set(spec.file, ids);
    const firstLineOfId = new Map<string, number>();
    const rows: Located<RowOf<C>>[] = [];

    for (const record of table.records) {
      const parsed: Record<string, unknown> = {};
      let rowOk = true;
      for (const [name, column] of columns) {
        const raw = record.cells[name] ?? "";
        const result = column.schema.safeParse(raw);
        if (!result.success) {
          rowOk = false;
          for (const issue of result.error.issues) {
            this.report({
              file,
              line: record.line,
              column: name,
              problem: issue.message,
              allowed: column.allowed,
            });
          }
          continue;
        }
        const value = result.data;
        parsed[name] = value;
        const report = (problem: string, allowed: string) =>
          this.report({ file, line: record.line, column: name, problem, allowed });
        if (column.startsOn && value !== undefined) {
          this.checkWhen(column.startsOn(value), false, report, `时期 ${raw.trim()} 始于`);
        }
        if (typeof value !== "string") continue;
        if (column.kind === "text") this.checkPunctuation(file, record.line, name, value);
        if (column.kind === "date")
          this.checkWhen(value, column.plannedDate === true, report, "日期");
        if (column.kind === "region" && this.regionCodes && !this.regionCodes.has(value)) {
          report(`行政区划代码 ${quote(value)} 不在 regions.csv 中`, column.allowed);
        }
        if (column.kind === "reference" && column.references) {
          this.pendingReferences.push({
            file,
            line: record.line,
            column: name,
            value,
            table: column.references,
          });
        }
      }
      if (rowOk) {
        for (const [name, column] of columns) {
          if (column.yearOf === undefined) continue;
          // A date column, or a period column by its first day.
          const when = parsed[column.yearOf];
          const dateColumn = spec.columns[column.yearOf];
          const date =
            typeof when === "string" || when === undefined
              ? when
              : typeof when === "number"
                ? `${when}` // a year column
                : dateColumn?.startsOn?.(when);
          const problem = idYearProblem(parsed[name], column, date);
          if (problem) {
            rowOk = false;
            this.report({
              file,
              line: record.line,
              column: name,
              problem,
              allowed: `编号中的年份与 ${column.yearOf} 的年份相同;编号写错时改编号,日期写错时改日期`,
            });
          }
        }
        for (const rate of spec.rates ?? []) {
          const problem = checkStatedRate(
            record.cells[rate.column] ?? "",
            parsed[rate.numerator],
            parsed[rate.denominator],
          );
          if (problem) {
            rowOk = false;
            this.report({
              file,
              line: record.line,
              column: rate.column,
              problem: `${problem}(${rate.numerator} ÷ ${rate.denominator})`,
              allowed: `比率须等于 ${rate.numerator} ÷ ${rate.denominator} × 100,按所写的小数位四舍五入`,
            });
          }
        }
      }
      if (spec.primaryKey) {
        const key = parsed[spec.primaryKey];
        if (typeof key === "string") {
          const first = firstLineOfId.get(key);
          if (first !== undefined) {
            this.report({
              file,
              line: record.line,
              column: spec.primaryKey,
              problem: `编号 ${quote(key)} 与第 ${first} 行重复`,
              allowed: "每条记录的编号唯一",
            });
            rowOk = false;
          } else {
            firstLineOfId.set(key, record.line);
            ids.add(key);
          }
        }
      }
      if (!rowOk) continue;
      const row = parsed as RowOf<C>;
      spec.check?.(row, (column, problem, allowed) => {
        rowOk = false;
        this.report({ file, line: record.line, column, problem, allowed });
      });
      if (!rowOk) continue;
      rows.push({ line: record.line, row, cells: record.cells });
      this.noteLatestDate(spec.file, spec.primaryKey, row as Record<string, unknown>, columns);
    }
    return rows;
  }

  /**
   * A date (or the first day of a period) must lie between 1 January of the earliest year
   * and the as-of date; a planned date (a deadline) may lie ahead, but not further than
   * `PLANNED_YEARS_AHEAD` years: `2201-03-01` is a typo, not a plan.
   */
  private checkWhen(
    date: IsoDate,
    planned: boolean,
    report: (problem: string, allowed: string) => void,
    what: string,
  ): void {
    const earliest = `${String(this.earliestYear).padStart(4, "0")}-01-01`;
    const sameDay = `${Number(this.asOf.slice(0, 4)) + PLANNED_YEARS_AHEAD}${this.asOf.slice(4)}`;
    // 29 February of a year that has none: the day before 1 March.
    const latestPlanned = isIsoDate(sameDay) ? sameDay : `${sameDay.slice(0, 7)}-28`;
    if (date < earliest) {
      report(
        `${what} ${date} 早于最早年份 ${this.earliestYear}`,
        `不早于 ${this.earliestYear} 年(site.json 的 earliestYear);多为年份笔误`,
      );
    } else if (!planned && date > this.asOf) {
      report(
        `${what} ${date} 晚于数据截至日期 ${this.asOf}`,
        "不晚于 site.json 中的截至日期 asOf;若数据已更新,请同时更新 asOf",
      );
    } else if (planned && date > latestPlanned) {
      report(
        `${what} ${date} 比数据截至日期晚 ${PLANNED_YEARS_AHEAD} 年以上`,
        `计划日期不晚于 ${latestPlanned};多为年份笔误`,
      );
    }
  }

  /**
   * Remembers a row's newest date of something that happened (planned dates such as
   * deadlines left out) under the record it belongs to: its key, or the ids its reference
   * columns name (a timeline event belongs to its item).
   */
  private noteLatestDate(
    file: string,
    primaryKey: string | undefined,
    row: Record<string, unknown>,
    columns: [string, Column<unknown>][],
  ): void {
    let newest: IsoDate | undefined;
    for (const [name, column] of columns) {
      const value = row[name];
      if (column.kind !== "date" || column.plannedDate || typeof value !== "string") continue;
      if (newest === undefined || value > newest) newest = value;
    }
    if (newest === undefined) return;
    const keys = primaryKey
      ? [row[primaryKey]]
      : columns.filter(([, column]) => column.kind === "reference").map(([name]) => row[name]);
    let byKey = this.latestDates.get(file);
    if (!byKey) this.latestDates.set(file, (byKey = new Map()));
    for (const key of keys) {
      if (typeof key !== "string") continue;
      const known = byKey.get(key);
      if (known === undefined || newest > known) byKey.set(key, newest);
    }
  }

  /** The newest date of something that happened in a record's rows of a file (see above). */
  latestDate(file: string, key: string): IsoDate | undefined {
    return this.latestDates.get(file)?.get(key);
  }

  /** Resolves every reference column against the ids of the table it names. */
  checkReferences(): void {
    for (const ref of this.pendingReferences) {
      // The unreadable table has its own message; repeating it for every row that names one
      // of its ids would bury it.
      if (this.unreadableTables.has(ref.table)) continue;
      if (!this.idsOf(ref.table).has(ref.value)) {
        this.report({
          file: ref.file,
          line: ref.line,
          column: ref.column,
          problem: `编号 ${quote(ref.value)} 在 ${this.displayPath(ref.table)} 中不存在`,
          allowed: `${ref.table} 中已有的编号`,
        });
      }
    }
    this.pendingReferences.length = 0;
  }
}
