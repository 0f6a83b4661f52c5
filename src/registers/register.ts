import type { DataContext } from "../data/context.ts";
import type { IsoDate } from "../data/dates.ts";
import type { Columns, RowOf } from "../data/fields.ts";
import type { DataIssue } from "../data/issues.ts";
import { quote } from "../data/issues.ts";
import type { Located, TableSpec } from "../data/table.ts";
import { groupTimelines } from "./timeline.ts";
import type { TimelineColumns, TimelineEvent } from "./timeline.ts";
import type { StatusVocabulary, Vocabulary } from "./vocabulary.ts";
import { describeOrder } from "./vocabulary.ts";

/**
 * A register (台账): a CSV of tracked matters with stable editor-given ids, a timeline CSV
 * of dated events about them, and the vocabulary of statuses a matter moves through. What
 * differs between registers is this spec and the page templates; reading, checking and
 * ordering the timeline are the same for all.
 */
export interface RegisterSpec<I extends Columns, S extends string, K extends string> {
  /** URL segment and file stem, e.g. `exposures`. Never change it once published. */
  key: string;
  /** The register's name as readers know it, e.g. 环保曝光台. */
  title: string;
  items: TableSpec<I>;
  timeline: TableSpec<TimelineColumns<S, K>>;
  statuses: StatusVocabulary<S>;
  kinds: Vocabulary<K>;
  /** The date column at which an item enters the register; no event may precede it. */
  opened: { column: keyof I & string; label: string };
  /** What the shared checks need to know about an item row. */
  essentials: (row: RowOf<I>) => ItemEssentials<S>;
  /**
   * Date columns of the items file that record when the item first reached a status
   * (`rectified_on` for 已整改): each must be the date of the first timeline event that
   * took the item to that status or beyond, so the register never publishes two dates.
   */
  statusDates?: readonly { column: keyof I & string; status: S }[];
}

export interface ItemEssentials<S extends string> {
  id: string;
  status: S;
  openedOn: IsoDate;
  /** The item's own dates of reaching statuses (see `RegisterSpec.statusDates`). */
  statusDates?: readonly { column: string; status: S; date: IsoDate | undefined }[];
}

export interface RegisterRows<I extends Columns, S extends string, K extends string> {
  /** Valid item rows, in file order. */
  items: Located<RowOf<I>>[];
  /** Each item's events, oldest first (same-day events in file order). */
  timelines: ReadonlyMap<string, TimelineEvent<S, K>[]>;
}

/**
 * Reads a register's two files through the one data path and runs the checks every
 * register shares (see `checkTimeline`). Reference checks (an event naming an unknown item)
 * run later in `ctx.checkReferences()`, once every table is read.
 */
export function readRegister<I extends Columns, S extends string, K extends string>(
  ctx: DataContext,
  spec: RegisterSpec<I, S, K>,
): RegisterRows<I, S, K> {
  const items = ctx.read(spec.items);
  const eventRows = ctx.read(spec.timeline);
  const events: TimelineEvent<S, K>[] = eventRows.map(({ line, row }) => ({
    itemId: row.item_id,
    date: row.date,
    kind: row.kind,
    status: row.status,
    summary: row.summary,
    sourceUrl: row.source_url,
    line,
  }));
  const timelines = groupTimelines(events);
  const itemsFile = ctx.displayPath(spec.items.file);
  const timelineFile = ctx.displayPath(spec.timeline.file);
  for (const { line, row } of items) {
    const statusDates = (spec.statusDates ?? []).map(({ column, status }) => {
      const value: unknown = row[column];
      return { column, status, date: typeof value === "string" ? value : undefined };
    });
    const item = { ...spec.essentials(row), statusDates, line };
    const issues = checkTimeline({
      itemsFile,
      timelineFile,
      statuses: spec.statuses,
      opened: spec.opened,
      item,
      events: timelines.get(item.id) ?? [],
    });
    for (const issue of issues) ctx.report(issue);
  }
  return { items, timelines };
}

export interface TimelineCheckInput<S extends string> {
  /** Files as named in messages, e.g. `data/exposures.csv`. */
  itemsFile: string;
  timelineFile: string;
  statuses: StatusVocabulary<S>;
  opened: { column: string; label: string };
  item: ItemEssentials<S> & { line: number };
  /** The item's events, oldest first. */
  events: readonly TimelineEvent<S>[];
}

/**
 * The checks every register's timeline gets:
 * - no event is dated before the item entered the register;
 * - statuses only move forward in the vocabulary's order (repeating one is fine);
 * - the item's `status` cell equals the status the newest status-setting event left it in.
 */
export function checkTimeline<S extends string>(input: TimelineCheckInput<S>): DataIssue[] {
  const { item, statuses, timelineFile } = input;
  const issues: DataIssue[] = [];
  let reached: TimelineEvent<S> | undefined;
  let latest: TimelineEvent<S> | undefined;
  for (const event of input.events) {
    if (event.date < item.openedOn) {
      issues.push({
        file: timelineFile,
        line: event.line,
        column: "date",
        problem: `日期 ${event.date} 早于事项 ${item.id} 的${input.opened.label} ${item.openedOn}`,
        allowed: `不早于事项的${input.opened.label}(${input.opened.column})`,
      });
    }
    if (event.status === undefined) continue;
    latest = event;
    if (
      reached?.status !== undefined &&
      statuses.rank(event.status) < statuses.rank(reached.status)
    ) {
      issues.push({
        file: timelineFile,
        line: event.line,
        column: "status",
        problem: `状态${quote(event.status)}倒退:事项 ${item.id} 在第 ${reached.line} 行(${reached.date})已是${quote(reached.status)}`,
        allowed: `状态按 ${describeOrder(statuses)} 的顺序前进或保持不变`,
      });
      continue;
    }
    reached = event;
  }
  for (const { column, status, date } of item.statusDates ?? []) {
    if (date === undefined) continue;
    const reached = input.events.find(
      (event) => event.status !== undefined && statuses.rank(event.status) >= statuses.rank(status),
    );
    if (reached && reached.date !== date) {
      issues.push({
        file: input.itemsFile,
        line: item.line,
        column,
        problem: `日期 ${date} 与时间线中事项首次达到${quote(status)}的日期 ${reached.date}(${timelineFile}:${reached.line})不一致`,
        allowed: "两处写同一天:以实际发生的日期为准,改正错的一处",
      });
    }
  }
  if (latest?.status !== undefined && latest.status !== item.status) {
    issues.push({
      file: input.itemsFile,
      line: item.line,
      column: "status",
      problem: `状态${quote(item.status)}与时间线最新状态${quote(latest.status)}(${timelineFile}:${latest.line})不一致`,
      allowed: "与时间线中该事项最新一条填了状态的事件相同",
    });
  }
  return issues;
}
