import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, onTestFinished, test } from "vitest";

// `npm run build` checks the data first and stops on any problem, with the editor's message
// and nothing written to the output directory. Shown on copies of the second city's data.
const ZIGONG = resolve("tests/fixtures/sites/zigong");
const RESAVE =
  "请另存为 UTF-8:Excel 选「文件 → 另存为 → CSV UTF-8(逗号分隔)」,WPS 选「另存为 → CSV,编码 UTF-8」";

/** A copy of the second city's data with regions.csv replaced, and where a build would go. */
function brokenCopy(regions: (original: string) => string | Uint8Array) {
  const root = mkdtempSync(join(tmpdir(), "gongshi-broken-"));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  const data = join(root, "data");
  cpSync(join(ZIGONG, "data"), data, { recursive: true });
  const file = join(data, "regions.csv");
  writeFileSync(file, regions(readFileSync(file, "utf8")));
  return { data, outDir: join(root, "dist") };
}

function buildWith(data: string, outDir: string) {
  const run = spawnSync("npm", ["run", "build"], {
    encoding: "utf8",
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: "1",
      GONGSHI_DATA_DIR: data,
      GONGSHI_CONTENT_DIR: join(ZIGONG, "content"),
      GONGSHI_OUT_DIR: outDir,
    },
  });
  return { status: run.status, stderr: run.stderr };
}

describe("npm run build stops on bad data", () => {
  test("a misspelt value: the message names file, line and column; nothing is built", () => {
    const { data, outDir } = brokenCopy((csv) =>
      csv.replace("510303,贡井区,县,", "510303,贡井区,区,"),
    );
    const build = buildWith(data, outDir);
    expect(build.status).not.toBe(0);
    expect(build.stderr).toContain(
      `${data}/regions.csv:4 level: 「区」不是允许的值 (允许:省、市、县、乡)`,
    );
    expect(existsSync(outDir)).toBe(false);
  });

  test("an unknown region code", () => {
    const { data, outDir } = brokenCopy((csv) => `${csv}510399,新区,县,510400\n`);
    const build = buildWith(data, outDir);
    expect(build.status).not.toBe(0);
    expect(build.stderr).toContain(
      `${data}/regions.csv:9 parent: 上级代码 「510400」 不在本文件中 (本文件中已有的代码,本市一行留空)`,
    );
    expect(existsSync(outDir)).toBe(false);
  });

  test("a GBK-encoded file", () => {
    // GBK bytes of 自贡市 (D7D4 B9B1 CAD0), written by hand: Node has no GBK encoder.
    const gbk = Buffer.concat([
      Buffer.from("code,name,level,parent\n510300,"),
      Buffer.from("D7D4B9B1CAD0", "hex"),
      Buffer.from(",,\n"),
    ]);
    const { data, outDir } = brokenCopy(() => gbk);
    const build = buildWith(data, outDir);
    expect(build.status).not.toBe(0);
    expect(build.stderr).toContain(
      `${data}/regions.csv:2:8 (文件): 文件不是 UTF-8 编码,看起来是 GBK/GB18030(Excel 和 WPS 在中文系统上的默认编码) (${RESAVE})`,
    );
    expect(existsSync(outDir)).toBe(false);
  });

  test("a javascript: site URL names the key instead of crashing with an English stack trace", () => {
    const { data, outDir } = brokenCopy((csv) => csv);
    const site = join(data, "site.json");
    writeFileSync(
      site,
      readFileSync(site, "utf8").replace(
        /"siteUrl": "[^"]*"/,
        '"siteUrl": "javascript:alert(1)//"',
      ),
    );
    const build = buildWith(data, outDir);
    expect(build.status).not.toBe(0);
    expect(build.stderr).toMatch(
      new RegExp(
        `${data}/site\\.json:\\d+:\\d+ siteUrl: 只允许 https:// 或 http:// 开头的网址 \\(`,
      ),
    );
    expect(build.stderr).not.toMatch(/Invalid URL|Stack trace|^\s+at /m);
    expect(existsSync(outDir)).toBe(false);
  });
});
