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

/** A file the scan must read: where it is, how messages name it, its hash when known. */
export interface PendingFile {
  absolute: string;
  path: string;
  hash?: string;
}

/** What scanning some files found: findings, bytes read after unpacking, clean hashes. */
export interface FilesScan {
  findings: OutputFinding[];
  bytes: number;
  clean: string[];
}

/** Reads, unpacks and scans files; run in the build's process or in a worker (scan-worker.ts). */
export function scanFiles(files: readonly PendingFile[], allowlist: PrivacyAllowlist): FilesScan {
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const findings: OutputFinding[] = [];
  const clean: string[] = [];
  let bytes = 0;
  for (const { absolute, path, hash } of files) {
    let content: { data: Buffer; unpacked?: "gzip" | "brotli" };
    try {
      content = unpack(readFileSync(absolute), absolute);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      findings.push({ path, line: 0, what: `无法解压,因而无法检查:${reason}` });
      continue;
    }
    bytes += content.data.length;
    const hits = scanText(decoder.decode(content.data), allowlist);
    if (hits.length === 0 && hash !== undefined) clean.push(hash);
    for (const { line, position, hit } of hits) {
      findings.push({
        path,
        line,
        position,
        what: `含有疑似${hit.masked}`,
        ...(content.unpacked ? { unpacked: content.unpacked } : {}),
      });
    }
  }
  return { findings, bytes, clean };
}

/** Scans the files in `workers` threads at once (the build's last step has the cores to itself). */
async function scanInWorkers(
  files: readonly PendingFile[],
  allowlist: PrivacyAllowlist,
  workers: number,
): Promise<FilesScan> {
  const parts: PendingFile[][] = Array.from({ length: workers }, () => []);
  files.forEach((file, i) => parts[i % workers]?.push(file));
  const results = await Promise.all(
    parts.map((part) =>
      inThread<FilesScan>(
        new URL("./scan-worker.ts", import.meta.url),
        { files: part, allowed: allowlist.values },
        "privacy scan",
      ),
    ),
  );
  return {
    findings: results.flatMap((result) => result.findings),
    bytes: results.reduce((sum, result) => sum + result.bytes, 0),
    clean: results.flatMap((result) => result.clean),
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
  const recognised: { path: string; as: string }[] = [];
  let covered = 0;
  let unchanged = 0;
  const files = filesUnder(dir);
  const pending: PendingFile[] = [];
  for (const absolute of files) {
    const path = `${displayDir}/${absolute
      .slice(dir.length)
      .replace(/^[\\/]+/, "")
      .split("\\")
      .join("/")}`;
    // Files that need no scan are told apart first; only the others are read again to be
    // scanned. Synchronous reads: the build waits for the scan anyway, and promise-based
    // reads cost far more CPU over tens of thousands of files.
    const needsBytes = sources !== undefined || recognisedFiles.size > 0 || cache !== undefined;
    if (!needsBytes) {
      pending.push({ absolute, path });
      continue;
    }
    const raw = readFileSync(absolute);
    if (sources?.covers(absolute, raw)) {
      covered += 1;
      continue;
    }
    const hash = recognisedFiles.size > 0 || cache ? sha256(raw) : undefined;
    if (hash !== undefined && cache?.known.has(hash)) {
      cache.clean.add(hash);
      unchanged += 1;
      continue;
    }
    const known = hash === undefined ? undefined : recognisedFiles.get(hash);
    if (known !== undefined) {
      recognised.push({ path, as: known });
      continue;
    }
    pending.push(hash === undefined ? { absolute, path } : { absolute, path, hash });
  }
  const scanned =
    workers > 1 && pending.length >= WORKER_THRESHOLD
      ? await scanInWorkers(pending, allowlist, workers)
      : scanFiles(pending, allowlist);
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
  return { findings, files: files.length, recognised, covered, unchanged, bytes: scanned.bytes };
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
