import { existsSync, readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { z } from "astro/zod";
import { satteri } from "@astrojs/markdown-satteri";
import { isIsoDate } from "../data/dates.ts";
import type { IsoDate } from "../data/dates.ts";
import { decodeDataFile } from "../data/decode.ts";
import type { DataIssue } from "../data/issues.ts";
import { quote } from "../data/issues.ts";
import type { PrivacyAllowlist } from "../privacy/allowlist.ts";
import { scanText } from "../privacy/scan.ts";
import { ProseCheckError, proseCheckPlugin } from "./check.ts";
import type { ComponentCheck } from "./check.ts";
import { frontMatterIssues, placeInFrontMatter, readFrontMatter } from "./front-matter.ts";

/** Where the MDX content lives: `GONGSHI_CONTENT_DIR`, or `content/`. */
export function contentDirectory(): string {
  return resolve(process.env["GONGSHI_CONTENT_DIR"] ?? "content");
}

/** Front matter blanked but its lines kept, as Astro does before compiling MDX. */
export function blankFrontMatter(source: string): string {
  return source.replace(/^---\r?\n[\s\S]*?\r?\n---/, (block) => block.replace(/[^\r\n]/g, " "));
}

/**
 * A folder of MDX files that is an Astro content collection (`content/<folder>/*.mdx`): its
 * front matter schema, with what is allowed under each key, and the rules that need more
 * than one file or the data: dates within the data's years, a key unique across the folder
 * (an episode number is its URL), keys naming ids of a data file.
 */
export interface ContentCollection {
  folder: string;
  schema: z.ZodObject;
  /** Every key of the schema, with what may be written there (shown after each problem). */
  allowed: Readonly<Record<string, string>>;
  /** Keys holding a date (YYYY-MM-DD): not after the as-of date, not before the earliest year. */
  dates?: readonly string[];
  /** A key whose value names the page (its URL): no two files may share it. */
  unique?: string;
  /** A key listing ids of a data file's rows. */
  references?: { key: string; table: string };
}

/** What the content is checked against; parts are missing when the data itself has problems. */
export interface ContentContext {
  asOf: IsoDate | undefined;
  earliestYear: number;
  allowlist: PrivacyAllowlist;
  /** Ids of a data file's rows, or undefined when the file was not read (section not run). */
  idsOf: (table: string) => ReadonlySet<string> | undefined;
}

/** zod's messages in Chinese; a missing key and an unquoted date said plainly. */
const zodZhCN = z.locales.zhCN().localeError;
const frontMatterErrors: z.core.$ZodErrorMap = (issue) =>
  issue.code === "invalid_type" && issue.input === undefined
    ? "缺少这一项"
    : issue.code === "invalid_type" && issue.input instanceof Date
      ? '日期要写成带英文引号的文字,如 "2024-03-05"(不加引号会被读成别的类型)'
      : issue.code === "invalid_type"
        ? (TYPE_WORDS[issue.expected] ?? zodZhCN(issue))
        : zodZhCN(issue);

/** What a value of each type looks like in YAML, for a value of the wrong type. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: "须为数字,不加引号",
  string: "须为文字",
  array: "须为列表,每项一行,以「  - 」开头",
};

const PRIVACY_ALLOWED =
  "文章原样发布:请删去或改写;确属对外公布的单位号码或地址,列入 privacy-allowlist.csv 并写明理由";
const ESM = /^(import|export)\s/;

/** Every `.mdx` file under `dir`, relative to it, sorted. */
function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".mdx"))
    .map((name) => name.split("\\").join("/"))
    .sort();
}

/** A path as an editor sees it: relative to the working directory when inside it. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel.split("\\").join("/");
}

/**
 * Checks every MDX file under the content directory as `npm run validate` needs: strict
 * UTF-8; personal data anywhere in it (it is published as written); no `import`/`export`
 * (the prose components are provided, and an import the build cannot resolve would only fail
 * there); each collection's front matter against its schema and rules; and the prose the way
 * the build compiles it (the same compiler and plugin: figure and table names, MDX syntax).
 */
