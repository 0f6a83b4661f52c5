import { readdirSync, readFileSync } from "node:fs";
import { inThread } from "../data/threads.ts";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { PrivacyAllowlist } from "./allowlist.ts";
import type { CleanFiles } from "./clean-cache.ts";
import { scanText } from "./scan.ts";
import { sha256 } from "./vendor.ts";

/** One piece of personal data found in the built site. */
export interface OutputFinding {
  /** Path as shown to the reader, e.g. `dist/pagefind/fragment/zh_1a2b.pf_fragment`. */
  path: string;
  /** How the bytes were unpacked before scanning, when they were compressed. */
  unpacked?: "gzip" | "brotli";
  /** 1-based line in the (unpacked) text; 0 when the file could not be read at all. */
  line: number;
  /** 1-based character in that line, when there is a hit. */
  position?: number;
  /** Masked description, e.g. `手机号 138******00`, or why the file could not be checked. */
  what: string;
}

export interface OutputScan {
  findings: OutputFinding[];
  files: number;
  /** Files recognised by content as third-party files (see `vendor.ts`), not scanned. */
  recognised: { path: string; as: string }[];
  /** Files written from records scanned before they were indexed (see `derived.ts`). */
  covered: number;
  /** Files byte-for-byte as an earlier build scanned them clean (see `clean-cache.ts`). */
  unchanged: number;
  /** Bytes scanned after unpacking. */
  bytes: number;
}

/** Says which files were written from text already scanned, byte for byte as written. */
export interface CoveredFiles {
  /** True when `path` was written from scanned text (its bytes are then worth comparing). */
  noted(path: string): boolean;
  covers(path: string, bytes: Uint8Array): boolean;
}

const GZIP_MAGIC = [0x1f, 0x8b] as const;

function filesUnder(dir: string): string[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Unpacks what search indexes and hosts store compressed. Pagefind writes its fragments,
 * index chunks, metadata and wasm gzip-compressed (whatever their extension), so the bytes,
 * not the name, decide; `.br` files are precompressed copies some hosts serve.
 */
function unpack(bytes: Buffer, path: string): { data: Buffer; unpacked?: "gzip" | "brotli" } {
  if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1])
    return { data: gunzipSync(bytes), unpacked: "gzip" };
  if (path.endsWith(".br")) return { data: brotliDecompressSync(bytes), unpacked: "brotli" };
  return { data: bytes };
}

/** A file the scan must read: where it is and how messages name it. */
export interface PendingFile {
  absolute: string;
  path: string;
}

/** What the threads need besides their files: the same for all of them. */
export interface ScanContext {
  /** Canonical values the allow list lets through. */
  allowed: readonly string[];
  /** SHA-256 of known third-party files → what they are. */
  recognised: ReadonlyMap<string, string>;
  /** Hashes an earlier build found clean, when a record of them is kept (clean-cache.ts). */
  known?: ReadonlySet<string>;
}

/** What scanning some files found. */
export interface FilesScan {
  findings: OutputFinding[];
  /** Bytes scanned, after unpacking. */
  bytes: number;
  /** Hashes of the files found clean (or known clean), when a record is kept. */
  clean: string[];
  recognised: { path: string; as: string }[];
  unchanged: number;
}

/** The allow list as the canonical values it lets through (how it travels to a thread). */
export function allowlistOfValues(values: readonly string[]): PrivacyAllowlist {
  const set = new Set(values);
  return { allows: (hit) => set.has(hit.value), size: set.size, values };
}

/**
 * Reads, recognises, unpacks and scans files; run in the build's process or in a thread
 * (scan-worker.ts), so that reading and hashing the output are shared out too.
 */
export function scanFiles(files: readonly PendingFile[], context: ScanContext): FilesScan {
  const allowlist = allowlistOfValues(context.allowed);
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const out: FilesScan = { findings: [], bytes: 0, clean: [], recognised: [], unchanged: 0 };
  const hashing = context.known !== undefined || context.recognised.size > 0;
  for (const { absolute, path } of files) {
    // Synchronous reads: promise-based reads cost far more CPU over tens of thousands of files.
    const raw = readFileSync(absolute);
    const hash = hashing ? sha256(raw) : undefined;
    if (hash !== undefined && context.known?.has(hash)) {
      out.clean.push(hash);
      out.unchanged += 1;
      continue;
    }
    const known = hash === undefined ? undefined : context.recognised.get(hash);
    if (known !== undefined) {
      out.recognised.push({ path, as: known });
      continue;
    }
    let content: { data: Buffer; unpacked?: "gzip" | "brotli" };
    try {
      content = unpack(raw, absolute);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      out.findings.push({ path, line: 0, what: `无法解压,因而无法检查:${reason}` });
      continue;
    }
    out.bytes += content.data.length;
    const hits = scanText(decoder.decode(content.data), allowlist);
    if (hits.length === 0 && hash !== undefined && context.known) out.clean.push(hash);
    for (const { line, position, hit } of hits) {
      out.findings.push({
        path,
        line,
        position,
        what: `含有疑似${hit.masked}`,
        ...(content.unpacked ? { unpacked: content.unpacked } : {}),
      });
    }
  }
  return out;
}

