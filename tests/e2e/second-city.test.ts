import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadDataset } from "../../src/site/dataset.ts";

// The same code, given another city's data and content directories, builds that city's
// site: "configuration alone". The second city is 自贡市 (510300), the demo is 乐山市.
const ZIGONG = resolve("tests/fixtures/sites/zigong");

let outDir = "";
let build: { status: number | null; output: string };

beforeAll(() => {
  outDir = join(mkdtempSync(join(tmpdir(), "gongshi-zigong-")), "dist");
  const run = spawnSync("npm", ["run", "build"], {
    encoding: "utf8",
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: "1",
      GONGSHI_DATA_DIR: join(ZIGONG, "data"),
      GONGSHI_CONTENT_DIR: join(ZIGONG, "content"),
      GONGSHI_OUT_DIR: outDir,
    },
  });
  build = { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}, 300_000);

afterAll(() => {
  if (outDir) rmSync(join(outDir, ".."), { recursive: true, force: true });
});

/** Every built file with its text; gzip-compressed files (e.g. search index) unpacked. */
function builtFiles(): { path: string; text: string }[] {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const bytes = readFileSync(path);
      const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
      return { path: relative(outDir, path), text: (gzip ? gunzipSync(bytes) : bytes).toString() };
    });
}

/** Files that hold page text or published data (Pagefind fragments hold page text). */
const PAGE_OR_DATA = /(\.(html|xml|json|csv|txt|pf_fragment)|_headers)$/;

function page(path: string): string {
  return readFileSync(join(outDir, path), "utf8");
}

describe("a second city built from configuration alone", () => {
  test("builds", () => {
    expect(build.output).toContain("数据检查通过:自贡市,6 个县级区划");
    expect(build.status).toBe(0);
  });

  test("the home page names 自贡市 and its six county-level divisions", () => {
    const home = page("index.html");
    expect(home).toContain("<title>自贡公示</title>");
    expect(home).toContain('<link rel="canonical" href="https://zigong.gongshi.example/">');
    expect(home).toMatch(/自贡市承诺了什么/);
    expect(home).toContain("自流井区、贡井区、大安区、沿滩区、荣县、富顺县");
    expect(home).toContain('<time datetime="2026-09-30"');
  });

  test("runs without the projects register: no pages, downloads, feeds or links for it", () => {
    const paths = builtFiles().map(({ path }) => path);
    expect(paths.filter((path) => /(^|\/)projects?[-/.]|project-updates/.test(path))).toEqual([]);
    expect(page("index.html")).not.toContain('href="/projects/');
    expect(page("data/index.html")).not.toContain("projects.csv");
  });

  test("the about page comes from the second city's own content directory", () => {
    expect(page("about/index.html")).toContain("这是测试站点");
  });

  test("no built file names the demo city, and no page or data file its region codes", () => {
    // Read from the demo data, so the check follows it: its name with and without 市 in any
    // file, and every code of its regions.csv in files that hold page text or data (six
    // digits turn up by chance in scripts and binaries).
    const demo = loadDataset(resolve("data"));
    const name = demo.site.jurisdiction.name;
    const names = [name, name.replace(/市$/, "")];
    const codes = [...demo.regionsByCode.keys()];
    const files = builtFiles();
    expect(files.map(({ path }) => path)).toContain("index.html");
    const hits = files.flatMap(({ path, text }) => {
      const markers = PAGE_OR_DATA.test(path) ? [...names, ...codes] : names;
      return markers
        .filter((marker) => text.includes(marker))
        .map((marker) => `${path}: ${marker}`);
    });
    expect(hits).toEqual([]);
  });

  test("runs without a section it does not list: no 民生实事 page, link, download or feed", () => {
    const files = builtFiles();
    expect(files.filter(({ path }) => /commitment/.test(path)).map(({ path }) => path)).toEqual([]);
    const linking = files
      .filter(
        ({ path }) => path.endsWith(".html") || path.endsWith(".xml") || path.endsWith(".json"),
      )
      .filter(({ text }) => text.includes("/commitments/") || text.includes("commitments.csv"))
      .map(({ path }) => path);
    expect(linking).toEqual([]);
  });

  test("a city that does not run 阳光问廉 or 民情台账 has no page, link, feed or file of them", () => {
    const paths = builtFiles().map(({ path }) => path);
    expect(
      paths.filter((path) => /^(hearings|ledgers|feeds\/(hearings|ledgers))/.test(path)),
    ).toEqual([]);
    expect(paths.filter((path) => /^data\/(hearing|ledger)/.test(path))).toEqual([]);
    const home = page("index.html");
    expect(home).not.toContain('href="/hearings/"');
    expect(home).not.toContain('href="/ledgers/"');
  });
});
