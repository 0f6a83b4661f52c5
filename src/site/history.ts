import type { ColumnDoc, TableDescription } from "../data/tables.ts";
import type { DataIssue } from "../data/issues.ts";
import { withdrawalsTable } from "../data/withdrawals.ts";
import type { Withdrawal } from "../data/withdrawals.ts";
import { currentRows } from "../history/current.ts";
import type { DocumentChange } from "../history/documents.ts";
import { projectHistory } from "../history/project.ts";
import type { HistorySource, RecordChange } from "../history/project.ts";
import { readCommitHistory } from "../history/read.ts";
import type { CommitChanges } from "../history/read.ts";
import type { RepositoryProblem } from "../history/git.ts";
import type { Cells } from "../history/records.ts";
import type { TrackedTable } from "../history/tables.ts";
import { registers } from "../registers/index.ts";
import { itemHref } from "../registers/listing.ts";
import type { AnyRegister } from "../registers/module.ts";
import { getDataset, itemsTable } from "./dataset.ts";
import type { Dataset } from "./dataset.ts";

/**
 * The site's change history (修改记录): what every commit on the published branch did to the
 * registers' records, as readers may see it, built from the registry so every register the
 * city runs has it without code of its own. Registers with private columns say what may show
 * (`RegisterModule.history`); everything else in their files is public, as in the downloads.
 */
export interface SiteHistory {
  available: boolean;
  /** Why there is no history, in words for the build log (undefined when there is). */
  message: string | undefined;
  /** The kind of reason (a shallow clone, data outside git…). */
  problem: RepositoryProblem | undefined;
  /** Every published change of a record, newest first. */
  changes: readonly RecordChange[];
  /** Changes to MDX documents, newest first. */
  documents: readonly (DocumentChange & { commit: string; date: string })[];
  /** A record's changes, newest first. */
  forRecord(register: string, id: string): readonly RecordChange[];
  /** Records that have been in a register's file, with the last commit that had them. */
  published(register: string): ReadonlyMap<string, PublishedRecord>;
  /** The web address of a commit, when site.json names the repository. */
  commitUrl(commit: string): string | undefined;
  /** Commits read, commits read now (not from the cache), and the step's time. */
  commits: number;
  read: number;
  milliseconds: number;
}

export interface PublishedRecord {
  /** Whether the record is in the file at HEAD. */
  present: boolean;
  /** The newest commit whose data holds the record. */
  lastCommit: string;
  /** The commit that took it out, if it is out. */
  removedIn?: { commit: string; date: string };
}

