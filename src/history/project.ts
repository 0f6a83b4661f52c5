import { findPersonalData } from "../privacy/detectors.ts";
import type { PrivacyAllowlist } from "../privacy/allowlist.ts";
import type { CommitChanges } from "./read.ts";
import type { Cells } from "./records.ts";
import { normalizeCell } from "./records.ts";
import type { RowChange, TrackedTable } from "./tables.ts";

/**
 * How one data file of a register is shown in history. Only `labels` columns are ever shown;
 * `visible` narrows them per version of a row (a letter's text only with its writer's
 * consent, then and now).
 */
export interface HistorySource {
  /** The register (URL segment) the file belongs to. */
  register: string;
  /** `items`: one row per record; `events`: many dated rows per record (a timeline). */
  role: "items" | "events";
  table: TrackedTable;
  /** Public columns with the names readers see, in the order changes list them. */
  labels: ReadonlyMap<string, string>;
  /**
   * Which public columns of one version of a row may be shown, given the record's current
   * row (undefined when it is no longer in the data). Without it every public column may.
   */
  visible?: (version: Cells, current: Cells | undefined) => (column: string) => boolean;
  /** How a value reads (a region code as its name); raw by default. */
  display?: (column: string, value: string) => string;
}

/** A value withheld because it looks like personal data. */
export const WITHHELD_VALUE = "（含疑似个人信息，不予显示）";

export interface FieldChange {
  column: string;
  label: string;
  /** "" when empty. */
  before: string;
  after: string;
}

export interface EventChange {
  change: "added" | "removed" | "changed";
  /** The event's date and kind, as its row says. */
  date: string;
  kind: string;
  /** The status the event set, if any (new events). */
  status?: string;
  fields: FieldChange[];
}

/** One published change of one record: what a commit did to it. */
export interface RecordChange {
  register: string;
  record: string;
  commit: string;
  /** Day of the commit (committer's time zone), YYYY-MM-DD. */
  date: string;
  /** The commit's full timestamp, for ordering and feeds. */
  timestamp: string;
  /** added: first published; removed: taken out of the data; changed: fields or events. */
  kind: "added" | "changed" | "removed";
  fields: FieldChange[];
  events: EventChange[];
}

export interface ProjectOptions {
  sources: readonly HistorySource[];
  /** Each source's current rows by record, for `visible` (only sources that have it). */
  current: (source: HistorySource, record: string) => Cells | undefined;
  allowlist: PrivacyAllowlist;
}

function shownValue(value: string, allowlist: PrivacyAllowlist): string {
  const hits = findPersonalData(value).filter((hit) => !allowlist.allows(hit));
  return hits.length > 0 ? WITHHELD_VALUE : value;
}

/**
 * Turns what commits did to data files into what readers may see: per record, per commit,
 * the public fields that changed (old → new), new, corrected and removed events, and when
 * the record was first published or taken out. Changes that leave every visible field the
 * same (a private column, whitespace) are not there at all.
 */
export function projectHistory(
  commits: readonly CommitChanges[],
  options: ProjectOptions,
): RecordChange[] {
  const sourceByFile = new Map(options.sources.map((source) => [source.table.file, source]));
  const out: RecordChange[] = [];
  for (const commit of commits) {
    const byRecord = new Map<string, RecordChange>();
    const entry = (register: string, record: string): RecordChange => {
      const key = `${register}\u0000${record}`;
      let change = byRecord.get(key);
      if (!change) {
        change = {
          register,
          record,
          commit: commit.id,
          date: commit.date.slice(0, 10),
          timestamp: commit.date,
          kind: "changed",
          fields: [],
          events: [],
        };
        byRecord.set(key, change);
      }
      return change;
    };
    for (const table of commit.tables) {
      const source = sourceByFile.get(table.file);
      if (!source || !table.readable) continue;
      for (const row of table.rows) {
        if (source.role === "items") projectItemRow(source, row, entry, options);
        else projectEventRow(source, row, entry, options);
      }
    }
    for (const change of byRecord.values()) {
      if (change.kind !== "changed" || change.fields.length > 0 || change.events.length > 0) {
        out.push(change);
      }
    }
  }
  return out;
}

type Entry = (register: string, record: string) => RecordChange;

function visibility(
  source: HistorySource,
  record: string,
  versions: readonly (Cells | undefined)[],
  options: ProjectOptions,
): (column: string) => boolean {
  if (!source.visible) return (column) => source.labels.has(column);
  const current = options.current(source, record);
  const tests = versions.map((version) => source.visible?.(version ?? {}, current));
  return (column) => source.labels.has(column) && tests.every((test) => test?.(column) ?? false);
}

function fieldChanges(
  source: HistorySource,
  before: Cells,
  after: Cells,
  visible: (column: string) => boolean,
  allowlist: PrivacyAllowlist,
): FieldChange[] {
  const fields: FieldChange[] = [];
  for (const [column, label] of source.labels) {
    if (!visible(column)) continue;
    const old = before[column] ?? "";
    const now = after[column] ?? "";
    if (normalizeCell(old) === normalizeCell(now)) continue;
    const display = (value: string) =>
      value === "" ? "" : shownValue(source.display?.(column, value) ?? value, allowlist);
    fields.push({ column, label, before: display(old), after: display(now) });
  }
  return fields;
}

function projectItemRow(
  source: HistorySource,
  row: RowChange,
  entry: Entry,
  options: ProjectOptions,
): void {
  if (row.change === "added" || row.change === "removed") {
    const change = entry(source.register, row.record);
    change.kind = row.change;
    return;
  }
  const before = row.before ?? {};
  const after = row.after ?? {};
  const visible = visibility(source, row.record, [before, after], options);
  const fields = fieldChanges(source, before, after, visible, options.allowlist);
  if (fields.length > 0) entry(source.register, row.record).fields.push(...fields);
}

function projectEventRow(
  source: HistorySource,
  row: RowChange,
  entry: Entry,
  options: ProjectOptions,
): void {
  const cells = row.after ?? row.before ?? {};
  const event: EventChange = {
    change: row.change,
    date: cells["date"] ?? "",
    kind: cells["kind"] ?? "",
    fields: [],
  };
  if (row.change === "added") {
    const status = row.after?.["status"];
    if (status) event.status = status;
  } else if (row.change === "removed") {
    // What was taken out, shown as a change to nothing, so a quiet deletion shows.
    const before = row.before ?? {};
    const visible = visibility(source, row.record, [before], options);
    event.fields = fieldChanges(source, before, {}, visible, options.allowlist);
  } else {
    const before = row.before ?? {};
    const after = row.after ?? {};
    const visible = visibility(source, row.record, [before, after], options);
    event.fields = fieldChanges(source, before, after, visible, options.allowlist);
    if (event.fields.length === 0) return;
  }
  entry(source.register, row.record).events.push(event);
}
