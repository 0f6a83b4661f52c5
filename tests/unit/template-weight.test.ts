import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";

/**
 * An HTML comment in a template is written into every page that uses it: in the register
 * table's row parts it was 11 KB of each list and facet page (issue 18). Comments belong in
 * the frontmatter or in a JSX comment in braces, which Astro does not output.
 */
test("no template writes an HTML comment into the pages", () => {
  const offenders = readdirSync("src", { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".astro"))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => {
      const source = readFileSync(path, "utf8");
      // The template is what follows the frontmatter fence, when there is one.
      const template = source.startsWith("---")
        ? source.slice(source.indexOf("\n---", 3) + 4)
        : source;
      return template.includes("<!--");
    });
  expect(offenders).toEqual([]);
});
