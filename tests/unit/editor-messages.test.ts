import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";

// Every failure an editor can cause is reported by `npm run validate` (which `npm run build`
// runs first) as `<file>:<line>[:<character>] <field>: <problem> (<allowed>)` in Chinese,
// with a non-zero exit and no stack trace. Each run plants a class of mistakes from the
// hardening report in a copy of the demo data and content, laid out like a checkout.

const PROJECT = resolve(".");
const VALIDATE = join(PROJECT, "scripts/validate.ts");
const SLOW = 90_000;
/** One message line: indented, file:line[:character], a field, a problem, what is allowed. */
const MESSAGE = /^ {2}(data|content)\/\S+:\d+(:\d+)? \S+: .+ \(.+\)$/;
const HEADER = /^(数据|文章)检查发现 \d+ 个问题:$/;

type Edit = (text: string) => string | Uint8Array;

function validateWith(edits: Record<string, Edit>) {
  const root = mkdtempSync(join(tmpdir(), "gongshi-editor-"));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  cpSync(join(PROJECT, "data"), join(root, "data"), { recursive: true });
  cpSync(join(PROJECT, "content"), join(root, "content"), { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(root, file);
    let text = "";
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    writeFileSync(path, edit(text));
  }
  const { GONGSHI_DATA_DIR: _d, GONGSHI_CONTENT_DIR: _c, ...env } = process.env;
  const run = spawnSync("npm", ["exec", "--prefix", PROJECT, "--", "node", VALIDATE], {
    cwd: root,
    encoding: "utf8",
    env: { ...env, npm_config_loglevel: "error" },
  });
  const lines = run.stderr.trimEnd().split("\n");
  return { status: run.status, stderr: run.stderr, lines };
}

/** Every line is a header or a message: nothing else (no stack trace, no English error). */
function expectOnlyMessages(lines: readonly string[]) {
  expect(lines.filter((line) => !HEADER.test(line) && !MESSAGE.test(line))).toEqual([]);
}

describe("every editor's mistake is a Chinese message with its place, never a stack trace", () => {
  it(
    "site.json: a javascript: licence link and site URL, a county code as the city's",
    () => {
      const run = validateWith({
        "data/site.json": (text) =>
          text
            .replace(/"siteUrl": "[^"]*"/, '"siteUrl": "javascript:alert(1)//"')
            .replace(/"url": "https:[^"]*"/, '"url": "data:text/html,x"'),
      });
      expect(run.status).toBe(1);
      expectOnlyMessages(run.lines);
      expect(run.stderr).toMatch(
        / data\/site\.json:\d+:\d+ siteUrl: 只允许 https:\/\/ 或 http:\/\/ 开头的网址 \(/,
      );
      expect(run.stderr).toMatch(
        / data\/site\.json:\d+:\d+ licence\.url: 只允许 https:\/\/ 或 http:\/\/ 开头的网址 \(/,
      );
    },
    SLOW,
  );

  it(
    "data: CESU-8, an address, Infinity, a typo period, another city's district, an id of another year, two rectification dates",
    () => {
      const run = validateWith({
        // A supplementary character encoded as two surrogates, in the regions' last row.
        "data/holidays.csv": (text) =>
          Buffer.concat([
            Buffer.from(text.replace(/\n$/, "")),
            Buffer.from([0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]),
            Buffer.from("\n"),
          ]),
        "data/letters.csv": (text) =>
          text.replace("经工作人员上门核实，", "经工作人员上门核实，您家住石桥村四组十二号，"),
        "data/indicator-values.csv": (text) =>
          `${text}mailbox-messages,511100,2201-03,${"9".repeat(400)},,peng-lin-leshan,\n`,
        "data/regions.csv": (text) => `${text}510104,锦江区,县,511100\n`,
        "data/exposures.csv": (text) =>
          text
            .replace(
              "HB-2018-0001,废瓷砖堆满青衣江岸,2018-02-01",
              "HB-2017-0099,废瓷砖堆满青衣江岸,2018-02-01",
            )
            .replace(
              'HB-2018-0002,在建楼盘裸土不覆盖,2018-02-01,乐山电视台《环保曝光台》第31期,,511126,漹城街道一处在建楼盘,大气,"工地土方作业不覆盖,大片裸土暴露,一起风就扬尘。",夹江县住房和城乡建设局,2018-04-02,已销号,2018-03-05',
              'HB-2018-0002,在建楼盘裸土不覆盖,2018-02-01,乐山电视台《环保曝光台》第31期,,511126,漹城街道一处在建楼盘,大气,"工地土方作业不覆盖,大片裸土暴露,一起风就扬尘。",夹江县住房和城乡建设局,2018-04-02,已销号,2018-03-06',
            ),
      });
      expect(run.status).toBe(1);
      expectOnlyMessages(run.lines);
      const has = (pattern: RegExp) => expect(run.stderr).toMatch(pattern);
      has(/ data\/holidays\.csv:\d+:\d+ \(文件\): 文件不是有效的 UTF-8:CESU-8 编码/);
      has(/ data\/letters\.csv:\d+ reply: 含有疑似住址 石\*村\*组\*\*号 \(/);
      has(/ data\/indicator-values\.csv:\d+ value: 「9{40}…」 超出范围 \(/);
      has(/ data\/indicator-values\.csv:\d+ period: 时期 2201-03 始于 2201-03-01 晚于数据截至日期/);
      has(/ data\/regions\.csv:\d+ code: 县级代码 「510104」 不属于本市 \(/);
      has(
        / data\/exposures\.csv:\d+ id: 编号 「HB-2017-0099」 的年份 2017 与 exposed_on 的 2018-02-01 不在同一年 \(/,
      );
      has(
        / data\/exposures\.csv:\d+ rectified_on: 日期 2018-03-06 与时间线中事项首次达到「已整改」的日期 2018-03-05/,
      );
      expect(run.stderr).not.toContain("石桥村");
    },
    SLOW,
  );

  it(
    "content: an unknown item id, a future air date, a second file with the same number, a phone number",
    () => {
      const run = validateWith({
        "content/episodes/0087.mdx": (text) =>
          text
            .replace("  - HB-2019-0003", "  - HB-2019-9999")
            .replace('airedOn: "2019-02-28"', 'airedOn: "2027-02-28"')
            .concat("\n咨询电话 13912345678。\n"),
        "content/episodes/0087-copy.mdx": () =>
          readFileSync(join(PROJECT, "content/episodes/0087.mdx"), "utf8"),
      });
      expect(run.status).toBe(1);
      expectOnlyMessages(run.lines);
      const has = (pattern: RegExp) => expect(run.stderr).toMatch(pattern);
      has(
        / content\/episodes\/0087\.mdx:\d+:\d+ items: 编号 「HB-2019-9999」 在 exposures\.csv 中不存在 \(/,
      );
      has(
        / content\/episodes\/0087\.mdx:\d+:\d+ airedOn: 日期 2027-02-28 晚于数据截至日期 2026-10-31 \(/,
      );
      has(
        / content\/episodes\/0087\.mdx:\d+:\d+ number: number 87 与 content\/episodes\/0087-copy\.mdx:\d+ 重复/,
      );
      has(/ content\/episodes\/0087\.mdx:\d+:\d+ \(正文\): 含有疑似手机号 139\*{6}78 \(/);
      expect(run.stderr).not.toContain("数据文件");
    },
    SLOW,
  );
});
