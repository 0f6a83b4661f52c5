import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeDataFile } from "./decode.ts";
import { parseCsv } from "./csv.ts";
import type { Column, Columns, RowOf } from "./fields.ts";
import { columnEntries } from "./table.ts";
import type { Located, TableSpec } from "./table.ts";
import type { DataIssue } from "./issues.ts";
import { WHOLE_FILE, quote } from "./issues.ts";
import type { IsoDate } from "./dates.ts";

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

  constructor(dataDir: string, displayDir: string, asOf: IsoDate) {
    this.dataDir = dataDir;
    this.displayDir = displayDir;
    this.asOf = asOf;
  }

  displayPath(file: string): string {
    return `${this.displayDir}/${file}`;
  }

  report(issue: DataIssue): void {
    this.issues.push(issue);
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
        if (typeof value !== "string") continue;
        if (column.kind === "date" && !column.plannedDate && value > this.asOf) {
          this.report({
            file,
            line: record.line,
            column: name,
            problem: `日期 ${value} 晚于数据截至日期 ${this.asOf}`,
            allowed: "不晚于 site.json 中的截至日期 asOf;若数据已更新,请同时更新 asOf",
          });
        }
        if (column.kind === "region" && this.regionCodes && !this.regionCodes.has(value)) {
          this.report({
            file,
            line: record.line,
            column: name,
            problem: `行政区划代码 ${quote(value)} 不在 regions.csv 中`,
            allowed: column.allowed,
          });
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
      rows.push({ line: record.line, row });
      this.noteLatestDate(spec.file, spec.primaryKey, row as Record<string, unknown>, columns);
    }
    return rows;
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