/** A column's short name for readers: its documentation up to the first pause. */
export function columnLabel(column: ColumnDoc): string {
  return column.doc.split(/[,，;；(（:：。]/)[0]?.trim() || column.doc;
}

const EVENT_IDENTITY = ["date", "kind"];

/**
 * The columns of each file a register publishes in its downloads (its public projections):
 * what history may show of a register without rules of its own.
 */
export function publishedColumns(
  register: AnyRegister,
  dataset: Dataset,
): ReadonlyMap<string, ReadonlySet<string>> {
  const data = dataset.registerData.get(register.key);
  const byFile = new Map<string, Set<string>>();
  if (data === undefined) return byFile;
  for (const table of register.module.openData(data, dataset)) {
    let columns = byFile.get(table.spec.file);
    if (!columns) byFile.set(table.spec.file, (columns = new Set()));
    for (const column of Object.keys(table.spec.columns)) columns.add(column);
  }
  return byFile;
}

/**
 * What history reads and shows of each file of a register, from its table descriptions:
 * the columns its downloads publish (`published`, by file), or what its own rules allow
 * (`RegisterModule.history`); a column published nowhere is never shown.
 */
export function registerHistorySources(
  register: AnyRegister,
  dataset: Pick<Dataset, "regionsByCode">,
  published: ReadonlyMap<string, ReadonlySet<string>>,
): HistorySource[] {
  const items = itemsTable(register);
  if (!items?.primaryKey) return [];
  const rules = register.module.history;
  const source = (
    table: TableDescription,
    role: HistorySource["role"],
    record: string,
  ): HistorySource => {
    const publicColumns = rules
      ? rules.publicColumns(table.file)
      : Object.keys(table.columns).filter((column) => published.get(table.file)?.has(column));
    const context = rules?.contextColumns?.(table.file) ?? [];
    const identity =
      role === "events" && EVENT_IDENTITY.every((column) => column in table.columns)
        ? [record, ...EVENT_IDENTITY]
        : role === "events"
          ? Object.keys(table.columns)
          : undefined;
    const tracked: TrackedTable = {
      file: table.file,
      record,
      columns: [...new Set([record, ...publicColumns, ...context, ...(identity ?? [])])],
    };
    if (identity) {
      tracked.row = identity;
      tracked.brief = ["date", "kind", "status"].filter((column) => column in table.columns);
    }
    const labels = new Map<string, string>();
    for (const column of publicColumns) {
      const doc = table.columns[column];
      if (doc && column !== record) labels.set(column, columnLabel(doc));
    }
    const historySource: HistorySource = {
      register: register.key,
      role,
      table: tracked,
      labels,
      display: (column, value) => {
        if (table.columns[column]?.kind !== "region") return value;
        const region = dataset.regionsByCode.get(value);
        return region ? region.name : value;
      },
    };
    const visible = rules?.visible;
    if (visible) {
      historySource.visible = (version, current) => visible(table.file, version, current);
    }
    return historySource;
  };
  const sources = [source(items, "items", items.primaryKey)];
  for (const table of register.tables) {
    if (table === items) continue;
    const reference = Object.entries(table.columns).find(
      ([, column]) => column.kind === "reference" && column.references === items.file,
    );
    if (reference) sources.push(source(table, "events", reference[0]));
  }
  return sources;
}

function commitUrlOf(dataset: Dataset): (commit: string) => string | undefined {
  const { commitUrl, repositoryUrl } = dataset.site.history;
  if (commitUrl) return (commit) => commitUrl.replace("{commit}", commit);
  if (repositoryUrl) return (commit) => `${repositoryUrl.replace(/\/+$/, "")}/commit/${commit}`;
  return () => undefined;
}

/** Where each record of the items files has been, walking the commits oldest first. */
function publishedRecords(
  commits: readonly CommitChanges[],
  head: string,
  sources: readonly HistorySource[],
): Map<string, Map<string, PublishedRecord>> {
  const byRegister = new Map<string, Map<string, PublishedRecord>>();
  const itemFiles = new Map(
    sources.filter((s) => s.role === "items").map((s) => [s.table.file, s.register]),
  );
  for (const commit of commits) {
    for (const table of commit.tables) {
      const register = itemFiles.get(table.file);
      if (register === undefined || !table.readable) continue;
      let records = byRegister.get(register);
      if (!records) byRegister.set(register, (records = new Map()));
      for (const row of table.rows) {
        if (row.change === "added") {
          records.set(row.record, { present: true, lastCommit: head });
        } else if (row.change === "removed") {
          records.set(row.record, {
            present: false,
            lastCommit: commit.parent ?? commit.id,
            removedIn: { commit: commit.id, date: commit.date.slice(0, 10) },
          });
        }
      }
    }
  }
  return byRegister;
}

const EMPTY: ReadonlyMap<string, PublishedRecord> = new Map();

/** Reads and projects the history of the dataset's registers. */
export function readSiteHistory(dataset: Dataset): SiteHistory {
  const { dataDir } = dataset;
  const sources = registers
    .filter((register) => dataset.site.sections.includes(register.key))
    .flatMap((register) =>
      registerHistorySources(register, dataset, publishedColumns(register, dataset)),
    );
  const commitUrl = commitUrlOf(dataset);
  const raw = readCommitHistory({
    dataDir,
    dataDisplay: dataset.dataDisplay,
    contentDir: process.env["GONGSHI_CONTENT_DIR"] ?? "content",
    tables: sources.map((source) => source.table),
  });
  if (!raw.available) {
    return {
      available: false,
      message: raw.message,
      problem: raw.problem,
      changes: [],
      documents: [],
      forRecord: () => [],
      published: () => EMPTY,
      commitUrl,
      commits: 0,
      read: 0,
      milliseconds: 0,
    };
  }
  const currentBySource = new Map<HistorySource, ReadonlyMap<string, Cells>>();
  const changes = projectHistory(raw.commits, {
    sources,
    allowlist: dataset.privacyAllowlist,
    current: (source, record) => {
      let rows = currentBySource.get(source);
      if (!rows) {
        rows = currentRows(dataDir, source.table.file, source.table.record, source.table.columns);
        currentBySource.set(source, rows);
      }
      return rows.get(record);
    },
  }).reverse();
  const byRecord = new Map<string, RecordChange[]>();
  for (const change of changes) {
    const key = `${change.register}\u0000${change.record}`;
    const list = byRecord.get(key);
    if (list) list.push(change);
    else byRecord.set(key, [change]);
  }
  const documents = raw.commits
    .flatMap((commit) =>
      commit.documents.map((document) => ({
        ...document,
        commit: commit.id,
        date: commit.date.slice(0, 10),
      })),
    )
    .reverse();
  const published = publishedRecords(raw.commits, raw.head, sources);
  return {
    available: true,
    message: undefined,
    problem: undefined,
    changes,
    documents,
    forRecord: (register, id) => byRecord.get(`${register}\u0000${id}`) ?? [],
    published: (register) => published.get(register) ?? EMPTY,
    commitUrl,
    commits: raw.commits.length,
    read: raw.read,
    milliseconds: raw.milliseconds,
  };
}

/**
 * The site's history, read once per process (Astro renders pages from two copies of the
 * modules; both ask here). Says what it read, or why there is none, once. When site.json
 * requires history and there is none, throws: the build stops rather than publish without.
 */
const CACHE_KEY = Symbol.for("gongshi.history");
const shared = globalThis as typeof globalThis & { [CACHE_KEY]?: WeakMap<Dataset, SiteHistory> };
const histories: WeakMap<Dataset, SiteHistory> = (shared[CACHE_KEY] ??= new WeakMap());

export function getSiteHistory(dataset: Dataset = getDataset()): SiteHistory {
  let history = histories.get(dataset);
  if (history) return history;
  history = readSiteHistory(dataset);
  histories.set(dataset, history);
  if (!history.available) {
    if (dataset.site.history.required) {
      throw new Error(`site.json 要求显示修改历史（history.required），但${history.message}`);
    }
    console.warn(`修改历史：不显示。${history.message}`);
  } else {
    console.log(
      `修改历史：${history.commits} 次提交（本次新读 ${history.read} 次），${history.changes.length} 条修改，用时 ${(history.milliseconds / 1000).toFixed(1)} 秒`,
    );
  }
  return history;
}

/** A withdrawn record with the register whose URL it keeps. */
export interface WithdrawnRecord extends Withdrawal {
  register: AnyRegister;
  /** The address the record had, and keeps: `<items' base><id>/`. */
  path: string;
}

/**
 * Where a register's items have their pages (`/exposures/`, `/hearings/problems/`): the base
 * of its listing, whose rows link to them.
 */
export function itemsBase(register: AnyRegister, dataset: Dataset): string {
  const data = dataset.registerData.get(register.key);
  return data === undefined ? register.base : register.module.listing(data, dataset).listing.base;
}

/** Whether a register's id column accepts an id (its pattern, when the column has one). */
function acceptsId(register: AnyRegister, id: string): boolean {
  const table = itemsTable(register);
  const column = table?.primaryKey ? table.columns[table.primaryKey] : undefined;
  // Tables are TableSpecs at run time: their columns carry the zod schema that checks ids.
  const schema = (column as { schema?: { safeParse: (value: string) => { success: boolean } } })
    ?.schema;
  return schema ? schema.safeParse(id).success : false;
}

/**
 * The register each withdrawal belongs to: the one whose file had the id, by the history; or,
 * without history, the one register whose id pattern fits.
 */
export function withdrawnRecords(dataset: Dataset, history: SiteHistory): WithdrawnRecord[] {
  const running = registers.filter((register) => dataset.site.sections.includes(register.key));
  return dataset.withdrawals.flatMap((withdrawal) => {
    const byHistory = running.filter((register) =>
      history.published(register.key).has(withdrawal.id),
    );
    const candidates =
      byHistory.length > 0 ? byHistory : running.filter((r) => acceptsId(r, withdrawal.id));
    const register = candidates.length === 1 ? candidates[0] : undefined;
    if (!register) return [];
    return [
      {
        ...withdrawal,
        register,
        path: itemHref({ base: itemsBase(register, dataset) }, withdrawal.id),
      },
    ];
  });
}

const short = (commit: string) => commit.slice(0, 10);

/**
 * What the history says is wrong with the data: a published record removed without a
 * withdrawal (its URL would break), and a withdrawal of an id never published. Only with a
 * readable history; without one there is nothing to compare with.
 */
export function historyIssues(dataset: Dataset, history: SiteHistory): DataIssue[] {
  if (!history.available) return [];
  const issues: DataIssue[] = [];
  const withdrawnFile = `${dataset.dataDisplay}/${withdrawalsTable.file}`;
  const withdrawn = new Set(dataset.withdrawals.map((withdrawal) => withdrawal.id));
  for (const register of registers) {
    const table = itemsTable(register);
    const data = dataset.registerData.get(register.key);
    if (!table || data === undefined) continue;
    const current = dataset.idsOf(table.file);
    for (const [id, record] of history.published(register.key)) {
      if (current.has(id) || withdrawn.has(id)) continue;
      const where = record.removedIn
        ? `最后见于提交 ${short(record.lastCommit)}，在 ${record.removedIn.date} 的提交 ${short(record.removedIn.commit)} 中删去`
        : `最后见于提交 ${short(record.lastCommit)}（当前提交），工作区中已删去`;
      issues.push({
        file: withdrawnFile,
        line: 1,
        column: "id",
        problem: `已发布的编号 ${id}（${register.title}）不在 ${dataset.dataDisplay}/${table.file} 中了：${where}`,
        allowed: `撤回已发布的记录须在 ${withdrawalsTable.file} 中登记一行（id,withdrawn_on,reason），网页保留并说明原因；若是误删，请恢复这一行`,
      });
    }
  }
  for (const withdrawal of dataset.withdrawals) {
    const everPublished = registers.some((register) =>
      history.published(register.key).has(withdrawal.id),
    );
    if (!everPublished) {
      issues.push({
        file: withdrawnFile,
        line: withdrawal.line,
        column: "id",
        problem: `编号 ${withdrawal.id} 从未在任何台账中发布过`,
        allowed: "只登记发布过、后来删去的记录；请核对编号",
      });
    }
  }
  return issues;
}
