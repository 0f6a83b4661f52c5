import type { IsoDate } from "../data/dates.ts";
import type { FieldChange, RecordChange } from "../history/project.ts";

import type { FeedDefinition } from "../open-data/register-feeds.ts";
import { FEED_LENGTH } from "../open-data/register-feeds.ts";
import { itemHref } from "../registers/listing.ts";
import { registers } from "../registers/index.ts";
import type { AnyRegister } from "../registers/module.ts";
import type { Dataset } from "./dataset.ts";
import { getSiteHistory, withdrawnRecords } from "./history.ts";
import type { SiteHistory } from "./history.ts";

/**
 * What changed (/changes/, its feed, the home page's five latest): every published change of
 * every register's records, newest first, each as one line a reader can scan: which record,
 * in which register, what happened (new, a status change, a correction, a new event, a
 * withdrawal), and the commit.
 */
export interface ChangeEntry {
  /** Unique and permanent: the commit, the register and the record. */
  key: string;
  date: IsoDate;
  timestamp: string;
  commit: string;
  commitUrl: string | undefined;
  register: { key: string; title: string };
  /** The record's id; empty for a line that stands for many records (an import). */
  record: string;
  /** The record's title as lists show it; for a withdrawn record, a neutral name. */
  title: string;
  href: string;
  /** What happened, in one sentence, e.g. 状态：整改中 → 已整改；整改措施更正. */
  summary: string;
}

/**
 * A commit adding more records than this to one register (an import) is one line, "新增 312 条",
 * linking to the register's list, rather than hundreds.
 */
export const BULK_ADDITIONS = 10;

/** Entries /changes/ lists at most; older changes stay on each record's page. */
export const CHANGES_LIMIT = 2000;
export const CHANGES_PAGE_SIZE = 50;
export const CHANGES_BASE = "/changes/";

function fieldPhrase(field: FieldChange): string {
  if (field.column === "status")
    return `状态：${field.before || "（空）"} → ${field.after || "（空）"}`;
  if (field.before === "") return `新填${field.label}`;
  if (field.after === "") return `删去${field.label}`;
  return `${field.label}更正`;
}

/** One sentence on what a change did to its record. */
export function changeSummary(change: RecordChange, withdrawal?: { reason: string }): string {
  if (change.kind === "added") return "新增";
  if (change.kind === "removed") return withdrawal ? `撤回：${withdrawal.reason}` : "删去";
  const phrases = change.fields.map(fieldPhrase);
  const count = (kind: "added" | "changed" | "removed") =>
    change.events.filter((event) => event.change === kind).length;
  if (count("added") > 0) phrases.push(`新增进展${count("added")}条`);
  if (count("changed") > 0) phrases.push(`更正进展${count("changed")}条`);
  if (count("removed") > 0) phrases.push(`删除进展${count("removed")}条`);
  return phrases.join("；");
}

const cache = new WeakMap<Dataset, ChangeEntry[]>();

/** Every change of every running register, newest first (at most `CHANGES_LIMIT`). */
export function changeEntries(
  dataset: Dataset,
  history: SiteHistory = getSiteHistory(dataset),
): ChangeEntry[] {
  const known = cache.get(dataset);
  if (known) return known;
  const byKey = new Map<
    string,
    { register: AnyRegister; base: string; titles: Map<string, string> }
  >();
  for (const register of registers) {
    const data = dataset.registerData.get(register.key);
    if (data === undefined) continue;
    const { listing, rows } = register.module.listing(data, dataset);
    byKey.set(register.key, {
      register,
      base: listing.base,
      titles: new Map(rows.map((row) => [row.id, row.title])),
    });
  }
  const withdrawals = new Map(
    withdrawnRecords(dataset, history).map((record) => [
      `${record.register.key}\u0000${record.id}`,
      record,
    ]),
  );
  const additions = new Map<string, number>();
  for (const change of history.changes) {
    if (change.kind !== "added") continue;
    const key = `${change.commit}\u0000${change.register}`;
    additions.set(key, (additions.get(key) ?? 0) + 1);
  }
  const entries: ChangeEntry[] = [];
  const grouped = new Set<string>();
  for (const change of history.changes) {
    if (entries.length >= CHANGES_LIMIT) break;
    const owner = byKey.get(change.register);
    if (!owner) continue;
    const group = `${change.commit}\u0000${change.register}`;
    const added = change.kind === "added" ? (additions.get(group) ?? 0) : 0;
    if (added > BULK_ADDITIONS) {
      if (grouped.has(group)) continue;
      grouped.add(group);
      entries.push({
        key: `${change.commit}-${change.register}-added`,
        date: change.date,
        timestamp: change.timestamp,
        commit: change.commit,
        commitUrl: history.commitUrl(change.commit),
        register: { key: owner.register.key, title: owner.register.title },
        record: "",
        title: `${owner.register.title}的${owner.register.noun}`,
        href: owner.base,
        summary: `新增${added}条`,
      });
      continue;
    }
    const withdrawal = withdrawals.get(`${change.register}\u0000${change.record}`);
    const title =
      owner.titles.get(change.record) ??
      (withdrawal ? `已撤回的${owner.register.noun}` : `已删去的${owner.register.noun}`);
    entries.push({
      key: `${change.commit}-${change.register}-${change.record}`,
      date: change.date,
      timestamp: change.timestamp,
      commit: change.commit,
      commitUrl: history.commitUrl(change.commit),
      register: { key: owner.register.key, title: owner.register.title },
      record: change.record,
      title,
      href: itemHref(owner, change.record),
      summary: changeSummary(change, withdrawal),
    });
  }
  cache.set(dataset, entries);
  return entries;
}

/** The Atom feed of /changes/: the newest changes, one entry per record and commit. */
export function changesFeed(dataset: Dataset): FeedDefinition[] {
  const history = getSiteHistory(dataset);
  if (!history.available) return [];
  return [
    {
      path: "/feeds/changes.xml",
      group: "修改记录",
      title: "修改记录：各台账的最新修改",
      subtitle: `${dataset.site.siteName}各台账每一次公开修改：新增、状态变化、更正、新进展、撤回`,
      pagePath: CHANGES_BASE,
      entries: changeEntries(dataset, history)
        .slice(0, FEED_LENGTH)
        .map((entry) => ({
          id: new URL(`${entry.href}#commit-${entry.commit}`, dataset.site.siteUrl).href,
          title: entry.record
            ? `${entry.title}（${entry.register.title} ${entry.record}）：${entry.summary}`
            : `${entry.title}：${entry.summary}`,
          updated: entry.date,
          link: new URL(entry.href, dataset.site.siteUrl).href,
          summary: `${entry.summary}。提交 ${entry.commit.slice(0, 10)}。`,
          categories: [entry.register.title],
        })),
    },
  ];
}
