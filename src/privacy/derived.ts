import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PrivacyAllowlist } from "./allowlist.ts";
import type { CoveredFiles, OutputFinding } from "./build-output.ts";
import { scanText } from "./scan.ts";
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
   * Scans one record's strings; a hit is reported as the record's place in the output
   * (`dist/pagefind (搜索索引记录 /mailbox/SJ-2024-0001/)`) and its line among those strings.
   */
  scanRecord(
    place: string,
    strings: readonly string[],
    allowlist: PrivacyAllowlist,
  ): OutputFinding[] {
    const text = strings.join("\n");
    this.characters += text.length;
    const found = scanText(text, allowlist).map(({ line, position, hit }) => ({
      path: place,
      line,
      position,
      what: `含有疑似${hit.masked}`,
    }));
    this.findings.push(...found);
    return found;
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

  /** True when `bytes` are exactly what was written at `path` from scanned records. */
  covers(path: string, bytes: Uint8Array): boolean {
    const hash = this.#files.get(path);
    return hash !== undefined && hash === sha256(bytes);
  }

  get size(): number {
    return this.#files.size;
  }
}
