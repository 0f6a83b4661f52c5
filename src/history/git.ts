import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";

/**
 * The repository a data directory lives in, as far as history needs it. Every git command
 * runs with the options that make its output independent of the user's configuration.
 */
export interface Repository {
  /** The work tree's top directory. */
  top: string;
  /** The object directory (shared between worktrees). */
  objectsDir: string;
  /** 20 for SHA-1 repositories, 32 for SHA-256. */
  hashSize: number;
  /** The commit checked out. */
  head: string;
}

/** Why a history cannot be read; `message` says it plainly to whoever runs the build. */
export type RepositoryProblem =
  "no-git" | "not-a-repository" | "no-commits" | "shallow" | "untracked" | "unreadable";

export type RepositoryResult =
  { ok: true; repository: Repository } | { ok: false; problem: RepositoryProblem; message: string };

/** Runs git and returns its standard output; throws with git's own message on failure. */
export function git(cwd: string, args: readonly string[]): string {
  return execFileSync(
    "git",
    [
      "-c",
      "core.quotepath=off",
      "-c",
      "log.showSignature=false",
      "-c",
      "diff.relative=false",
      ...args,
    ],
    {
      cwd,
      encoding: "utf8",
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, GIT_NO_LAZY_FETCH: "1", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" },
    },
  );
}

function stderrOf(error: unknown): string {
  const stderr = (error as { stderr?: unknown }).stderr;
  return typeof stderr === "string" ? stderr.trim() : String(error);
}

/**
 * Finds the repository holding `dir` and checks that its history can be trusted: a shallow
 * clone (what CI checkouts make by default) has only its newest commits, so the oldest one
 * would seem to add every record at once; history is then not shown at all.
 */
export function openRepository(dir: string, display: string): RepositoryResult {
  if (!existsSync(dir)) {
    return { ok: false, problem: "not-a-repository", message: `${display} 不存在` };
  }
  let lines: string[];
  try {
    lines = git(dir, [
      "rev-parse",
      "--show-toplevel",
      "--git-path",
      "objects",
      "--is-shallow-repository",
      "--show-object-format",
    ])
      .trim()
      .split("\n");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      return { ok: false, problem: "no-git", message: "找不到 git 命令，无法读取修改历史" };
    }
    // git's own words only when they say more than "not a git repository" (e.g. a
    // repository owned by another user, which git refuses to read).
    const detail = stderrOf(error);
    return {
      ok: false,
      problem: "not-a-repository",
      message: `${display} 不在 git 仓库中${/not a git repository/i.test(detail) ? "" : `（${detail}）`}`,
    };
  }
  const [top = "", objects = "", shallow = "", format = ""] = lines;
  if (shallow === "true") {
    return {
      ok: false,
      problem: "shallow",
      message:
        "这是浅克隆（只取了最近几次提交），修改历史不完整。要显示修改记录，请完整克隆（CI 中设 fetch-depth: 0 或 GIT_DEPTH: 0），或运行 git fetch --unshallow",
    };
  }
  let head: string;
  try {
    head = git(dir, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).trim();
  } catch {
    return { ok: false, problem: "no-commits", message: "仓库还没有任何提交，没有修改历史" };
  }
  const objectsDir = isAbsolute(objects) ? objects : resolve(dir, objects);
  return {
    ok: true,
    repository: {
      top,
      objectsDir,
      hashSize: format === "sha256" ? 32 : 20,
      head,
    },
  };
}

/** `dir` as a path inside the repository, with a trailing slash ("" for the top). */
export function pathInRepository(repository: Repository, dir: string): string | undefined {
  const rel = relative(repository.top, resolve(dir)).split("\\").join("/");
  if (rel.startsWith("..") || isAbsolute(rel)) return undefined;
  return rel === "" ? "" : `${rel}/`;
}

/** Whether HEAD's tree holds anything under `path` (a file, or a directory ending in /). */
export function isTracked(repository: Repository, path: string): boolean {
  const out = git(repository.top, ["ls-tree", "--name-only", "HEAD", "--", path || "."]);
  return out.trim() !== "";
}

/** One file a commit changed: its blob before and after (undefined: absent). */
export interface FileChange {
  path: string;
  before: string | undefined;
  after: string | undefined;
}

/** A commit on the first-parent line of HEAD that touched one of the paths. */
export interface Commit {
  id: string;
  /** First parent (undefined for a root commit). */
  parent: string | undefined;
  /** Commit date, ISO 8601 with the committer's offset. */
  date: string;
  files: FileChange[];
}

const ZERO = /^0+$/;

/**
 * Commits on the first-parent line of HEAD that change the given paths, oldest first, each
 * with its files' blobs before and after. The first-parent line is what the published
 * branch went through: a merged branch's changes count once, when they were merged, as a
 * diff against what was published before.
 */
export function listCommits(repository: Repository, pathspecs: readonly string[]): Commit[] {
  const out = git(repository.top, [
    "log",
    "--first-parent",
    "--diff-merges=first-parent",
    "--reverse",
    "--raw",
    "-z",
    "--no-abbrev",
    "--no-renames",
    "--root",
    "--no-color",
    "--format=%x01%H %P%x02%cI%x02",
    repository.head,
    "--",
    ...pathspecs,
  ]);
  const commits: Commit[] = [];
  for (const block of out.split("\x01")) {
    if (block === "") continue;
    const [ids = "", date = "", rest = ""] = block.split("\x02");
    const [id = "", parent] = ids.trim().split(" ");
    const fields = rest.replace(/^[\n\0]+/, "").split("\0");
    const files: FileChange[] = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const meta = fields[i] ?? "";
      const path = fields[i + 1] ?? "";
      const [modeBefore = "", modeAfter = "", before = "", after = ""] = meta
        .replace(/^:/, "")
        .split(" ");
      // A symbolic link or submodule is not a data file: as far as history goes, absent.
      const file = (mode: string, blob: string) =>
        /^100(644|755)$/.test(mode) && !ZERO.test(blob) ? blob : undefined;
      const change = { path, before: file(modeBefore, before), after: file(modeAfter, after) };
      if (change.before !== undefined || change.after !== undefined) files.push(change);
    }
    commits.push({ id, parent: parent || undefined, date, files });
  }
  return commits;
}

/** Literal pathspecs for files, a glob pathspec for MDX under a directory. */
export function filePathspec(path: string): string {
  return `:(literal)${path}`;
}

export function mdxPathspec(directory: string): string {
  return `:(glob)${join(directory, "**", "*.mdx").split("\\").join("/")}`;
}

/** The commit a revision names (a branch, tag, `HEAD~2`…), or undefined when it names none. */
export function resolveCommit(repository: Repository, revision: string): string | undefined {
  try {
    return git(repository.top, ["rev-parse", "--verify", "--quiet", `${revision}^{commit}`]).trim();
  } catch {
    return undefined;
  }
}

/** Every file under `prefix` (a directory path ending in /) at a commit, by path below it. */
export function filesAt(
  repository: Repository,
  commit: string,
  prefix: string,
): Map<string, Buffer> {
  const names = git(repository.top, [
    "ls-tree",
    "-r",
    "-z",
    "--name-only",
    commit,
    "--",
    prefix || ".",
  ])
    .split("\0")
    .filter((name) => name !== "");
  const files = new Map<string, Buffer>();
  for (const name of names) {
    const bytes = execFileSync("git", ["cat-file", "blob", `${commit}:${name}`], {
      cwd: repository.top,
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
    });
    files.set(name.slice(prefix.length), bytes);
  }
  return files;
}
