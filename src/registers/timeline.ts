import { choice, date, reference, text, url } from "../data/fields.ts";
import type { Column } from "../data/fields.ts";
import type { IsoDate } from "../data/dates.ts";
import { defineTable } from "../data/table.ts";
import type { TableSpec } from "../data/table.ts";
import type { StatusVocabulary, Tone, Vocabulary } from "./vocabulary.ts";

/**
 * The timeline file every register has: one row per dated event about one item (a status
 * change, a progress note, a reply, a 批示, a source). Its columns are the same in every
 * register; only the event kinds and the statuses differ.
 */
export interface TimelineColumns<S extends string, K extends string> {
  [name: string]: Column<unknown>;
  /** The item this event belongs to (its id in the items file). */
  item_id: Column<string>;
  /** The day the event happened. */
  date: Column<IsoDate>;
  /** What kind of event this is. */
  kind: Column<K>;
  /** The item's status after this event; empty when the event did not change it. */
  status: Column<S | undefined>;
  /** What happened, in one or two sentences. */
  summary: Column<string>;
  /** Where it was published, if anywhere. */
  source_url: Column<string | undefined>;
}

export interface TimelineTableOptions<S extends string, K extends string> {
  /** Timeline file name, e.g. `exposure-updates.csv`. */
  file: string;
  title: string;
  /** The items file whose ids `item_id` must name. */
  itemsFile: string;
  statuses: StatusVocabulary<S>;
  kinds: Vocabulary<K>;
}

export function timelineTable<S extends string, K extends string>(
  options: TimelineTableOptions<S, K>,
): TableSpec<TimelineColumns<S, K>> {
  return defineTable<TimelineColumns<S, K>>({
    file: options.file,
    title: options.title,
    columns: {
      item_id: reference({ doc: "事项编号,须是问题清单中已有的编号", table: options.itemsFile }),
      date: date({ doc: "事件发生的日期" }),
      kind: choice(options.kinds.values, { doc: "事件类型" }),
      status: choice(options.statuses.values, {
        doc: "本事件之后事项的状态;事件没有改变状态时留空",
        required: false,
      }),
      summary: text({ doc: "发生了什么,一两句话", max: 500 }),
      source_url: url({ doc: "公开来源的网址(报道、通报等),没有则留空", required: false }),
    },
  });
}

/** One dated event, decoded, with the line it came from. */
export interface TimelineEvent<S extends string = string, K extends string = string> {
  itemId: string;
  date: IsoDate;
  kind: K;
  /** The status the item had after this event; undefined when unchanged. */
  status: S | undefined;
  summary: string;
  sourceUrl: string | undefined;
  /** Line in the timeline file, for messages and as a stable tie-break. */
  line: number;
}

/** Oldest first; events of the same day keep the order of the file. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line;
}

/** Groups events by item in one pass and orders each item's events oldest first. */
export function groupTimelines<E extends TimelineEvent>(events: readonly E[]): Map<string, E[]> {
  const byItem = new Map<string, E[]>();
  for (const event of events) {
    const list = byItem.get(event.itemId);
    if (list) list.push(event);
    else byItem.set(event.itemId, [event]);
  }
  for (const list of byItem.values()) list.sort(compareEvents);
  return byItem;
}

/** The status set by the newest event that set one, or undefined if none did. */
export function latestStatus<S extends string>(
  ordered: readonly TimelineEvent<S>[],
): TimelineEvent<S> | undefined {
  for (let i = ordered.length - 1; i >= 0; i--) {
    const event = ordered[i];
    if (event?.status !== undefined) return event;
  }
  return undefined;
}

/** An event as an item page's timeline shows it. */
export interface TimelineEntry {
  date: IsoDate;
  /** The event kind's word, e.g. 回音壁. */
  kind: string;
  /** The status the event moved the item to, if it changed it. */
  status?: { label: string; tone: Tone } | undefined;
  summary: string;
  sourceUrl?: string | undefined;
}
