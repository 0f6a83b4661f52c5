import { mkdirSync, mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { DataValidationError } from "../data/issues.ts";
import { EMPTY_ALLOWLIST } from "../privacy/allowlist.ts";
import { formatFigure } from "../figures/registry.ts";
import { currentRows } from "../history/current.ts";
import { filesAt, openRepository, pathInRepository, resolveCommit } from "../history/git.ts";
import { projectHistory } from "../history/project.ts";
import type { EventChange, FieldChange, HistorySource } from "../history/project.ts";
import type { Cells } from "../history/records.ts";
import { tableChangeOfTexts } from "../history/tables.ts";
import { registers } from "../registers/index.ts";
import { dataDirectory, loadDataset } from "./dataset.ts";
import type { Dataset } from "./dataset.ts";
import { figureCatalogue, isAvailable } from "./figures.ts";
import { publishedColumns, registerHistorySources } from "./history.ts";
import { knownSections } from "./sections.ts";
import { validateData } from "./validate.ts";
import type { DataValidation } from "./validate.ts";

/**
 * `npm run diff`: what a change to the data will publish, before it is committed (or between
 * two commits), per register: records added, removed and changed (public fields, old → new,
 * by the same rules as the published history), status transitions, and the figures that
 * change. Editors read it before committing; CI posts the Markdown form on a pull request.
 */
export interface DataDiff {
  /** What was compared, in words: `HEAD(3d26d0e1fa)` and `工作区`. */
  baseLabel: string;
  targetLabel: string;
  /** The data being published (the working tree, or the later commit), checked. */
  validation: DataValidation;
  /** Problems of the earlier data, which keep its figures from being computed. */
  baseProblems: number;
  registers: RegisterDiff[];
  figures: FigureDiff[];
  /** Files that could not be read as CSV on either side. */
  unreadable: string[];
}

export interface RecordLine {
  id: string;
  title: string;
}

export interface ChangedRecord extends RecordLine {
  fields: FieldChange[];
  events: EventChange[];
}

export interface RegisterDiff {
  key: string;
  title: string;
  added: RecordLine[];
  removed: RecordLine[];
  changed: ChangedRecord[];
  /** Status changes, e.g. 整改中 → 已整改 × 2, in the order first seen. */
  transitions: { from: string; to: string; count: number }[];
}

export interface FigureDiff {
  name: string;
  label: string;
  before: string;
  after: string;
}

export interface DiffOptions {
  /** The earlier side: a commit, branch or tag (default HEAD). */
  base?: string;
  /** The later side: a commit; by default the working tree. */
  target?: string;
  dataDir?: string;
}

export class DiffError extends Error {
  override name = "DiffError";
}

function writeTree(files: ReadonlyMap<string, Buffer>): string {
  const dir = join(mkdtempSync(join(tmpdir(), "gongshi-diff-")), "data");
  for (const [name, bytes] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  return dir;
}

function titles(dataset: Dataset | undefined, key: string): Map<string, string> {
  const register = registers.find((candidate) => candidate.key === key);
  const data = dataset?.registerData.get(key);
  if (!register || !dataset || data === undefined) return new Map();
  return new Map(register.module.listing(data, dataset).rows.map((row) => [row.id, row.title]));
}

/** The short name of a figure: its documentation up to the first colon. */
function figureLabel(doc: string): string {
  return doc.split(/[:：]/)[0]?.trim() ?? doc;
}

/** Compares the data of two commits, or of a commit and the working tree. */
export function diffData(options: DiffOptions = {}): DataDiff {
  const dataDir = options.dataDir ?? dataDirectory();
  const opened = openRepository(dataDir, "data");
  // A shallow clone still has the commit to compare with.
  if (!opened.ok && opened.problem !== "shallow") throw new DiffError(opened.message);
  const repository = opened.ok ? opened.repository : undefined;
  if (!repository) throw new DiffError(opened.ok ? "" : opened.message);
  const prefix = pathInRepository(repository, dataDir);
  if (prefix === undefined) throw new DiffError("数据目录不在仓库的工作区中");
  const baseRef = options.base ?? "HEAD";
  const baseCommit = resolveCommit(repository, baseRef);
  if (!baseCommit) throw new DiffError(`找不到提交「${baseRef}」`);
  const targetCommit =
    options.target === undefined ? undefined : resolveCommit(repository, options.target);
  if (options.target !== undefined && !targetCommit) {
    throw new DiffError(`找不到提交「${options.target}」`);
  }

  const temporary: string[] = [];
  try {
    const baseDir = writeTree(filesAt(repository, baseCommit, prefix));
    temporary.push(baseDir);
    let targetDir = dataDir;
    if (targetCommit) {
      targetDir = writeTree(filesAt(repository, targetCommit, prefix));
      temporary.push(targetDir);
    }
    const baseLabel = `${baseRef}(${baseCommit.slice(0, 10)})`;
    const targetLabel =
      options.target === undefined
        ? "工作区"
        : `${options.target}(${(targetCommit ?? "").slice(0, 10)})`;
    // Files are named as in the repository, whatever the working directory.
    const inRepository = prefix.replace(/\/$/, "") || ".";
    const validation = validateData(
      targetDir,
      targetCommit ? `${options.target}:${inRepository}` : inRepository,
    );
    let base: Dataset | undefined;
    let baseProblems = 0;
    try {
      base = loadDataset(baseDir, { display: `${baseRef}:${inRepository}` });
    } catch (error) {
      if (!(error instanceof DataValidationError)) throw error;
      baseProblems = error.issues.length;
    }
    const target = validation.dataset;
    const shapes = target ?? base;
    const sources = shapes
      ? registers
          .filter((register) => shapes.site.sections.includes(register.key))
          .flatMap((register) =>
            registerHistorySources(register, shapes, publishedColumns(register, shapes)),
          )
      : [];
    const read = (dir: string, file: string) =>
      existsSync(join(dir, file)) ? readFileSync(join(dir, file), "utf8") : undefined;
    const tables = sources.map((source) =>
      tableChangeOfTexts(
        source.table,
        read(baseDir, source.table.file),
        read(targetDir, source.table.file),
      ),
    );
    const current = new Map<HistorySource, ReadonlyMap<string, Cells>>();
    const changes = projectHistory(
      [{ id: targetCommit ?? "", parent: baseCommit, date: "", tables, documents: [] }],
      {
        sources,
        allowlist: (target ?? base)?.privacyAllowlist ?? EMPTY_ALLOWLIST,
        current: (source, record) => {
          let rows = current.get(source);
          if (!rows) {
            rows = currentRows(
              targetDir,
              source.table.file,
              source.table.record,
              source.table.columns,
            );
            current.set(source, rows);
          }
          return rows.get(record);
        },
      },
    );

    const registerDiffs: RegisterDiff[] = [];
    for (const register of registers) {
      const mine = changes.filter((change) => change.register === register.key);
      if (mine.length === 0) continue;
      const after = titles(target, register.key);
      const before = titles(base, register.key);
      const line = (id: string): RecordLine => ({
        id,
        title: after.get(id) ?? before.get(id) ?? id,
      });
      const transitions: RegisterDiff["transitions"] = [];
      const diff: RegisterDiff = {
        key: register.key,
        title: register.title,
        added: [],
        removed: [],
        changed: [],
        transitions,
      };
      for (const change of mine) {
        if (change.kind === "added") diff.added.push(line(change.record));
        else if (change.kind === "removed") diff.removed.push(line(change.record));
        else
          diff.changed.push({
            ...line(change.record),
            fields: change.fields,
            events: change.events,
          });
        for (const field of change.fields) {
          if (field.column !== "status" || change.kind !== "changed") continue;
          const known = transitions.find((t) => t.from === field.before && t.to === field.after);
          if (known) known.count++;
          else transitions.push({ from: field.before, to: field.after, count: 1 });
        }
      }
      registerDiffs.push(diff);
    }

    const figures: FigureDiff[] = [];
    if (base && target) {
      const sectionTitle = new Map(knownSections.map((section) => [section.key, section.title]));
      for (const figure of figureCatalogue) {
        if (!isAvailable(base, figure) || !isAvailable(target, figure)) continue;
        const old = formatFigure(figure.compute(base));
        const now = formatFigure(figure.compute(target));
        if (old === now) continue;
        const section = figure.section ? sectionTitle.get(figure.section) : undefined;
        figures.push({
          name: figure.name,
          label: `${section ? `${section} ` : ""}${figureLabel(figure.doc)}`,
          before: old,
          after: now,
        });
      }
    }
    return {
      baseLabel,
      targetLabel,
      validation,
      baseProblems,
      registers: registerDiffs,
      figures,
      unreadable: tables
        .filter((table) => !table.readable)
        .map((table) => `${table.file}(${table.problem ?? "无法读取"})`),
    };
  } finally {
    for (const dir of temporary) rmSync(dirname(dir), { recursive: true, force: true });
  }
}