/** Scans the files in `workers` threads at once (the build's last step has the cores to itself). */
async function scanInWorkers(
  files: readonly PendingFile[],
  context: ScanContext,
  workers: number,
): Promise<FilesScan> {
  const parts: PendingFile[][] = Array.from({ length: workers }, () => []);
  files.forEach((file, i) => parts[i % workers]?.push(file));
  const results = await Promise.all(
    parts.map((part) =>
      inThread<FilesScan>(
        new URL("./scan-worker.ts", import.meta.url),
        { files: part, context },
        "privacy scan",
      ),
    ),
  );
  return {
    findings: results.flatMap((result) => result.findings),
    bytes: results.reduce((sum, result) => sum + result.bytes, 0),
    clean: results.flatMap((result) => result.clean),
    recognised: results.flatMap((result) => result.recognised),
    unchanged: results.reduce((sum, result) => sum + result.unchanged, 0),
  };
}

/** Below this many files a worker costs more to start than it saves. */
const WORKER_THRESHOLD = 2000;

/**
 * The build-output half of the guard: every file under `dir` (pages, feeds, CSV and JSON
 * downloads, scripts, search index), unpacked when compressed, decoded as UTF-8 (binary
 * files too: their text runs are what could carry a number), and searched. A file that
 * cannot be unpacked is itself a finding, because it cannot be shown to be clean.
 */
export async function scanBuildOutput(
  dir: string,
  allowlist: PrivacyAllowlist,
  displayDir: string,
  /** SHA-256 of known third-party files → what they are. */
  recognisedFiles: ReadonlyMap<string, string> = new Map(),
  /** Files written from text scanned before it was written (the search index, `derived.ts`). */
  sources?: CoveredFiles,
  /** Files an earlier build scanned clean; this build's clean files are added to it. */
  cache?: CleanFiles,
  /** Threads to scan in; 1 scans in this thread. */
  workers = 1,
): Promise<OutputScan> {
  let covered = 0;
  const files = filesUnder(dir);
  const pending: PendingFile[] = [];
  for (const absolute of files) {
    const path = `${displayDir}/${absolute
      .slice(dir.length)
      .replace(/^[\\/]+/, "")
      .split("\\")
      .join("/")}`;
    // Only files written from scanned records are read here; the threads read the rest.
    if (sources?.noted(absolute) && sources.covers(absolute, readFileSync(absolute))) {
      covered += 1;
      continue;
    }
    pending.push({ absolute, path });
  }
  const context: ScanContext = {
    allowed: allowlist.values,
    recognised: recognisedFiles,
    ...(cache ? { known: cache.known } : {}),
  };
  const scanned =
    workers > 1 && pending.length >= WORKER_THRESHOLD
      ? await scanInWorkers(pending, context, workers)
      : scanFiles(pending, context);
  for (const hash of scanned.clean) cache?.clean.add(hash);
  // In file order, whichever thread found them.
  const order = new Map(files.map((file, i) => [file, i]));
  const rank = new Map(pending.map((file) => [file.path, order.get(file.absolute) ?? 0]));
  const findings = scanned.findings.sort(
    (a, b) =>
      (rank.get(a.path) ?? 0) - (rank.get(b.path) ?? 0) ||
      a.line - b.line ||
      (a.position ?? 0) - (b.position ?? 0),
  );
  return {
    findings,
    files: files.length,
    recognised: scanned.recognised,
    covered,
    unchanged: scanned.unchanged,
    bytes: scanned.bytes,
  };
}

const FINDING_ALLOWED =
  "构建结果来自数据文件和文章:请在那里删去或改写;确属对外公布的单位号码或地址,列入 privacy-allowlist.csv 并写明理由";

/**
 * `dist/x/index.html:12:40 (构建结果): 含有疑似手机号 138******00 (…)`, the shape of every
 * other message; `(gzip 解压后)` in place of `(构建结果)` for unpacked files.
 */
export function formatFinding(finding: OutputFinding): string {
  const at = finding.position === undefined ? "" : `:${finding.position}`;
  const field = finding.unpacked ? `(${finding.unpacked} 解压后)` : "(构建结果)";
  return `${finding.path}:${finding.line}${at} ${field}: ${finding.what} (${FINDING_ALLOWED})`;
}