export async function checkContentFiles(
  collections: readonly ContentCollection[],
  checks: readonly ComponentCheck[],
  context: ContentContext,
  dir: string = contentDirectory(),
): Promise<DataIssue[]> {
  if (!existsSync(dir)) return [];
  const processor = satteri({ mdastPlugins: [proseCheckPlugin(checks)] });
  if (!processor.createMdxRenderer) throw new Error("the Sätteri processor renders no MDX");
  const renderer = await processor.createMdxRenderer(
    { syntaxHighlight: false },
    { optimize: false },
  );
  const issues: DataIssue[] = [];
  const firstOfValue = new Map<string, { file: string; line: number }>();
  for (const name of mdxFiles(dir)) {
    const path = join(dir, name);
    const file = displayPath(path);
    const decoded = decodeDataFile(readFileSync(path), file);
    if (!decoded.ok) {
      issues.push(decoded.issue);
      continue;
    }
    const source = decoded.text;
    const frontMatter = readFrontMatter(source, file);
    const frontMatterEnd = frontMatter.firstLine + frontMatter.lines.length;

    for (const { line, position, hit } of scanText(source, context.allowlist)) {
      issues.push({
        file,
        line,
        position,
        column: line < frontMatterEnd ? "(文首信息)" : "(正文)",
        problem: `含有疑似${hit.masked}`,
        allowed: PRIVACY_ALLOWED,
      });
    }

    let inFence = false;
    source.split("\n").forEach((text, i) => {
      if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
      if (!inFence && i + 1 >= frontMatterEnd && ESM.test(text)) {
        issues.push({
          file,
          line: i + 1,
          position: 1,
          column: "(正文)",
          problem: `文章中不能写 ${text.startsWith("import") ? "import" : "export"} 语句`,
          allowed: `删去这一行:可用的组件(${checks.map((check) => `<${check.component}>`).join("、")})已自动提供`,
        });
      }
    });

    const collection = collections.find((candidate) => name.startsWith(`${candidate.folder}/`));
    if (collection) {
      issues.push(...frontMatter.issues);
      const data = frontMatter.data;
      if (data) {
        const parsed = collection.schema.strict().safeParse(data, { error: frontMatterErrors });
        if (!parsed.success) {
          issues.push(...frontMatterIssues(frontMatter, parsed.error, file, collection.allowed));
        }
        const at = (path: readonly PropertyKey[]) => placeInFrontMatter(frontMatter, path);
        for (const key of collection.dates ?? []) {
          const value = data[key];
          if (typeof value !== "string" || !isIsoDate(value)) continue;
          const earliest = `${context.earliestYear}-01-01`;
          const problem =
            value < earliest
              ? `日期 ${value} 早于最早年份 ${context.earliestYear}`
              : context.asOf !== undefined && value > context.asOf
                ? `日期 ${value} 晚于数据截至日期 ${context.asOf}`
                : undefined;
          if (problem) {
            issues.push({
              file,
              ...at([key]),
              column: key,
              problem,
              allowed: `${context.earliestYear} 年至数据截至日期(site.json 的 asOf)之间;未播出的节目不发布`,
            });
          }
        }
        const references = collection.references;
        const ids = references ? context.idsOf(references.table) : undefined;
        const listed = references ? data[references.key] : undefined;
        if (references && ids && Array.isArray(listed)) {
          listed.forEach((id: unknown, index) => {
            if (typeof id === "string" && !ids.has(id)) {
              issues.push({
                file,
                ...at([references.key, index]),
                column: references.key,
                problem: `编号 ${quote(id)} 在 ${references.table} 中不存在`,
                allowed: `${references.table} 中已有的编号`,
              });
            }
          });
        }
        const unique = collection.unique;
        const value = unique ? data[unique] : undefined;
        if (unique && (typeof value === "number" || typeof value === "string")) {
          const key = `${collection.folder}|${String(value)}`;
          const first = firstOfValue.get(key);
          const place = at([unique]);
          if (first) {
            issues.push({
              file,
              ...place,
              column: unique,
              problem: `${unique} ${String(value)} 与 ${first.file}:${first.line} 重复,两篇会争用同一个网址`,
              allowed: `每篇的 ${unique} 不同`,
            });
          } else {
            firstOfValue.set(key, { file, line: place.line });
          }
        }
      }
    }

    try {
      await renderer.process(blankFrontMatter(source), path, {});
    } catch (error) {
      if (error instanceof ProseCheckError) {
        for (const problem of error.problems) {
          issues.push({
            file,
            line: problem.line,
            position: problem.column,
            column: problem.element,
            problem: problem.problem,
            allowed: problem.allowed,
          });
        }
      } else {
        const message = error instanceof Error ? error.message : String(error);
        const where = /^(\d+):(\d+)/.exec(message);
        issues.push({
          file,
          line: where ? Number(where[1]) : 1,
          ...(where ? { position: Number(where[2]) } : {}),
          column: "(正文)",
          problem: `MDX 写法有误,无法编译(${message.replace(/^\d+:\d+:\s*/, "")})`,
          allowed: "标签成对(<div> 与 </div>)、花括号成对;正文中要写 < 或 { 时写作 &lt; 或 &#123;",
        });
      }
    }
  }
  return issues;
}
