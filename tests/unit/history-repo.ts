import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A throwaway git repository for history tests, with commits at chosen dates. */
export interface TestRepository {
  dir: string;
  write(path: string, content: string | Buffer): void;
  remove(path: string): void;
  /** Commits everything; returns the commit id. */
  commit(message: string, date: string): string;
  git(...args: string[]): string;
  cleanUp(): void;
}

export function testRepository(): TestRepository {
  const dir = mkdtempSync(join(tmpdir(), "gongshi-history-"));
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=编辑", "-c", "user.email=editor@example.org", ...args], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" },
    });
  git("init", "-q", "-b", "main");
  return {
    dir,
    write(path, content) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    },
    remove(path) {
      rmSync(join(dir, path));
    },
    commit(message, date) {
      git("add", "-A");
      execFileSync(
        "git",
        [
          "-c",
          "user.name=编辑",
          "-c",
          "user.email=editor@example.org",
          "commit",
          "-q",
          "--allow-empty",
          "-m",
          message,
        ],
        {
          cwd: dir,
          env: {
            ...process.env,
            GIT_CONFIG_NOSYSTEM: "1",
            GIT_CONFIG_GLOBAL: "/dev/null",
            GIT_AUTHOR_DATE: date,
            GIT_COMMITTER_DATE: date,
          },
        },
      );
      return git("rev-parse", "HEAD").trim();
    },
    git,
    cleanUp() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** CSV text from rows of cells, quoting where RFC 4180 needs it. */
export function csv(rows: readonly (readonly string[])[], lineEnd = "\n"): string {
  return rows
    .map((row) =>
      row.map((cell) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(","),
    )
    .join(lineEnd)
    .concat(lineEnd);
}
