import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, onTestFinished, test } from "vitest";
import { formatIssue, sortIssues } from "../../src/data/issues.ts";
import { allowlistOf } from "../../src/privacy/allowlist.ts";
import { checkContentFiles } from "../../src/prose/check-files.ts";
import { proseChecks } from "../../src/prose/components.ts";
import { contentCollections } from "../../src/site/content.ts";

// `npm run validate` reads content/**/*.mdx as it reads data: front matter against the
// collection's schema (with the key's line), ids that must exist, dates within the data's
// years, unique episode numbers, personal data in the prose, and the prose itself. Each test
// writes the files it is about into a temporary content directory.

const EPISODE = (lines: Record<string, string>) =>
  [
    "---",
    `title: ${lines["title"] ?? "第1期:示例"}`,
    `description: ${lines["description"] ?? "示例节目。"}`,
    `number: ${lines["number"] ?? "1"}`,
    `airedOn: ${lines["airedOn"] ?? '"2024-01-11"'}`,
    `media: ${lines["media"] ?? "示例电视台第1期"}`,
    "items:",
    ...(lines["items"] ?? "HB-2024-0001").split(",").map((id) => `  - ${id}`),
    ...(lines["extra"] ? [lines["extra"]] : []),
    "---",
    "",
    lines["body"] ?? "本期节目介绍。",
    "",
  ].join("\n");

async function problems(files: Record<string, string | Uint8Array>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "gongshi-content-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const issues = await checkContentFiles(
    contentCollections,
    proseChecks,
    {
      asOf: "2024-06-30",
      earliestYear: 2000,
      allowlist: allowlistOf(["0833-2123456"]),
      idsOf: (table) =>
        table === "exposures.csv" ? new Set(["HB-2024-0001", "HB-2024-0002"]) : undefined,
    },
    dir,
  );
  return sortIssues(issues).map((issue) => formatIssue(issue).replaceAll(`${dir}/`, "content/"));
}

describe("episode front matter", () => {
  test("passes a valid episode", async () => {
    expect(await problems({ "episodes/0001.mdx": EPISODE({}) })).toEqual([]);
  });

  test("names the list line of an item id that is not in exposures.csv", async () => {
    expect(
      await problems({ "episodes/0001.mdx": EPISODE({ items: "HB-2024-0001,HB-2024-0099" }) }),
    ).toEqual([
      "content/episodes/0001.mdx:9:5 items: 编号 「HB-2024-0099」 在 exposures.csv 中不存在 (exposures.csv 中已有的编号)",
    ]);
  });

  test("refuses an air date after the as-of date: the episode has not been broadcast", async () => {
    expect(await problems({ "episodes/0001.mdx": EPISODE({ airedOn: '"2024-07-01"' }) })).toEqual([
      "content/episodes/0001.mdx:5:1 airedOn: 日期 2024-07-01 晚于数据截至日期 2024-06-30 (2000 年至数据截至日期(site.json 的 asOf)之间;未播出的节目不发布)",
    ]);
  });

  test("says an unquoted date must be quoted", async () => {
    const [problem] = await problems({ "episodes/0001.mdx": EPISODE({ airedOn: "2024-01-11" }) });
    expect(problem).toMatch(
      /^content\/episodes\/0001\.mdx:5:1 airedOn: 日期要写成带英文引号的文字/,
    );
  });

  test("refuses a second file with the same episode number, which would hide the first", async () => {
    expect(
      await problems({
        "episodes/0001.mdx": EPISODE({}),
        "episodes/0001-copy.mdx": EPISODE({ title: "第1期:重复" }),
      }),
    ).toEqual([
      "content/episodes/0001.mdx:4:1 number: number 1 与 content/episodes/0001-copy.mdx:4 重复,两篇会争用同一个网址 (每篇的 number 不同)",
    ]);
  });

  test("names a misspelt key, a missing key and a wrong type, each on its line", async () => {
    const text = EPISODE({ number: "一", extra: "tilte: 多余" }).replace(
      "description: 示例节目。\n",
      "",
    );
    expect(await problems({ "episodes/0001.mdx": text })).toEqual([
      "content/episodes/0001.mdx:1 description: 缺少这一项 (一句话摘要)",
      expect.stringMatching(
        /^content\/episodes\/0001\.mdx:3:1 number: 须为数字,不加引号 \(期数,正整数,不加引号;各期不同\(网址由它生成\)\)$/,
      ),
      "content/episodes/0001.mdx:8:1 tilte: 未知的键(是否拼错了?) (可用的键:title、description、number、airedOn、media、items)",
    ]);
  });

  test("places a YAML syntax error on its line and character", async () => {
    const text = EPISODE({ title: '"第1期:未闭合' });
    const [problem] = await problems({ "episodes/0001.mdx": text });
    expect(problem).toMatch(
      /^content\/episodes\/0001\.mdx:\d+:\d+ \(文首信息\): 文首信息的 YAML 写法有误/,
    );
  });
});

