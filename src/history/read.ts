import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { documentChange } from "./documents.ts";
import { normalizeCell } from "./records.ts";
import type { DocumentChange } from "./documents.ts";
import {
  filePathspec,
  isTracked,
  listCommits,
  mdxPathspec,
  openRepository,
  pathInRepository,
} from "./git.ts";
import type { RepositoryProblem } from "./git.ts";
import { UnreadableObjectError } from "./objects/pack.ts";
import { ObjectStore } from "./objects/store.ts";
import { tableChange } from "./tables.ts";
import type { TableChange, TrackedTable } from "./tables.ts";

/** What one commit changed in the tracked data and content. */
export interface CommitChanges {
  id: string;
  parent: string | undefined;
  /** Commit date, ISO 8601 with the committer's offset. */
  date: string;
  tables: TableChange[];
  documents: DocumentChange[];
}

export interface ReadHistoryOptions {
  dataDir: string;
  /** How the data directory is named in messages, e.g. `data`. */
  dataDisplay: string;
  /** The content directory (MDX); its documents are tracked when it is in the same repository. */
  contentDir?: string;
  tables: readonly TrackedTable[];
  /**
   * Where results are kept per commit; default `GONGSHI_HISTORY_CACHE`, else
   * `node_modules/.cache/gongshi/history`.
   */
  cacheDir?: string;
}

export type CommitHistory =
  | {
      available: true;
      head: string;
      /** Oldest first. */
      commits: CommitChanges[];
      /** Commits read now rather than from the cache, and the time the step took. */
      read: number;
      milliseconds: number;
    }
  | { available: false; problem: RepositoryProblem; message: string };

/**
 * Bumped whenever what is cached per commit changes shape or meaning. What counts as a change
 * (`normalizeCell`) is part of the key by its own source, so editing it cannot leave stale
 * results behind.
 */
const CACHE_VERSION = 3;

/**
 * Reads what every commit on HEAD's first-parent line did to the tracked files. Each
 * commit's result is cached by its id (a commit never changes), so a build reads only the
 * commits it has not seen; the cache directory is named by everything that shapes the
 * result (tracked files and columns, where the data lives), so a change there starts over.
 */
export function readCommitHistory(options: ReadHistoryOptions): CommitHistory {
  const started = performance.now();
  const opened = openRepository(options.dataDir, options.dataDisplay);
  if (!opened.ok) return { available: false, problem: opened.problem, message: opened.message };
  const repository = opened.repository;
  const dataPrefix = pathInRepository(repository, options.dataDir);
  if (dataPrefix === undefined || !isTracked(repository, dataPrefix)) {
    return {
      available: false,
      problem: "untracked",
      message: `${options.dataDisplay} 中的文件没有提交到 git，没有修改历史`,
    };
  }
  const contentPrefix =
    options.contentDir !== undefined ? pathInRepository(repository, options.contentDir) : undefined;
  const tablesByPath = new Map(options.tables.map((table) => [dataPrefix + table.file, table]));
  const pathspecs = [...tablesByPath.keys()].map(filePathspec);
  if (contentPrefix !== undefined) pathspecs.push(mdxPathspec(contentPrefix));

  const fingerprint = createHash("sha256")
    .update(
      JSON.stringify({
        CACHE_VERSION,
        normalize: normalizeCell.toString(),
        dataPrefix,
        contentPrefix,
        tables: options.tables,
      }),
    )
    .digest("hex")
    .slice(0, 16);
  const cacheDir = join(
    resolve(
      options.cacheDir ??
        process.env["GONGSHI_HISTORY_CACHE"] ??
        "node_modules/.cache/gongshi/history",
    ),
    fingerprint,
  );

  const commits = listCommits(repository, pathspecs);
  const cached = readCache(cacheDir);
  let store: ObjectStore | undefined;
  const lastReadable = new Map<string, string | undefined>();
  const results: CommitChanges[] = [];
  const fresh: CommitChanges[] = [];
  try {
    for (const commit of commits) {
      let changes = cached.get(commit.id);
      if (!changes) {
        store ??= new ObjectStore({
          objectsDir: repository.objectsDir,
          hashSize: repository.hashSize,
        });
        changes = {
          id: commit.id,
          parent: commit.parent,
          date: commit.date,
          tables: [],
          documents: [],
        };
        for (const file of commit.files) {
          const table = tablesByPath.get(file.path);
          if (table) {
            // After an unreadable version, compare with the last readable one.
            const before = lastReadable.has(file.path) ? lastReadable.get(file.path) : file.before;
            changes.tables.push(tableChange(store, table, { before, after: file.after }));
          } else if (contentPrefix !== undefined && file.path.startsWith(contentPrefix)) {
            const change = documentChange(store, file.path.slice(contentPrefix.length), file);
            if (change) changes.documents.push(change);
          }
        }
        fresh.push(changes);
        store.compact();
      }
      for (const table of changes.tables) {
        if (table.readable) lastReadable.set(tablePath(dataPrefix, table), table.blob);
      }
      results.push(changes);
    }
  } catch (error) {
    if (!(error instanceof UnreadableObjectError)) throw error;
    return {
      available: false,
      problem: "unreadable",
      message: `无法读取仓库中的对象（${error.message}），不显示修改历史`,
    };
  } finally {
    store?.close();
    writeCache(cacheDir, fresh);
  }
  return {
    available: true,
    head: repository.head,
    commits: results,
    read: fresh.length,
    milliseconds: performance.now() - started,
  };
}

/**
 * The cache: files of commits' results, each written once by the build that read them (one
 * file per build, not per commit: thousands of small writes cost more than the reading).
 * A commit's result never changes, so any file that has it is right.
 */
function readCache(cacheDir: string): Map<string, CommitChanges> {
  const known = new Map<string, CommitChanges>();
  if (!existsSync(cacheDir)) return known;
  for (const name of readdirSync(cacheDir).sort()) {
    if (!name.endsWith(".json")) continue;
    for (const changes of JSON.parse(
      readFileSync(join(cacheDir, name), "utf8"),
    ) as CommitChanges[]) {
      known.set(changes.id, changes);
    }
  }
  return known;
}

function writeCache(cacheDir: string, fresh: readonly CommitChanges[]): void {
  const last = fresh[fresh.length - 1];
  if (!last) return;
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `${last.id}-${fresh.length}.json`);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(fresh));
  renameSync(temporary, file);
}

function tablePath(dataPrefix: string, table: TableChange): string {
  return dataPrefix + table.file;
}
