import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

export interface ProcessFigures {
  wallSeconds: number;
  cpuSeconds: number;
  /** Largest resident set of any process in the command's tree, in bytes (GNU time %M). */
  peakRssBytes: number;
}

/**
 * Runs a command under GNU time (Debian package `time`, /usr/bin/time) and returns its wall
 * time, CPU time (user + system, children included) and peak RSS. Output streams through.
 */
export function timeCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<ProcessFigures> {
  const report = join(mkdtempSync(join(tmpdir(), "gongshi-time-")), "time.txt");
  return new Promise((resolve, reject) => {
    const child = spawn("/usr/bin/time", ["-o", report, "-f", "%e %U %S %M", command, ...args], {
      env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(" ")} exited with ${code}`));
        return;
      }
      const line = readFileSync(report, "utf8").trim().split("\n").at(-1) ?? "";
      const [wall, user, system, rssKb] = line.split(" ").map(Number);
      resolve({
        wallSeconds: wall ?? 0,
        cpuSeconds: (user ?? 0) + (system ?? 0),
        peakRssBytes: (rssKb ?? 0) * 1024,
      });
    });
  });
}

export interface PhaseFigures {
  phase: string;
  wallSeconds: number;
  cpuSeconds: number;
  rssAtEndBytes: number;
}

/** Reads the JSON-lines log written by src/integrations/build-phases.ts. */
export function readPhaseLog(path: string): PhaseFigures[] {
  if (!existsSync(path)) return [];
  const marks = readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map(
      (line) =>
        JSON.parse(line) as {
          phase: string;
          edge: string;
          at: number;
          cpuMs: number;
          rssBytes: number;
        },
    );
  const figures: PhaseFigures[] = [];
  for (const start of marks.filter((mark) => mark.edge === "start")) {
    const end = marks.find(
      (mark) => mark.phase === start.phase && mark.edge === "end" && mark.at >= start.at,
    );
    if (!end) continue;
    figures.push({
      phase: start.phase,
      wallSeconds: (end.at - start.at) / 1000,
      cpuSeconds: (end.cpuMs - start.cpuMs) / 1000,
      rssAtEndBytes: end.rssBytes,
    });
  }
  return figures;
}

export interface SizeRow {
  kind: string;
  files: number;
  bytes: number;
  gzipBytes: number;
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/**
 * Output size by kind of file. `classify` maps a site path to a kind (e.g. "exposure item
 * page"); gzip sizes are computed for text files only (binary search files are already
 * compressed and counted as they are).
 */
export function outputSizes(dist: string, classify: (path: string) => string): SizeRow[] {
  const rows = new Map<string, SizeRow>();
  for (const file of walk(dist)) {
    const path = `/${relative(dist, file).split("\\").join("/")}`;
    const kind = classify(path);
    const body = readFileSync(file);
    const text = /\.(html|css|js|mjs|json|csv|xml|txt|svg)$/.test(path);
    const row = rows.get(kind) ?? { kind, files: 0, bytes: 0, gzipBytes: 0 };
    row.files++;
    row.bytes += body.length;
    row.gzipBytes += text ? gzipSync(body, { level: 6 }).length : body.length;
    rows.set(kind, row);
  }
  return [...rows.values()].sort((a, b) => b.bytes - a.bytes);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
