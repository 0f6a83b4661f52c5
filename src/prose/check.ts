import { relative } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A build-time check of the components MDX prose uses to quote the data: every
 * `<Figure name="…">` must name a defined figure and every `<TableColumns table="…">` a
 * data file, written as a plain string so the check can read it. A page that breaks this
 * fails the build with its file and line, in the same `file:line column: problem (allowed)`
 * shape as data errors.
 *
 * It runs as a Sätteri mdast plugin (Astro 7's Markdown/MDX processor), registered in
 * astro.config.mjs.
 */

export interface ComponentCheck {
  /** JSX element name, e.g. `Figure`. */
  component: string;
  /** The attribute naming what to insert, e.g. `name`. */
  attribute: string;
  /** The names allowed in that attribute. */
  known: ReadonlySet<string>;
  /** What the names are, for messages, e.g. 数字. */
  what: string;
  /**
   * The component belongs inside a sentence. Written alone on a line (or moved there by a
   * formatter), MDX makes it a block of its own and the sentence falls apart around it.
   */
  inline?: boolean;
}

/** The parts of an MDX JSX element node the check reads (mdast-util-mdx-jsx's shape). */
interface JsxElement {
  type: "mdxJsxFlowElement" | "mdxJsxTextElement";
  name: string | null;
  attributes: readonly (
    | { type: "mdxJsxAttribute"; name: string; value?: unknown }
    | { type: "mdxJsxExpressionAttribute" }
  )[];
  position?: { start: { line: number; column: number } } | undefined;
}

export interface ProsePluginContext {
  readonly fileURL: URL | undefined;
}

export interface ProseProblem {
  line: number;
  column: number;
  element: string;
  problem: string;
  allowed: string;
}

/** Checks one element; returns the problem, or undefined when the element is fine. */
export function checkElement(
  node: JsxElement,
  checks: readonly ComponentCheck[],
): Omit<ProseProblem, "line" | "column"> | undefined {
  const check = checks.find((candidate) => candidate.component === node.name);
  if (!check) return undefined;
  const allowed = `可用的${check.what}:${[...check.known].join("、")}`;
  const attribute = node.attributes.find(
    (attr) => attr.type === "mdxJsxAttribute" && attr.name === check.attribute,
  );
  const element = `<${check.component}>`;
  if (!attribute || attribute.type !== "mdxJsxAttribute") {
    return { element, problem: `缺少 ${check.attribute}="…"`, allowed };
  }
  const value = attribute.value;
  if (typeof value !== "string") {
    return {
      element,
      problem: `${check.attribute} 须直接写成带引号的文字,如 ${check.attribute}="…",构建时才能检查`,
      allowed,
    };
  }
  if (!check.known.has(value)) {
    return { element, problem: `没有名为「${value}」的${check.what}`, allowed };
  }
  if (check.inline && node.type === "mdxJsxFlowElement") {
    return {
      element,
      problem: "单独成行,会变成一个单独的段落",
      allowed: `写在句子中间,与前面的文字在同一行,如「共 <${check.component} ${check.attribute}="${value}" /> 个」`,
    };
  }
  return undefined;
}

export function formatProseProblem(file: string, problem: ProseProblem): string {
  return `${file}:${problem.line}:${problem.column} ${problem.element}: ${problem.problem} (${problem.allowed})`;
}

/** Thrown once per page, listing every problem on it. */
export class ProseCheckError extends Error {
  readonly problems: readonly ProseProblem[];

  constructor(file: string, problems: readonly ProseProblem[]) {
    super(
      `${file} 中有 ${problems.length} 处引用无效:\n${problems.map((problem) => `  ${formatProseProblem(file, problem)}`).join("\n")}`,
    );
    this.name = "ProseCheckError";
    this.problems = problems;
  }
}

function displayFile(fileURL: URL | undefined): string {
  if (!fileURL) return "(MDX)";
  const rel = relative(process.cwd(), fileURLToPath(fileURL));
  return rel.startsWith("..") ? fileURLToPath(fileURL) : rel.split("\\").join("/");
}

/**
 * The plugin factory: Sätteri calls it once per document, so each page collects its own
 * problems and throws after its tree has been visited (all problems at once, not the first).
 */
export function proseCheckPlugin(checks: readonly ComponentCheck[]) {
  return (context: ProsePluginContext) => {
    const problems: ProseProblem[] = [];
    const visit = (node: JsxElement): undefined => {
      const problem = checkElement(node, checks);
      if (!problem) return undefined;
      const start = node.position?.start ?? { line: 1, column: 1 };
      problems.push({ line: start.line, column: start.column, ...problem });
      return undefined;
    };
    return {
      name: "gongshi-prose-check",
      // Positions are off by default in Sätteri (they cost a little); messages need lines.
      options: { position: true },
      mdxJsxFlowElement: visit,
      mdxJsxTextElement: visit,
      after: () => {
        if (problems.length > 0) throw new ProseCheckError(displayFile(context.fileURL), problems);
      },
    };
  };
}
