import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, test } from "vitest";
import { DataContext } from "../../src/data/context.ts";
import { formatIssue } from "../../src/data/issues.ts";
import { allowlistOf } from "../../src/privacy/allowlist.ts";
import { formatFinding, scanBuildOutput } from "../../src/privacy/build-output.ts";
import { cleanCacheKey, openCleanFiles, saveCleanFiles } from "../../src/privacy/clean-cache.ts";
import { checkDataFilesForPersonalData } from "../../src/privacy/data-files.ts";
import { ScannedSources } from "../../src/privacy/derived.ts";
import { readPageRecords } from "../../src/search/page-records.ts";
import { sha256 } from "../../src/privacy/vendor.ts";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "gongshi-privacy-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const NONE = allowlistOf([]);

describe("data-file scan", () => {
  test("names file, line and column of a number in a CSV cell, masked", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "letters.csv"),
      'id,content,reply\nA,"第一行\n第二行 电话 13800138000",好\nB,无,请发邮件到 someone@example.org\n',
    );
    const ctx = new DataContext(dir, "data", "2026-10-31");
    checkDataFilesForPersonalData(ctx, NONE);
    expect(ctx.issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^data\/letters\.csv:3 content: 含有疑似手机号 138\*{6}00 \(/),
      expect.stringMatching(
        /^data\/letters\.csv:4 reply: 含有疑似电子邮箱 s\*\*\*@e\*\*\*\.org \(/,
      ),
    ]);
    expect(ctx.issues.map(formatIssue).join("\n")).not.toContain("13800138000");
  });

  test("scans other files by line and lets allow-listed numbers through", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "site.json"),
      '{\n  "phone": "0833-2123456",\n  "fax": "0833-2123457"\n}\n',
    );
    const ctx = new DataContext(dir, "data", "2026-10-31");
    checkDataFilesForPersonalData(ctx, allowlistOf(["0833 2123456"]));
    expect(ctx.issues.map((issue) => `${issue.file}:${issue.line} ${issue.problem}`)).toEqual([
      "data/site.json:3 含有疑似固定电话 083******57",
    ]);
  });
});

/** A finding as printed, without the advice every finding ends with. */
const shown = (finding: Parameters<typeof formatFinding>[0]) =>
  formatFinding(finding).replace(/ \(构建结果来自数据文件和文章[^)]*\)$/, "");

describe("build-output scan", () => {
  function site(): string {
    const dir = tempDir();
    mkdirSync(join(dir, "mailbox", "SJ-2024-0001"), { recursive: true });
    mkdirSync(join(dir, "pagefind", "fragment"), { recursive: true });
    writeFileSync(join(dir, "index.html"), "<h1>首页</h1>\n<p>受理 2856 件</p>\n");
    return dir;
  }

  test("finds a number in a page and names the path and line", async () => {
    const dir = site();
    writeFileSync(
      join(dir, "mailbox", "SJ-2024-0001", "index.html"),
      "<p>a</p>\n<p>138-0013-8000</p>",
    );
    const scan = await scanBuildOutput(dir, NONE, "dist");
    expect(scan.findings.map(shown)).toEqual([
      "dist/mailbox/SJ-2024-0001/index.html:2:4 (构建结果): 含有疑似手机号 138******00",
    ]);
  });

  test("unpacks gzip search fragments whatever their extension", async () => {
    const dir = site();
    // As Pagefind writes Chinese content: a zero-width space between every two words.
    const words = ["来信", "邮箱 ", "li", "@", "example.net"];
    const fragment = `pagefind_dcd${JSON.stringify({ content: words.join("\u200b") })}`;
    writeFileSync(join(dir, "pagefind", "fragment", "zh_1a2b.pf_fragment"), gzipSync(fragment));
    const scan = await scanBuildOutput(dir, NONE, "dist");
    expect(scan.findings.map(shown)).toEqual([
      "dist/pagefind/fragment/zh_1a2b.pf_fragment:1:32 (gzip 解压后): 含有疑似电子邮箱 l***@e***.net",
    ]);
  });

  test("unpacks precompressed brotli copies", async () => {
    const dir = site();
    writeFileSync(join(dir, "feed.xml.br"), brotliCompressSync("<entry>028-87654321</entry>"));
    const scan = await scanBuildOutput(dir, NONE, "dist");
    expect(scan.findings.map(shown)).toEqual([
      "dist/feed.xml.br:1:8 (brotli 解压后): 含有疑似固定电话 028******21",
    ]);
  });

  test("treats a file it cannot unpack as a finding", async () => {
    const dir = site();
    writeFileSync(
      join(dir, "pagefind", "broken.pf_meta"),
      Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01]),
    );
    const scan = await scanBuildOutput(dir, NONE, "dist");
    expect(scan.findings.map(shown)).toEqual([
      expect.stringMatching(/^dist\/pagefind\/broken\.pf_meta:0 \(构建结果\): 无法解压/),
    ]);
  });

  test("recognises a third-party file only when it is byte-for-byte identical", async () => {
    const dir = site();
    const vendor = 'var thanks="Someone <someone@example.com>";';
    writeFileSync(join(dir, "pagefind", "pagefind-ui.js"), vendor);
    writeFileSync(join(dir, "pagefind", "pagefind-ui-changed.js"), `${vendor} `);
    const known = new Map([[sha256(Buffer.from(vendor)), "Pagefind 自带文件 pagefind-ui.js"]]);
    const scan = await scanBuildOutput(dir, NONE, "dist", known);
    expect(scan.recognised.map((file) => file.path)).toEqual(["dist/pagefind/pagefind-ui.js"]);
    expect(scan.findings.map((finding) => finding.path)).toEqual([
      "dist/pagefind/pagefind-ui-changed.js",
    ]);
  });
});

