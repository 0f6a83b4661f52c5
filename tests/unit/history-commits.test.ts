import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readCommitHistory } from "../../src/history/read.ts";
import type { CommitHistory, CommitChanges } from "../../src/history/read.ts";
import type { TrackedTable } from "../../src/history/tables.ts";
import { csv, testRepository } from "./history-repo.ts";
import type { TestRepository } from "./history-repo.ts";

const items: TrackedTable = {
  file: "items.csv",
  record: "id",
  columns: ["id", "title", "status", "body"],
};
const events: TrackedTable = {
  file: "events.csv",
  record: "item_id",
  row: ["item_id", "date", "kind"],
  columns: ["item_id", "date", "kind", "status", "summary"],
  brief: ["date", "kind", "status"],
};
const HEADER = ["id", "title", "status", "body", "secret"];

let repos: TestRepository[] = [];
let caches: string[] = [];
afterEach(() => {
  for (const repo of repos) repo.cleanUp();
  for (const cache of caches) rmSync(cache, { recursive: true, force: true });
  repos = [];
  caches = [];
});

function repository(): TestRepository {
  const repo = testRepository();
  repos.push(repo);
  return repo;
}

function read(repo: TestRepository, cacheDir?: string): CommitHistory {
  const cache = cacheDir ?? mkdtempSync(join(tmpdir(), "gongshi-cache-"));
  caches.push(cache);
  return readCommitHistory({
    dataDir: join(repo.dir, "data"),
    dataDisplay: "data",
    contentDir: join(repo.dir, "content"),
    tables: [items, events],
    cacheDir: cache,
  });
}

function commits(history: CommitHistory): CommitChanges[] {
  if (!history.available) throw new Error(history.message);
  return history.commits;
}

/** Each commit's row changes to a file, as short strings. */
function rowsOf(history: CommitHistory, file = "items.csv"): string[][] {
  return commits(history).map((commit) =>
    (commit.tables.find((table) => table.file === file)?.rows ?? []).map((row) => {
      if (row.change !== "changed") return `${row.change} ${row.record}`;
      const fields = Object.keys(row.after ?? {}).filter(
        (column) => row.before?.[column] !== row.after?.[column],
      );
      return `changed ${row.record} ${fields.map((f) => `${f}: ${row.before?.[f]} → ${row.after?.[f]}`).join("; ")}`;
    }),
  );
}

const base = [
  HEADER,
  ["A-1", "河道漂浮垃圾", "整改中", "沿河\n两岸", "私"],
  ["A-2", "工地扬尘", "未整改", "夜间施工", "私"],
  ["A-3", "餐馆油烟", "已整改", "已安装净化器", "私"],
];

