import yaml from "js-yaml";
import type { z } from "astro/zod";
import type { DataIssue } from "../data/issues.ts";

/**
 * An MDX file's front matter (the YAML between the two `---` lines at its top), read the way
 * Astro reads it (js-yaml) but with every problem placed on its line and character, so
 * `npm run validate` can name the key an editor got wrong before a build fails on it with
 * Astro's English message and `…mdx:0:0`.
 */
export interface FrontMatter {
  /** The parsed object; undefined when there is none or it does not parse. */
  data: Record<string, unknown> | undefined;
  /** Lines of the YAML text, and the file line of its first line (2: after the opening ---). */
  lines: readonly string[];
  firstLine: number;
  issues: DataIssue[];
}

// Astro's own pattern (@astrojs/internal-helpers frontmatter.ts), YAML only.
const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?\r?\n)?---(?:\r?\n|$)/;

const FRONT_MATTER_ALLOWED =
  "文件开头两行 --- 之间写「键: 值」,每项一行;文字含冒号或以引号、# 开头时整段用英文双引号括起";

export function readFrontMatter(source: string, file: string): FrontMatter {
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    return {
      data: undefined,
      lines: [],
      firstLine: 2,
      issues: [
        {
          file,
          line: 1,
          column: "(文首信息)",
          problem: "文件开头没有文首信息(两行 --- 之间的 title、description 等)",
          allowed: FRONT_MATTER_ALLOWED,
        },
      ],
    };
  }
  const text = match[1] ?? "";
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  try {
    const parsed: unknown = yaml.load(text);
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) {
      return { data: parsed as Record<string, unknown>, lines, firstLine: 2, issues: [] };
    }
    return {
      data: undefined,
      lines,
      firstLine: 2,
      issues: [
        {
          file,
          line: 2,
          column: "(文首信息)",
          problem: "文首信息不是「键: 值」的列表",
          allowed: FRONT_MATTER_ALLOWED,
        },
      ],
    };
  } catch (error) {
    const mark = error instanceof yaml.YAMLException ? error.mark : undefined;
    return {
      data: undefined,
      lines,
      firstLine: 2,
      issues: [
        {
          file,
          line: 2 + (mark?.line ?? 0),
          ...(mark ? { position: mark.column + 1 } : {}),
          column: "(文首信息)",
          problem: `文首信息的 YAML 写法有误${error instanceof yaml.YAMLException ? `(${error.reason})` : ""}`,
          allowed: FRONT_MATTER_ALLOWED,
        },
      ],
    };
  }
}

/**
 * The line and character of a key (or of the `index`-th item of a list key) in the front
 * matter; the top of the front matter when it cannot be found (a missing key).
 */
export function placeInFrontMatter(
  frontMatter: FrontMatter,
  path: readonly PropertyKey[],
): { line: number; position?: number } {
  const [key, index] = path;
  if (typeof key !== "string") return { line: 1 };
  const keyLine = frontMatter.lines.findIndex((line) =>
    new RegExp(`^${escape(key)}\\s*:`).test(line),
  );
  if (keyLine < 0) return { line: 1 };
  if (typeof index === "number") {
    let seen = -1;
    for (let i = keyLine + 1; i < frontMatter.lines.length; i++) {
      const line = frontMatter.lines[i] ?? "";
      if (/^\S/.test(line)) break;
      const item = /^(\s*)-\s/.exec(line);
      if (item && ++seen === index) {
        return { line: frontMatter.firstLine + i, position: (item[1]?.length ?? 0) + 3 };
      }
    }
  }
  return { line: frontMatter.firstLine + keyLine, position: 1 };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** zod's problems with a front matter as issues at their keys, in an editor's words. */
export function frontMatterIssues(
  frontMatter: FrontMatter,
  error: z.ZodError,
  file: string,
  allowedByKey: Readonly<Record<string, string>>,
): DataIssue[] {
  const seen = new Set<string>();
  const issues: DataIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        issues.push({
          file,
          ...placeInFrontMatter(frontMatter, [key]),
          column: key,
          problem: "未知的键(是否拼错了?)",
          allowed: `可用的键:${Object.keys(allowedByKey).join("、")}`,
        });
      }
      continue;
    }
    const key = issue.path.map(String).join(".");
    if (seen.has(key)) continue;
    seen.add(key);
    const top = String(issue.path[0] ?? "");
    issues.push({
      file,
      ...placeInFrontMatter(frontMatter, issue.path),
      column: key || "(文首信息)",
      problem: issue.message,
      allowed: allowedByKey[top] ?? "见编辑指南",
    });
  }
  return issues;
}
