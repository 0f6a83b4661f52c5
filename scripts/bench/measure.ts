import { spawn } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

export interface ProcessFigures {
  wallSeconds: number;
  cpuSeconds: number;
  /** Largest resident set of any process in the command's tree, in bytes (GNU time %M). */
  peakRssBytes: number;
  /** When the command started and ended, in epoch milliseconds (phase marks use the same clock). */
  startedAt: number;
  endedAt: number;
  /** The command's process tree sampled over its run (empty where /proc is not available). */
  samples: TreeSample[];
}

/** One look at a command's whole process tree (Node and the Pagefind service it starts). */
export interface TreeSample {
  /** Epoch milliseconds. */
  at: number;
  /** Resident memory of all processes of the tree at that moment, in bytes. */
  rssBytes: number;
  /** CPU seconds the tree has used so far (live processes, plus children they have reaped). */
  cpuSeconds: number;
  /** Per process name (`node`, `pagefind_extend…`): RSS now, and CPU seconds used so far. */
  byName: Record<string, { rssBytes: number; cpuSeconds: number }>;
}

const CLOCK_TICKS = 100;

interface ProcInfo {
  name: string;
  ppid: number;
  /** The process's own CPU ticks (user + system). */
  ownTicks: number;
  /** Own ticks plus those of the children it has waited for. */
  cpuTicks: number;
  rssBytes: number;
}

/** Node names its main thread `MainThread`; Pagefind's binary name is cut to 15 characters. */
function processName(comm: string): string {
  if (comm === "MainThread" || comm === "node") return "node";
  if (comm.startsWith("pagefind")) return "pagefind";
  return comm;
}

function readProc(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const name = processName(stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rssKb = Number(/^VmRSS:\s*(\d+) kB$/m.exec(status)?.[1] ?? 0);
    const tick = (index: number) => Number(fields[index] ?? 0);
    // utime, stime, cutime, cstime (man 5 proc: fields 14-17; here 0-based after the name).
    const ownTicks = tick(11) + tick(12);
    return {
      name,
      ppid: tick(1),
      ownTicks,
      cpuTicks: ownTicks + tick(13) + tick(14),
      rssBytes: rssKb * 1024,
    };
  } catch {
    // The process ended between listing and reading, or this is not Linux.
    return undefined;
  }
}

/**
 * Samples the tree under `root` every `intervalMs`: total RSS and CPU of its processes, and
 * both per process name. CPU per name adds up what each process used between samples, so a
 * process that ends loses at most its last interval.
 */
export function sampleTree(root: number, intervalMs = 250): { stop(): TreeSample[] } {
  const samples: TreeSample[] = [];
  const lastTicks = new Map<number, number>();
  const cpuByName = new Map<string, number>();
  const sample = () => {
    let pids: number[];
    try {
      pids = readdirSync("/proc")
        .filter((entry) => /^\d+$/.test(entry))
        .map(Number);
    } catch {
      return;
    }
    const procs = new Map<number, ProcInfo>();
    for (const pid of pids) {
      const proc = readProc(pid);
      if (proc) procs.set(pid, proc);
    }
    const inTree = new Set([root]);
    // Parents have lower pids in general, but not always: repeat until nothing joins.
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, proc] of procs) {
        if (!inTree.has(pid) && inTree.has(proc.ppid)) {
          inTree.add(pid);
          grew = true;
        }
      }
    }
    let rssBytes = 0;
    let ticks = 0;
    const rssByName = new Map<string, number>();
    for (const pid of inTree) {
      const proc = procs.get(pid);
      if (!proc) continue;
      rssBytes += proc.rssBytes;
      ticks += proc.cpuTicks;
      rssByName.set(proc.name, (rssByName.get(proc.name) ?? 0) + proc.rssBytes);
      const used = proc.ownTicks - (lastTicks.get(pid) ?? 0);
      lastTicks.set(pid, proc.ownTicks);
      cpuByName.set(proc.name, (cpuByName.get(proc.name) ?? 0) + used);
    }
    if (!procs.has(root)) return;
    const byName: TreeSample["byName"] = {};
    for (const [name, used] of cpuByName) {
      byName[name] = { rssBytes: rssByName.get(name) ?? 0, cpuSeconds: used / CLOCK_TICKS };
    }
    samples.push({ at: Date.now(), rssBytes, cpuSeconds: ticks / CLOCK_TICKS, byName });
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return samples;
    },
  };
}

export interface TreeFigures {
  peakRssBytes: number;
  cpuSeconds: number;
  /** Per process name: peak RSS and CPU used in the span. */
  byName: Record<string, { peakRssBytes: number; cpuSeconds: number }>;
}