// Every test runs git several times; on a busy machine that takes seconds.
describe("history from git", { timeout: 30_000 }, () => {
  it("reports an edited title and a status change as changes of those fields only", () => {
    const repo = repository();
    repo.write("data/items.csv", csv(base));
    repo.commit("first", "2024-03-01T10:00:00+08:00");
    const edited = base.map((row) => [...row]);
    edited[1] = ["A-1", "河道漂浮垃圾清理", "整改中", "沿河\n两岸", "私"];
    edited[2] = ["A-2", "工地扬尘", "整改中", "夜间施工", "私"];
    repo.write("data/items.csv", csv(edited));
    repo.commit("second", "2024-03-05T09:00:00+08:00");
    const history = read(repo);
    expect(rowsOf(history)).toEqual([
      ["added A-1", "added A-2", "added A-3"],
      ["changed A-1 title: 河道漂浮垃圾 → 河道漂浮垃圾清理", "changed A-2 status: 未整改 → 整改中"],
    ]);
    expect(commits(history).map((commit) => commit.date)).toEqual([
      "2024-03-01T10:00:00+08:00",
      "2024-03-05T09:00:00+08:00",
    ]);
  });

  it("does not count re-quoting, spaces, line endings, a byte-order mark or a moved row as changes", () => {
    const repo = repository();
    repo.write("data/items.csv", csv(base));
    repo.commit("first", "2024-03-01T10:00:00+08:00");
    const reformatted = [
      base[0],
      base[3],
      [" A-1 ", "河道漂浮 垃圾", "整改中 ", "沿河\n 两岸", "私"],
      base[2],
    ];
    repo.write(
      "data/items.csv",
      "\uFEFF" + csv(reformatted as string[][], "\r\n").replace("已安装净化器", '"已安装净化器"'),
    );
    repo.commit("reformat", "2024-03-02T10:00:00+08:00");
    expect(rowsOf(read(repo))).toEqual([["added A-1", "added A-2", "added A-3"], []]);
  });

  it("does not count punctuation rewritten in the other width as a change, but a changed word is", () => {
    const repo = repository();
    const prose = (text: string) =>
      base.map((row, i) => (i === 3 ? ["A-3", "餐馆油烟", "已整改", text, "私"] : row));
    repo.write("data/items.csv", csv(prose('已安装净化器,每月检查一次(环保站);"达标"。')));
    repo.commit("first", "2024-03-01T10:00:00+08:00");
    repo.write("data/items.csv", csv(prose("已安装净化器，每月检查一次（环保站）；“达标”。")));
    repo.commit("full-width", "2024-03-02T10:00:00+08:00");
    repo.write("data/items.csv", csv(prose("已安装净化器，每周检查一次（环保站）；“达标”。")));
    repo.commit("edit", "2024-03-03T10:00:00+08:00");
    expect(rowsOf(read(repo)).slice(1)).toEqual([
      [],
      [
        "changed A-3 body: 已安装净化器，每月检查一次（环保站）；“达标”。 → 已安装净化器，每周检查一次（环保站）；“达标”。",
      ],
    ]);
  });

  it("ignores columns it does not track, and a new column left empty", () => {
    const repo = repository();
    repo.write("data/items.csv", csv(base));
    repo.commit("first", "2024-03-01T10:00:00+08:00");
    const secretEdited = base.map((row, i) => (i === 1 ? [...row.slice(0, 4), "另一个秘密"] : row));
    repo.write("data/items.csv", csv(secretEdited));
    repo.commit("private edit", "2024-03-02T10:00:00+08:00");
    repo.write(
      "data/items.csv",
      csv(secretEdited.map((row, i) => [...row, i === 0 ? "note" : ""])),
    );
    repo.commit("new column", "2024-03-03T10:00:00+08:00");
    expect(rowsOf(read(repo)).slice(1)).toEqual([[], []]);
  });

  it("finds an edit inside a quoted cell that spans lines", () => {
    const repo = repository();
    const many = [
      HEADER,
      ...Array.from({ length: 200 }, (_, i) => [
        `A-${i}`,
        `标题${i}`,
        "整改中",
        `第一行${i}\n第二行,"引号"${i}\n第三行`,
        "私",
      ]),
    ];
    repo.write("data/items.csv", csv(many));
    repo.commit("first", "2024-03-01T10:00:00+08:00");
    const edited = many.map((row) => [...row]);
    const row = edited[120];
    if (!row) throw new Error("fixture");
    row[3] = "第一行119\n第二行,改过的\n第三行";
    repo.write("data/items.csv", csv(edited));
    repo.commit("edit", "2024-03-02T10:00:00+08:00");
    repo.git("gc", "-q");
    const [, second] = rowsOf(read(repo));
    expect(second).toEqual([
      'changed A-119 body: 第一行119\n第二行,"引号"119\n第三行 → 第一行119\n第二行,改过的\n第三行',
    ]);
  });

  it("skips a version that cannot be read and compares the next with the last readable one", () => {
    const repo = repository();
    repo.write("data/items.csv", csv(base));
    repo.commit("first", "2024-03-01T10:00:00+08:00");
    repo.write("data/items.csv", csv(base).replace('"沿河', "沿河")); // unclosed quote
    repo.commit("broken", "2024-03-02T10:00:00+08:00");
    const fixed = base.map((row) => [...row]);
    fixed[3] = ["A-3", "餐馆油烟", "已销号", "已安装净化器", "私"];
    repo.write("data/items.csv", csv(fixed));
    repo.commit("fixed", "2024-03-03T10:00:00+08:00");
    const history = read(repo);
    const broken = commits(history)[1]?.tables[0];
    expect(broken?.readable).toBe(false);
    expect(rowsOf(history).slice(1)).toEqual([[], ["changed A-3 status: 已整改 → 已销号"]]);
  });

  it("treats a GBK-encoded version as unreadable", () => {
    const repo = repository();
    repo.write("data/items.csv", csv(base));
    repo.commit("first", "2024-03-01T10:00:00+08:00");
    repo.write(
      "data/items.csv",
      Buffer.from([...Buffer.from("id,title\nA-1,"), 0xba, 0xd3, 0xb5, 0xc0, 0x0a]),
    );
    repo.commit("gbk", "2024-03-02T10:00:00+08:00");
    expect(commits(read(repo))[1]?.tables[0]?.readable).toBe(false);
  });

  it("records timeline rows: a new event with its date, kind and status; an edited summary as a change", () => {
    const repo = repository();
    const header = ["item_id", "date", "kind", "status", "summary", "source_url"];
    const first = [header, ["A-1", "2024-01-02", "曝光", "未整改", "曝光", ""]];
    repo.write("data/events.csv", csv(first));
    repo.commit("first", "2024-03-01T10:00:00+08:00");
    repo.write(
      "data/events.csv",
      csv([...first, ["A-1", "2024-02-01", "进展", "整改中", "开始整改", ""]]),
    );
    repo.commit("event", "2024-03-02T10:00:00+08:00");
    repo.write(
      "data/events.csv",
      csv([...first, ["A-1", "2024-02-01", "进展", "整改中", "已开始整改", ""]]),
    );
    repo.commit("correction", "2024-03-03T10:00:00+08:00");
    const changes = commits(read(repo)).map((commit) => commit.tables[0]?.rows);
    expect(changes[1]).toEqual([
      {
        record: "A-1",
        row: "A-1\u001f2024-02-01\u001f进展",
        change: "added",
        after: { date: "2024-02-01", kind: "进展", status: "整改中" },
      },
    ]);
    expect(changes[2]?.[0]?.change).toBe("changed");
    expect(changes[2]?.[0]?.before?.["summary"]).toBe("开始整改");
    expect(changes[2]?.[0]?.after?.["summary"]).toBe("已开始整改");
  });

  it("counts a merged branch once, as a change against what was there before, dated at the merge", () => {
    const repo = repository();
    repo.write("data/items.csv", csv(base));
    repo.commit("first", "2024-03-01T10:00:00+08:00");
    repo.git("checkout", "-q", "-b", "edits");
    const edited = base.map((row) => [...row]);
    edited[1] = ["A-1", "河道漂浮垃圾", "已整改", "沿河\n两岸", "私"];
    repo.write("data/items.csv", csv(edited));
    repo.commit("on a branch", "2024-03-02T10:00:00+08:00");
    repo.git("checkout", "-q", "main");
    repo.write("data/other.txt", "x");
    repo.commit("unrelated", "2024-03-03T10:00:00+08:00");
    repo.git("-c", "core.editor=true", "merge", "-q", "--no-ff", "edits", "-m", "merge");
    const history = commits(read(repo));
    expect(history).toHaveLength(2);
    expect(rowsOf(read(repo))[1]).toEqual(["changed A-1 status: 整改中 → 已整改"]);
  });

  it("reads only new commits on a second run", () => {
    const repo = repository();
    const cache = mkdtempSync(join(tmpdir(), "gongshi-cache-"));
    repo.write("data/items.csv", csv(base));
    repo.commit("first", "2024-03-01T10:00:00+08:00");
    const first = read(repo, cache);
    expect(first.available && first.read).toBe(1);
    repo.write("data/items.csv", csv([...base, ["A-4", "新问题", "未整改", "", ""]]));
    repo.commit("second", "2024-03-02T10:00:00+08:00");
    const second = read(repo, cache);
    expect(second.available && second.read).toBe(1);
    expect(rowsOf(second)).toEqual([["added A-1", "added A-2", "added A-3"], ["added A-4"]]);
  });

  it("says so and shows nothing when the clone is shallow", () => {
    const origin = repository();
    origin.write("data/items.csv", csv(base));
    origin.commit("first", "2024-03-01T10:00:00+08:00");
    origin.write("data/items.csv", csv(base.slice(0, 3)));
    origin.commit("second", "2024-03-02T10:00:00+08:00");
    const clone = repository();
    clone.git("fetch", "-q", "--depth=1", `file://${origin.dir}`, "main");
    clone.git("checkout", "-q", "FETCH_HEAD");
    const history = read(clone);
    expect(history.available).toBe(false);
    if (!history.available) {
      expect(history.problem).toBe("shallow");
      expect(history.message).toContain("浅克隆");
    }
  });

  it("says so when the data directory is not committed", () => {
    const repo = repository();
    repo.write("README", "x");
    repo.commit("first", "2024-03-01T10:00:00+08:00");
    repo.write("data/items.csv", csv(base));
    const history = read(repo);
    expect(history.available || history.problem).toBe("untracked");
  });

  it("lists changed front-matter fields and body edits of MDX documents", () => {
    const repo = repository();
    repo.write("data/items.csv", csv(base));
    repo.write("content/pages/about.mdx", "---\ntitle: 关于\ndescription: 说明\n---\n\n正文。\n");
    repo.commit("first", "2024-03-01T10:00:00+08:00");
    repo.write(
      "content/pages/about.mdx",
      "---\ntitle: 关于本站\ndescription: 说明\n---\n\n正文。 \n",
    );
    repo.commit("title", "2024-03-02T10:00:00+08:00");
    const [first, second] = commits(read(repo));
    expect(first?.documents).toEqual([{ path: "pages/about.mdx", change: "added" }]);
    expect(second?.documents).toEqual([
      {
        path: "pages/about.mdx",
        change: "changed",
        fields: [{ key: "title", before: "关于", after: "关于本站" }],
        bodyChanged: false,
      },
    ]);
  });
});

