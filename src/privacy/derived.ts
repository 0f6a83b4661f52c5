import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CoveredFiles, OutputFinding } from "./build-output.ts";
import { sha256 } from "./vendor.ts";

/**
 * Output written from text that was scanned before it was written: the search index. Its
 * records are scanned as they are handed to Pagefind (every string of every record: URL,
 * content, metadata, filters), and the files Pagefind makes of them are noted with their
 * SHA-256; the guard then skips a noted file whose bytes are still the same, instead of
 * unpacking and scanning the same text a second time. A file changed or added after it was
 * noted is scanned as usual, and so are Pagefind's scripts and wasm (recognised by content).
 */
export class ScannedSources implements CoveredFiles {
  /** Absolute path → SHA-256 of the file as written from scanned records. */
  readonly #files = new Map<string, string>();
  readonly findings: OutputFinding[] = [];
  /** Characters of record text scanned. */
  characters = 0;

  /**
   * What scanning the records as they were made found (src/search/page-records.ts): hits are
   * named by the record's place, `dist/pagefind (搜索索引记录 /mailbox/SJ-2024-0001/)`.
   */
  addRecordScan(findings: readonly OutputFinding[], characters: number): void {
    this.findings.push(...findings);
    this.characters += characters;
  }

  /** Notes every file under `dir` whose name says Pagefind wrote it from the records. */
  noteDerivedFiles(dir: string, derived: (name: string) => boolean): number {
    let noted = 0;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !derived(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      this.#files.set(path, sha256(readFileSync(path)));
      noted += 1;
    }
    return noted;
  }

  noted(path: string): boolean {
    return this.#files.has(path);
  }

  /** True when `bytes` are exactly what was written at `path` from scanned records. */
  covers(path: string, bytes: Uint8Array): boolean {
    const hash = this.#files.get(path);
    return hash !== undefined && hash === sha256(bytes);
  }

  get size(): number {
    return this.#files.size;
  }
}