describe("search records scanned as they are indexed (derived.ts)", () => {
  test("a number in a page's record is a finding named by the record's page, in threads too", async () => {
    const dir = tempDir();
    const files = ["SJ-2024-0001", "SJ-2024-0002"].map((id) => {
      mkdirSync(join(dir, "mailbox", id), { recursive: true });
      const file = join(dir, "mailbox", id, "index.html");
      const text = id.endsWith("1") ? "来信 请致电 139 1234 5678" : "来信";
      writeFileSync(file, `<main data-pagefind-body><h1>${id}</h1><p>${text}</p></main>`);
      return file;
    });
    const options = { allowlist: NONE, display: "dist" };
    const here = await readPageRecords(files, dir, options);
    expect(here.findings.map(shown)).toEqual([
      expect.stringMatching(
        /^dist\/pagefind \(搜索索引记录 \/mailbox\/SJ-2024-0001\/\):\d+:\d+ \(构建结果\): 含有疑似手机号 139\*{6}78$/,
      ),
    ]);
    const threads = await readPageRecords(files, dir, {
      ...options,
      workers: 2,
      workerThreshold: 1,
    });
    expect(threads).toEqual(here);

    const sources = new ScannedSources();
    sources.addRecordScan(here.findings, here.scannedCharacters);
    expect(sources.findings).toEqual(here.findings);
  });

  test("the guard skips a file written from scanned records, and scans it once it changes", async () => {
    const dir = tempDir();
    const fragment = join(dir, "pagefind", "fragment", "zh_1.pf_fragment");
    const meta = join(dir, "pagefind", "zh_1.pf_meta");
    mkdirSync(join(dir, "pagefind", "fragment"), { recursive: true });
    // What a planted record would have been caught in; the guard must not need to see it.
    writeFileSync(fragment, gzipSync("电话 13800138000"));
    writeFileSync(meta, gzipSync("meta"));
    const sources = new ScannedSources();
    expect(sources.noteDerivedFiles(dir, (name) => name.endsWith(".pf_fragment"))).toBe(1);
    const before = await scanBuildOutput(dir, NONE, "dist", new Map(), sources);
    expect(before.covered).toBe(1);
    expect(before.findings).toEqual([]);

    // Written over after indexing (another tool, a later hook): no longer what was scanned.
    writeFileSync(fragment, gzipSync("电话 13800138001"));
    const after = await scanBuildOutput(dir, NONE, "dist", new Map(), sources);
    expect(after.covered).toBe(0);
    expect(after.findings.map((finding) => finding.path)).toEqual([
      "dist/pagefind/fragment/zh_1.pf_fragment",
    ]);
  });
});

