import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { satteri } from "@astrojs/markdown-satteri";
import { describe, expect, onTestFinished, test } from "vitest";
import { checkContentFiles } from "../../src/prose/check-files.ts";
import { formatIssue } from "../../src/data/issues.ts";
import { EMPTY_ALLOWLIST } from "../../src/privacy/allowlist.ts";
import { contentCollections } from "../../src/site/content.ts";

import { ProseCheckError, proseCheckPlugin } from "../../src/prose/check.ts";
import { proseChecks } from "../../src/prose/components.ts";

/** The content check with no data to compare against (figure names only). */
const checkProseFiles = async (dir: string) =>
  (
    await checkContentFiles(
      contentCollections,
      proseChecks,
      { asOf: undefined, earliestYear: 2000, allowlist: EMPTY_ALLOWLIST, idsOf: () => undefined },
      dir,
    )
  ).map(formatIssue);

/** Compiles MDX the way the build does: Astro's Sätteri MDX pipeline with our plugin. */
async function compile(source: string, file = join(process.cwd(), "content/pages/example.mdx")) {
  const processor = satteri({ mdastPlugins: [proseCheckPlugin(proseChecks)] });
  if (!processor.createMdxRenderer) throw new Error("the Sätteri processor renders no MDX");
  const renderer = await processor.createMdxRenderer(
    { syntaxHighlight: false },
    { optimize: false },
  );
  return renderer.process(source, file, {});
}

async function problemsOf(source: string): Promise<string[]> {
  try {
    await compile(source);
  } catch (error) {
    if (error instanceof ProseCheckError)
      return error.message
        .split("\n")
        .slice(1)
        .map((line) => line.trim());
    throw error;
  }
  return [];
}

describe("prose components in MDX", () => {
  test("compile when every figure and table they name exists", async () => {
    await expect(
      problemsOf(
        '本站覆盖 <Figure name="regions.countyCount" /> 个县级区划。\n\n<TableColumns table="regions.csv" />\n',
      ),
    ).resolves.toEqual([]);
  });

  test("fail on an unknown figure name with the file, line and column", async () => {
    const problems = await problemsOf(
      '第一段。\n\n第二段有 <Figure name="regions.countyCont" /> 个。\n',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^content\/pages\/example\.mdx:3:6 <Figure>: 没有名为「regions\.countyCont」的数字 \(可用的数字:.*regions\.countyCount/,
    );
  });

  test("count lines from the top of the file, front matter included", async () => {
    // Astro blanks the front matter but keeps its lines before compiling.
    const problems = await problemsOf('   \n        \n   \n\n<Figure name="nope" />\n');
    expect(problems[0]).toMatch(/example\.mdx:5:1 /);
  });

  test("report every problem of a page at once", async () => {
    const problems = await problemsOf(
      '<Figure name="a.b" />\n\n<TableColumns table="nope.csv" />\n\n<Figure />\n\n<Figure name={x} />\n',
    );
    expect(problems.map((problem) => problem.replace(/ \(.*$/, ""))).toEqual([
      "content/pages/example.mdx:1:1 <Figure>: 没有名为「a.b」的数字",
      "content/pages/example.mdx:3:1 <TableColumns>: 没有名为「nope.csv」的数据表",
      'content/pages/example.mdx:5:1 <Figure>: 缺少 name="…"',
      'content/pages/example.mdx:7:1 <Figure>: name 须直接写成带引号的文字,如 name="…",构建时才能检查',
    ]);
  });

  test("fail on a figure standing alone on its line, which would split its sentence", async () => {
    const problems = await problemsOf('数据截至\n\n<Figure name="site.asOf" />\n\n为止。\n');
    expect(problems).toEqual([
      expect.stringMatching(/^content\/pages\/example\.mdx:3:1 <Figure>: 单独成行/),
    ]);
  });

  test("leave other components and code examples alone", async () => {
    await expect(
      problemsOf(
        '<Aside kind="x" />\n\n```\n<Figure name="not.checked" />\n```\n\n`<Figure name="x" />`\n',
      ),
    ).resolves.toEqual([]);
  });
});

describe("npm run validate's prose check", () => {
  test("finds an unknown figure in any MDX file under the content directory, with file and line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gongshi-content-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, "pages", "notes"), { recursive: true });
    writeFileSync(
      join(dir, "pages", "ok.mdx"),
      '---\ntitle: x\ndescription: y\n---\n\n共 <Figure name="regions.countyCount" /> 个。\n',
    );
    writeFileSync(
      join(dir, "pages", "notes", "bad.mdx"),
      '---\ntitle: x\ndescription: y\n---\n\n今年 <Figure name="nope.count" /> 封。\n',
    );
    const messages = await checkProseFiles(dir);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(
      `${join(dir, "pages", "notes", "bad.mdx")}:6:4 <Figure>: 没有名为「nope.count」的数字`,
    );
  });

  test("passes the site's own content", async () => {
    await expect(checkProseFiles("content")).resolves.toEqual([]);
  });
});