describe("history from git, against whole-file comparison", () => {
  /** Deterministic pseudo-random numbers (mulberry32). */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const words = ["河道", "垃圾", "整改", "扬尘", "噪声", "排污", "居民", "反映", "复查", "销号"];

  /** Changes between two versions, found by reading both whole. */
  function reference(before: string[][], after: string[][]): string[] {
    const key = (rows: string[][]) => new Map(rows.slice(1).map((row) => [row[0] ?? "", row]));
    const old = key(before);
    const now = key(after);
    const out: string[] = [];
    for (const [id, row] of now) {
      const was = old.get(id);
      if (!was) {
        out.push(`added ${id}`);
        continue;
      }
      const fields = [1, 2, 3]
        .filter((i) => (was[i] ?? "").replace(/\s+/g, "") !== (row[i] ?? "").replace(/\s+/g, ""))
        .map((i) => `${HEADER[i]}: ${was[i]} → ${row[i]}`);
      if (fields.length > 0) out.push(`changed ${id} ${fields.join("; ")}`);
    }
    for (const id of old.keys()) if (!now.has(id)) out.push(`removed ${id}`);
    return out.sort();
  }

  it("finds exactly the changed records over many random edits, from loose objects and from packs", () => {
    const next = random(7);
    const text = () =>
      Array.from({ length: 1 + Math.floor(next() * 12) }, () => words[Math.floor(next() * 10)])
        .join(next() < 0.1 ? "\n" : next() < 0.1 ? '"' : "")
        .concat(next() < 0.1 ? ",逗号" : "");
    let rows: string[][] = [HEADER];
    for (let i = 0; i < 300; i++) rows.push([`A-${i}`, text(), "整改中", text(), "私"]);
    const repo = repository();
    const versions: string[][][] = [];
    for (let commit = 0; commit < 40; commit++) {
      if (commit > 0) {
        rows = rows.map((row) => [...row]);
        for (let edit = 0; edit < 1 + Math.floor(next() * 4); edit++) {
          const at = 1 + Math.floor(next() * (rows.length - 1));
          const row = rows[at];
          if (!row) continue;
          const choice = next();
          if (choice < 0.4) row[1] = text();
          else if (choice < 0.6) row[3] = text();
          else if (choice < 0.75) rows.splice(at, 1);
          else if (choice < 0.9)
            rows.splice(at, 0, [`B-${commit}-${edit}`, text(), "未整改", text(), "私"]);
          else rows.push(...rows.splice(at, 1)); // moved to the end: not a change
        }
      }
      versions.push(rows);
      repo.write("data/items.csv", csv(rows));
      repo.commit(`commit ${commit}`, `2024-03-01T10:${String(commit).padStart(2, "0")}:00+08:00`);
    }
    const expected = versions.map((version, i) =>
      reference(i === 0 ? [HEADER] : (versions[i - 1] ?? [HEADER]), version),
    );
    const sorted = (history: CommitHistory) => rowsOf(history).map((rows) => [...rows].sort());
    expect(sorted(read(repo))).toEqual(expected);
    repo.git("gc", "-q");
    expect(sorted(read(repo))).toEqual(expected);
    repo.git("repack", "-a", "-d", "-f", "-q", "--depth=5", "--window=20");
    expect(sorted(read(repo))).toEqual(expected);
  }, 120_000);
});
