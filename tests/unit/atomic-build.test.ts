import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { buildAtomically } from "../../src/site/atomic-build.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A folder holding `dist/` with a previous site in it. */
function publishedSite(): { root: string; outDir: string } {
  const root = mkdtempSync(join(tmpdir(), "gongshi-atomic-"));
  roots.push(root);
  const outDir = join(root, "dist");
  mkdirSync(join(outDir, "mailbox"), { recursive: true });
  writeFileSync(join(outDir, "index.html"), "<h1>旧首页</h1>");
  writeFileSync(join(outDir, "mailbox", "index.html"), "<h1>旧信箱</h1>");
  return { root, outDir };
}

/** Every file under `dir` with its content, to compare byte for byte. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = readFileSync(path).toString("base64");
  }
  return files;
}

describe("an atomic build", () => {
  test("replaces the output directory with the new site when the build passes", async () => {
    const { root, outDir } = publishedSite();
    await buildAtomically({
      outDir,
      build: async (staging) => {
        writeFileSync(join(staging, "index.html"), "<h1>新首页</h1>");
      },
    });
    expect(snapshot(outDir)).toEqual({
      "index.html": Buffer.from("<h1>新首页</h1>").toString("base64"),
    });
    expect(readdirSync(root)).toEqual(["dist"]);
  });

  test("leaves the previous site byte-identical when a check fails after a complete site was written", async () => {
    const { root, outDir } = publishedSite();
    const before = snapshot(outDir);
    const failure = new Error("隐私检查未通过");
    await expect(
      buildAtomically({
        outDir,
        build: async (staging) => {
          // As Astro does: the new site is written in full, then a check throws.
          writeFileSync(join(staging, "index.html"), "<p>13912345678</p>");
          throw failure;
        },
      }),
    ).rejects.toBe(failure);
    expect(snapshot(outDir)).toEqual(before);
    expect(readdirSync(root)).toEqual(["dist"]);
  });

  test("creates no output directory when the first build fails", async () => {
    const root = mkdtempSync(join(tmpdir(), "gongshi-atomic-"));
    roots.push(root);
    await expect(
      buildAtomically({
        outDir: join(root, "site", "dist"),
        build: () => Promise.reject(new Error("失败")),
      }),
    ).rejects.toThrow("失败");
    expect(readdirSync(join(root, "site"))).toEqual([]);
  });

  test("builds beside the output directory, never inside it", async () => {
    const { root, outDir } = publishedSite();
    let staged = "";
    await buildAtomically({
      outDir,
      build: async (staging) => {
        staged = staging;
        writeFileSync(join(staging, "index.html"), "新");
      },
    });
    expect(relative(root, staged)).toMatch(/^\.dist\.building-/);
  });
});
