import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test } from "vitest";
import { distDir } from "./harness.ts";

function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name.endsWith(".html")) yield path;
  }
}

/** The file a static host serves for a site path, or undefined. */
function servedFile(root: string, path: string): string | undefined {
  const file = join(root, decodeURIComponent(path));
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, "index.html");
  return existsSync(index) ? index : undefined;
}

// URLs are a public contract: every internal link and asset of the built site must resolve.
test("every internal link, stylesheet, script and image in the built site resolves", () => {
  const root = distDir();
  const broken: string[] = [];
  let checked = 0;
  for (const file of htmlFiles(root)) {
    const html = readFileSync(file, "utf8");
    for (const match of html.matchAll(/\s(?:href|src)="(\/[^"#?]*)/g)) {
      const target = match[1] ?? "";
      if (target.startsWith("//")) continue;
      checked++;
      if (!servedFile(root, target)) broken.push(`${relative(root, file)} → ${target}`);
    }
  }
  expect(checked).toBeGreaterThan(0);
  expect(broken).toEqual([]);
});

// A canonical link tells search engines the page's one address; naming an address that
// does not exist (the 404 page's own /404/) sends them to a missing page.
test("every canonical link names a page the site has; the 404 page has none and is not indexed", () => {
  const root = distDir();
  const wrong: string[] = [];
  let canonicals = 0;
  for (const file of htmlFiles(root)) {
    const html = readFileSync(file, "utf8");
    const href = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
    if (href === undefined) continue;
    canonicals++;
    const path = new URL(href).pathname;
    const page = relative(root, file);
    if (!servedFile(root, path) || page === "404.html") wrong.push(`${page} → ${path}`);
  }
  expect(canonicals).toBeGreaterThan(100);
  expect(wrong).toEqual([]);
  const notFound = readFileSync(join(root, "404.html"), "utf8");
  expect(notFound).not.toContain('rel="canonical"');
  expect(notFound).toContain('<meta name="robots" content="noindex">');
});