describe("only what is new is scanned (clean-cache.ts)", () => {
  function sourceDir(): string {
    const dir = tempDir();
    writeFileSync(join(dir, "detectors.ts"), "export const version = 1;\n");
    return dir;
  }

  test("a rebuild reads only the files that changed, and still finds what is new", async () => {
    const src = sourceDir();
    const cacheDir = tempDir();
    const out = tempDir();
    writeFileSync(join(out, "a.html"), "<p>甲</p>");
    writeFileSync(join(out, "b.html"), "<p>乙</p>");
    const key = cleanCacheKey(NONE, src);

    const first = openCleanFiles(key, cacheDir);
    const cold = await scanBuildOutput(out, NONE, "dist", new Map(), undefined, first);
    expect([cold.unchanged, cold.findings.length]).toEqual([0, 0]);
    saveCleanFiles(first, key, cacheDir);

    writeFileSync(join(out, "b.html"), "<p>乙 电话 13800138000</p>");
    const second = openCleanFiles(key, cacheDir);
    const warm = await scanBuildOutput(out, NONE, "dist", new Map(), undefined, second);
    expect(warm.unchanged).toBe(1);
    expect(warm.findings.map((finding) => finding.path)).toEqual(["dist/b.html"]);
    // A file with a finding is never remembered as clean.
    expect(second.clean.size).toBe(1);
  });

  test("other detectors or another allow list start from nothing", () => {
    const src = sourceDir();
    const key = cleanCacheKey(NONE, src);
    expect(cleanCacheKey(allowlistOf(["0833-2123456"]), src)).not.toBe(key);
    writeFileSync(join(src, "detectors.ts"), "export const version = 2;\n");
    expect(cleanCacheKey(NONE, src)).not.toBe(key);
    // Code run from where its detectors cannot be read keeps no record at all.
    expect(cleanCacheKey(NONE, join(src, "missing"))).toBeUndefined();
    expect(openCleanFiles(undefined, tempDir()).known.size).toBe(0);
  });

  test("the record holds only the last build's clean files, under the current key", async () => {
    const src = sourceDir();
    const cacheDir = tempDir();
    const out = tempDir();
    writeFileSync(join(out, "a.html"), "<p>甲</p>");
    const oldKey = cleanCacheKey(NONE, src);
    const old = openCleanFiles(oldKey, cacheDir);
    await scanBuildOutput(out, NONE, "dist", new Map(), undefined, old);
    saveCleanFiles(old, oldKey, cacheDir);

    writeFileSync(join(src, "detectors.ts"), "export const version = 2;\n");
    const newKey = cleanCacheKey(NONE, src);
    const fresh = openCleanFiles(newKey, cacheDir);
    const scan = await scanBuildOutput(out, NONE, "dist", new Map(), undefined, fresh);
    expect(scan.unchanged).toBe(0);
    saveCleanFiles(fresh, newKey, cacheDir);
    expect(readdirSync(cacheDir)).toEqual([`clean-${newKey}.txt`]);
  });
});

test("a scan split across threads finds the same, in file order", async () => {
  const dir = tempDir();
  // Enough files for the threads to be used (build-output.ts, WORKER_THRESHOLD).
  for (let i = 0; i < 2400; i++) {
    const name = `p${String(i).padStart(4, "0")}.html`;
    const text =
      i % 600 === 7 ? `<p>第${i}页 电话 1380013${String(8000 + i)}</p>` : `<p>第${i}页</p>`;
    writeFileSync(join(dir, name), text);
  }
  const one = await scanBuildOutput(dir, NONE, "dist");
  const two = await scanBuildOutput(dir, NONE, "dist", new Map(), undefined, undefined, 2);
  expect(one.findings.map(shown)).toHaveLength(4);
  expect(two.findings.map(shown)).toEqual(one.findings.map(shown));
  expect(two.bytes).toBe(one.bytes);
});
