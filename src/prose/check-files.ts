import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { satteri } from "@astrojs/markdown-satteri";
import { ProseCheckError, proseCheckPlugin } from "./check.ts";
import { proseChecks } from "./components.ts";

/** Where the MDX content lives: `GONGSHI_CONTENT_DIR`, or `content/`. */
export function contentDirectory(): string {
  return resolve(process.env["GONGSHI_CONTENT_DIR"] ?? "content");
}

/** Front matter blanked but its lines kept, as Astro does before compiling MDX. */
export function blankFrontMatter(source: string): string {
  return source.replace(/^---\r?\n[\s\S]*?\r?\n---/, (block) => block.replace(/[^\r\n]/g, " "));
}

/**
 * Checks every MDX file under the content directory the way the build does (the same
 * compiler and plugin), so `npm run validate` reports an unknown figure name with its file
 * and line before anyone builds. Returns one message per problem; other compile errors
 * (broken MDX syntax) are reported too, since the build would stop on them as well.
 */
export async function checkProseFiles(dir: string = contentDirectory()): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const processor = satteri({ mdastPlugins: [proseCheckPlugin(proseChecks)] });
  if (!processor.createMdxRenderer) throw new Error("the Sätteri processor renders no MDX");
  const renderer = await processor.createMdxRenderer(
    { syntaxHighlight: false },
    { optimize: false },
  );
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".mdx"))
    .sort();
  const messages: string[] = [];
  for (const name of files) {
    const path = join(dir, name);
    try {
      await renderer.process(blankFrontMatter(readFileSync(path, "utf8")), path, {});
    } catch (error) {
      if (error instanceof ProseCheckError) {
        messages.push(
          ...error.message
            .split("\n")
            .slice(1)
            .map((line) => line.trim()),
        );
      } else {
        messages.push(
          `${name}: MDX 无法编译:${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
  return messages;
}
