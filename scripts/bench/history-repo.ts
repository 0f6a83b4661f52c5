import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TableDescription } from "../../src/data/tables.ts";
import {
  cellsOf,
  isBlankRecord,
  parseHeader,
  parseRecord,
  splitRecords,
} from "../../src/history/records.ts";
import { registers } from "../../src/registers/index.ts";
import { itemsTable } from "../../src/site/dataset.ts";
import { seededRandom } from "../../src/bench/random.ts";
import { PackWriter, encodeDelta, objectId } from "./git-pack.ts";
import type { DeltaOp } from "./git-pack.ts";

/**
 * A git repository holding the benchmark's synthetic data as a history of `commits` data
 * commits, for the history step (src/history/): the registers grow from empty to `items`
 * records, each commit adding the records and events of its stretch of days, moving statuses
 * on and filling dates as they happen, and now and then correcting an older record's text.
 * Versions are stored the way `git fast-import` stores them: each a delta against the
 * version before, and a whole version every `depth` versions (git's default depth, 50).
 */
export interface HistoryRepoReport {
  commits: number;
  /** Blob versions of the tracked files. */
  versions: number;
  packBytes: number;
  seconds: number;
  ids: "content" | "version";
}

interface Row {
  /** Times (day numbers) at which the row's text becomes each variant, ascending. */
  changes: { day: number; text: Buffer }[];
}

interface TrackedFile {
  file: string;
  header: Buffer;
  rows: Row[];
}

const DAY = 86_400_000;
const dayOf = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);

function csvLine(cells: readonly string[]): Buffer {
  return Buffer.from(
    `${cells.map((cell) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(",")}\n`,
  );
}

function readTable(path: string): { header: string[]; rows: Record<string, string>[] } {
  const records = splitRecords(readFileSync(path, "utf8").replace(/^\uFEFF/, "")).filter(
    (record) => !isBlankRecord(record),
  );
  const header = parseHeader(records[0] ?? "") ?? [];
  return {
    header,
    rows: records.slice(1).map((record) => cellsOf(header, parseRecord(record) ?? [])),
  };
}

/** When each row of a register's files appears and how it changes, from its final text. */
function trackedFiles(dataDir: string, sections: readonly string[], random: () => number) {
  const files: TrackedFile[] = [];
  for (const register of registers) {
    if (!sections.includes(register.key)) continue;
    const items = itemsTable(register);
    if (!items) continue;
    const firstStatus = register.module.statuses.terms[0]?.value ?? "";
    const dates = (table: TableDescription) =>
      Object.entries(table.columns)
        .filter(([, column]) => column.kind === "date" && !column.plannedDate)
        .map(([name]) => name);
    for (const table of register.tables) {
      const isItems = table === items;
      const isEvents = Object.values(table.columns).some(
        (column) => column.kind === "reference" && column.references === items.file,
      );
      if (!isItems && !isEvents) continue;
      const { header, rows } = readTable(join(dataDir, table.file));
      const dateColumns = dates(table);
      const longest = (cells: Record<string, string>) =>
        header.reduce(
          (best, name) => ((cells[name] ?? "").length > (cells[best] ?? "").length ? name : best),
          header[0] ?? "",
        );
      files.push({
        file: table.file,
        header: csvLine(header),
        rows: rows.map((cells) => {
          const days = [
            ...new Set(dateColumns.map((name) => cells[name] ?? "").filter((v) => v !== "")),
          ]
            .map(dayOf)
            .sort((a, b) => a - b);
          const line = (values: Record<string, string>) =>
            csvLine(header.map((name) => values[name] ?? ""));
          if (!isItems || days.length <= 1) {
            return { changes: [{ day: days.at(-1) ?? 0, text: line(cells) }] };
          }
          // An item appears on its first day with its later dates empty and the first status,
          // and reaches its final row on its last day.
          const changes = days.map((day, i) => {
            const variant: Record<string, string> = { ...cells };
            for (const name of dateColumns) {
              const value = variant[name] ?? "";
              if (value !== "" && dayOf(value) > day) variant[name] = "";
            }
            if (i < days.length - 1 && "status" in variant) variant["status"] = firstStatus;
            return { day, text: line(variant) };
          });
          // Now and then an editor corrects an older record's text, in a later commit.
          if (random() < 0.03) {
            const column = longest(cells);
            const last = changes.at(-1);
            if (last) {
              changes.push({
                day: last.day + 30 + Math.floor(random() * 300),
                text: line({ ...cells, [column]: `${cells[column] ?? ""}(已更正)` }),
              });
            }
          }
          return { changes };
        }),
      });
    }
  }
  return files;
}