/** Tree figures between two moments: peak RSS, and CPU used (from the samples around them). */
export function treeFigures(samples: readonly TreeSample[], from: number, to: number): TreeFigures {
  const inside = samples.filter((sample) => sample.at >= from && sample.at <= to);
  const before = samples.filter((sample) => sample.at < from).at(-1);
  const last = inside.at(-1);
  const byName: TreeFigures["byName"] = {};
  for (const sample of inside) {
    for (const [name, figures] of Object.entries(sample.byName)) {
      const entry = (byName[name] ??= { peakRssBytes: 0, cpuSeconds: 0 });
      entry.peakRssBytes = Math.max(entry.peakRssBytes, figures.rssBytes);
    }
  }
  if (last) {
    for (const [name, entry] of Object.entries(byName)) {
      entry.cpuSeconds =
        (last.byName[name]?.cpuSeconds ?? 0) - (before?.byName[name]?.cpuSeconds ?? 0);
    }
  }
  return {
    peakRssBytes: inside.reduce((peak, sample) => Math.max(peak, sample.rssBytes), 0),
    cpuSeconds: last ? last.cpuSeconds - (before?.cpuSeconds ?? 0) : 0,
    byName,
  };
}

/**
 * Runs a command under GNU time (Debian package `time`, /usr/bin/time) and returns its wall
 * time, CPU time (user + system, children included) and peak RSS. Output streams through.
 */
export function timeCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  /** Where the command's output goes; it streams to this process's own when not given. */
  logFile?: string,
): Promise<ProcessFigures> {
  const report = join(mkdtempSync(join(tmpdir(), "gongshi-time-")), "time.txt");
  return new Promise((resolve, reject) => {
    const log = logFile === undefined ? "inherit" : openSync(logFile, "w");
    const startedAt = Date.now();
    const child = spawn("/usr/bin/time", ["-o", report, "-f", "%e %U %S %M", command, ...args], {
      env,
      stdio: ["ignore", log, log],
    });
    const sampler = child.pid === undefined ? undefined : sampleTree(child.pid);
    child.on("error", reject);
    child.on("close", (code) => {
      const endedAt = Date.now();
      const samples = sampler?.stop() ?? [];
      if (typeof log === "number") closeSync(log);
      if (code !== 0) {
        reject(
          new Error(
            `${command} ${args.join(" ")} exited with ${code}${logFile ? ` (see ${logFile})` : ""}`,
          ),
        );
        return;
      }
      const line = readFileSync(report, "utf8").trim().split("\n").at(-1) ?? "";
      const [wall, user, system, rssKb] = line.split(" ").map(Number);
      resolve({
        wallSeconds: wall ?? 0,
        cpuSeconds: (user ?? 0) + (system ?? 0),
        peakRssBytes: (rssKb ?? 0) * 1024,
        startedAt,
        endedAt,
        samples,
      });
    });
  });
}

export interface PhaseFigures {
  phase: string;
  /** Epoch milliseconds. */
  startedAt: number;
  endedAt: number;
  wallSeconds: number;
  /** CPU of the build's main process only (marks cannot see child processes). */
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
  // A hook may fire more than once (Astro runs config setup again for some steps): a phase
  // runs from its first start to the first end after it.
  const open = new Map<string, (typeof marks)[number]>();
  for (const mark of marks) {
    const start = open.get(mark.phase);
    if (mark.edge === "start") {
      if (!start) open.set(mark.phase, mark);
      continue;
    }
    if (!start) continue;
    open.delete(mark.phase);
    figures.push({
      phase: start.phase,
      startedAt: start.at,
      endedAt: mark.at,
      wallSeconds: (mark.at - start.at) / 1000,
      cpuSeconds: (mark.cpuMs - start.cpuMs) / 1000,
      rssAtEndBytes: mark.rssBytes,
    });
  }
  return figures;
}

/**
 * Render time of each route from Astro's build log (`├─ /path/index.html (+12ms)`). Astro
 * renders one route after the other, so these add up to the rendering part of the pages
 * phase; the benchmark sums them by kind of route.
 */
export function readRouteTimes(logFile: string): Map<string, number> {
  const times = new Map<string, number>();
  if (!existsSync(logFile)) return times;
  const line = /[├└]─ (\S+) \(\+(\d+(?:\.\d+)?)(ms|s)\)/;
  for (const text of readFileSync(logFile, "utf8").split("\n")) {
    const match = line.exec(text);
    if (!match) continue;
    const value = Number(match[2]);
    times.set(match[1] ?? "", match[3] === "s" ? value * 1000 : value);
  }
  return times;
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