describe("personal data in MDX prose", () => {
  test("names the MDX file, line and character of a phone number, masked", async () => {
    const text = EPISODE({ body: "欢迎来电 13912345678 反映。" });
    expect(await problems({ "episodes/0001.mdx": text })).toEqual([
      "content/episodes/0001.mdx:11:6 (正文): 含有疑似手机号 139******78 (文章原样发布:请删去或改写;确属对外公布的单位号码或地址,列入 privacy-allowlist.csv 并写明理由)",
    ]);
  });

  test("finds an address in a page, and one in the front matter", async () => {
    const page = "---\ntitle: 家住石桥村四组十二号\ndescription: y\n---\n\n回访 3栋2单元501室。\n";
    expect(await problems({ "pages/about.mdx": page })).toEqual([
      "content/pages/about.mdx:2:10 (文首信息): 含有疑似住址 石*村*组**号 (文章原样发布:请删去或改写;确属对外公布的单位号码或地址,列入 privacy-allowlist.csv 并写明理由)",
      "content/pages/about.mdx:6:4 (正文): 含有疑似住址 *栋*单元***室 (文章原样发布:请删去或改写;确属对外公布的单位号码或地址,列入 privacy-allowlist.csv 并写明理由)",
    ]);
  });

  test("lets an allow-listed office number through", async () => {
    const page = "---\ntitle: x\ndescription: y\n---\n\n值班电话 0833-2123456。\n";
    expect(await problems({ "pages/about.mdx": page })).toEqual([]);
  });
});

describe("MDX itself", () => {
  test("refuses import and export lines, which the build could not resolve", async () => {
    const page = '---\ntitle: x\ndescription: y\n---\n\nimport X from "./x.astro"\n\n正文\n';
    expect(await problems({ "pages/about.mdx": page })).toEqual([
      "content/pages/about.mdx:6:1 (正文): 文章中不能写 import 语句 (删去这一行:可用的组件(<Figure>、<TableColumns>)已自动提供)",
    ]);
  });

  test("places a syntax error on its line, in Chinese", async () => {
    const page = "---\ntitle: x\ndescription: y\n---\n\n<div>\n\n未闭合\n";
    const [problem, ...rest] = await problems({ "pages/about.mdx": page });
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^content\/pages\/about\.mdx:\d+:\d+ \(正文\): MDX 写法有误,无法编译/);
  });

  test("reports invalid UTF-8 at its own line and character", async () => {
    const bytes = Buffer.concat([
      Buffer.from("---\ntitle: x\ndescription: y\n---\n\n正文"),
      Buffer.from([0xc0, 0xaf]),
      Buffer.from("\n"),
    ]);
    const [problem] = await problems({ "pages/about.mdx": bytes });
    expect(problem).toMatch(
      /^content\/pages\/about\.mdx:6:3 \(文件\): 文件不是有效的 UTF-8:超长编码/,
    );
  });
});