/** Fenwick tree of row lengths: byte offsets of rows in a version in O(log n). */
class Lengths {
  private readonly tree: Float64Array;
  private readonly size: number;
  constructor(size: number) {
    this.size = size;
    this.tree = new Float64Array(size + 1);
  }
  add(index: number, delta: number): void {
    for (let i = index + 1; i <= this.size; i += i & -i) this.tree[i] = (this.tree[i] ?? 0) + delta;
  }
  /** Sum of lengths of rows before `index`. */
  before(index: number): number {
    let sum = 0;
    for (let i = index; i > 0; i -= i & -i) sum += this.tree[i] ?? 0;
    return sum;
  }
}

function tree(entries: { mode: string; name: string; id: Buffer }[]): Buffer {
  const sorted = [...entries].sort((a, b) =>
    Buffer.compare(
      Buffer.from(a.mode === "40000" ? `${a.name}/` : a.name),
      Buffer.from(b.mode === "40000" ? `${b.name}/` : b.name),
    ),
  );
  return Buffer.concat(
    sorted.map((entry) => Buffer.concat([Buffer.from(`${entry.mode} ${entry.name}\0`), entry.id])),
  );
}

/**
 * An id for a version that is not its content's SHA-1 (see `ids` below): unique per file and
 * commit, and never a real object's.
 */
function versionId(file: string, commit: number): Buffer {
  return createHash("sha1").update(`gongshi-bench-version\0${file}\0${commit}`).digest();
}

export function buildHistoryRepo(
  repoDir: string,
  options: {
    commits: number;
    depth?: number;
    /**
     * `content`: blob ids are the SHA-1 of their content, as git makes them (hashing every
     * version: about 200 GB at 100,000 items, most of the generation time). `version`: the
     * register files' blobs get made-up unique ids instead; git log, ls-tree and the history
     * reader never re-hash a blob, so what is measured is the same, but `git fsck` would
     * reject the repository.
     */
    ids?: "content" | "version";
  },
): HistoryRepoReport {
  const started = performance.now();
  const depth = options.depth ?? 50;
  const ids = options.ids ?? "content";
  const dataDir = join(repoDir, "data");
  execFileSync("git", ["init", "-q", "-b", "main", repoDir]);
  const site = JSON.parse(readFileSync(join(dataDir, "site.json"), "utf8")) as {
    asOf: string;
    sections: string[];
  };
  const random = seededRandom(20_000);
  const files = trackedFiles(dataDir, site.sections, random);
  const trackedNames = new Set(files.map((file) => file.file));
  let firstDay = Infinity;
  for (const file of files) {
    for (const row of file.rows) firstDay = Math.min(firstDay, row.changes[0]?.day ?? Infinity);
  }
  const lastDay = dayOf(site.asOf);
  // Corrections may fall after the as-of date; they are made in the last commit.
  const commitOf = (day: number) =>
    Math.min(
      options.commits - 1,
      Math.max(0, Math.ceil(((day - firstDay) * options.commits) / (lastDay - firstDay + 1)) - 1),
    );

  // Each file's rows changing at each commit.
  const byCommit = files.map((file) => {
    const changed = new Map<number, { row: number; text: Buffer }[]>();
    file.rows.forEach((row, index) => {
      // A later variant in the same commit replaces an earlier one.
      const perCommit = new Map<number, Buffer>();
      for (const change of row.changes) perCommit.set(commitOf(change.day), change.text);
      for (const [commit, text] of perCommit) {
        let list = changed.get(commit);
        if (!list) changed.set(commit, (list = []));
        list.push({ row: index, text });
      }
    });
    for (const list of changed.values()) list.sort((a, b) => a.row - b.row);
    return changed;
  });

  const packDir = join(repoDir, ".git", "objects", "pack");
  const pack = new PackWriter(packDir);
  const blob = (content: Buffer) => {
    const id = objectId("blob", [content]);
    pack.whole("blob", id, content);
    return id;
  };
  // Files nobody tracks (site.json, regions, indicators…) and the content directory: once.
  const staticEntries = readdirSync(dataDir)
    .filter((name) => !trackedNames.has(name) && statSync(join(dataDir, name)).isFile())
    .map((name) => ({ mode: "100644", name, id: blob(readFileSync(join(dataDir, name))) }));
  const contentTree = (dir: string): Buffer => {
    const entries = readdirSync(dir).map((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return { mode: "40000", name, id: contentTree(path) };
      return { mode: "100644", name, id: blob(readFileSync(path)) };
    });
    const body = tree(entries);
    const id = objectId("tree", [body]);
    pack.whole("tree", id, body);
    return id;
  };
  const contentId = contentTree(join(repoDir, "content"));

  const state = files.map((file) => ({
    texts: new Array<Buffer | undefined>(file.rows.length),
    lengths: new Lengths(file.rows.length),
    total: file.header.length,
    id: undefined as Buffer | undefined,
    offset: 0,
    chain: 0,
  }));
  let parent: Buffer | undefined;
  let versions = 0;
  for (let commit = 0; commit < options.commits; commit++) {
    let changedAny = false;
    files.forEach((file, f) => {
      const changes = byCommit[f]?.get(commit);
      const current = state[f];
      if (!changes || changes.length === 0 || !current) return;
      changedAny = true;
      const ops: DeltaOp[] = [];
      let from = 0;
      for (const { row, text } of changes) {
        const at = file.header.length + current.lengths.before(row);
        if (at > from) ops.push({ copy: [from, at - from] });
        ops.push({ insert: text });
        from = at + (current.texts[row]?.length ?? 0);
      }
      if (current.total > from) ops.push({ copy: [from, current.total - from] });
      const baseSize = current.total;
      for (const { row, text } of changes) {
        current.lengths.add(row, text.length - (current.texts[row]?.length ?? 0));
        current.total += text.length - (current.texts[row]?.length ?? 0);
        current.texts[row] = text;
      }
      const whole = current.id === undefined || current.chain >= depth;
      // The whole text is needed for a whole version, and for a content id.
      const content =
        whole || ids === "content"
          ? Buffer.concat(
              [file.header, ...current.texts.filter((text): text is Buffer => text !== undefined)],
              current.total,
            )
          : undefined;
      const id =
        content && ids === "content" ? objectId("blob", [content]) : versionId(file.file, commit);
      if (whole && content) {
        current.offset = pack.whole("blob", id, content);
        current.chain = 0;
      } else {
        current.offset = pack.delta(id, current.offset, encodeDelta(baseSize, current.total, ops));
        current.chain++;
      }
      current.id = id;
      versions++;
    });
    if (!changedAny && parent) continue;
    const dataTree = tree([
      ...staticEntries,
      ...files.flatMap((file, f) => {
        const id = state[f]?.id;
        return id ? [{ mode: "100644", name: file.file, id }] : [];
      }),
    ]);
    const dataId = objectId("tree", [dataTree]);
    pack.whole("tree", dataId, dataTree);
    const rootTree = tree([
      { mode: "40000", name: "content", id: contentId },
      { mode: "40000", name: "data", id: dataId },
    ]);
    const rootId = objectId("tree", [rootTree]);
    pack.whole("tree", rootId, rootTree);
    const time =
      Math.floor(
        (firstDay + ((commit + 1) * (lastDay - firstDay + 1)) / options.commits) * 86_400,
      ) +
      2 * 3600;
    const body = Buffer.from(
      [
        `tree ${rootId.toString("hex")}`,
        ...(parent ? [`parent ${parent.toString("hex")}`] : []),
        `author 基准测试 <bench@example.org> ${time} +0800`,
        `committer 基准测试 <bench@example.org> ${time} +0800`,
        "",
        `数据更新 ${commit + 1}`,
        "",
      ].join("\n"),
    );
    parent = objectId("commit", [body]);
    pack.whole("commit", parent, body);
  }
  const { bytes } = pack.finish();
  if (!parent) throw new Error("history bench: no commits");
  writeFileSync(join(repoDir, ".git", "refs", "heads", "main"), `${parent.toString("hex")}\n`);
  // The working tree holds the last commit's files, corrections included.
  files.forEach((file, f) => {
    const texts = state[f]?.texts.filter((text): text is Buffer => text !== undefined) ?? [];
    writeFileSync(join(dataDir, file.file), Buffer.concat([file.header, ...texts]));
  });
  const commits = Number(
    execFileSync("git", ["-C", repoDir, "rev-list", "--count", "HEAD"], {
      encoding: "utf8",
    }).trim(),
  );
  return {
    commits,
    versions,
    packBytes: bytes,
    seconds: (performance.now() - started) / 1000,
    ids,
  };
}
