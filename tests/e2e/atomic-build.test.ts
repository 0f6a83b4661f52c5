import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

// `npm run build` replaces dist/ only when everything passed. Shown on a copy of the project
// (its node_modules linked), so the repository's own dist/ is never touched: the copy is
// built once, then built again with a phone number in a file of public/, which validate
// does not read (static assets are not data) and the privacy scan of the output stops.

const PROJECT = resolve(".");
let root = "";

function build(): { status: number | null; stdout: string; stderr: string } {
  const {
    GONGSHI_DATA_DIR: _d,
    GONGSHI_CONTENT_DIR: _c,
    GONGSHI_OUT_DIR: _o,
    ...env
  } = process.env;
  const run = spawnSync("npm", ["exec", "--prefix", PROJECT, "--", "node", "scripts/build.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { ...env, ASTRO_TELEMETRY_DISABLED: "1", npm_config_loglevel: "error" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file of the copy's dist/ with its bytes. */
function snapshot(): Map<string, string> {
  const dist = join(root, "dist");
  const files = new Map<string, string>();
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dist, path), readFileSync(path).toString("base64"));
  }
  return files;
}

let first: ReturnType<typeof build>;
let published = new Map<string, string>();

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "gongshi-atomic-"));
  for (const name of ["astro.config.mjs", "package.json", "tsconfig.json"]) {
    cpSync(join(PROJECT, name), join(root, name));
  }
  for (const name of ["src", "public", "scripts", "content", "data"]) {
    cpSync(join(PROJECT, name), join(root, name), { recursive: true });
  }
  symlinkSync(join(PROJECT, "node_modules"), join(root, "node_modules"), "dir");
  first = build();
  published = snapshot();
}, 300_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("npm run build is atomic", () => {
  test("a passing build publishes dist/ and leaves no staging directory", () => {
    expect(first.stderr).not.toContain("Error");
    expect(first.status).toBe(0);
    expect(published.has("index.html")).toBe(true);
    expect(readdirSync(root).filter((name) => name.includes("dist"))).toEqual(["dist"]);
  });

  test("a build the privacy scan stops leaves the previous dist/ byte-identical, with the editor's message and no stack trace", () => {
    writeFileSync(join(root, "public", "contact.txt"), "值班手机 13912345678\n");
    const failed = build();
    rmSync(join(root, "public", "contact.txt"));
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain("隐私检查未通过");
    expect(failed.stderr).toContain(
      "  dist/contact.txt:1:6 (构建结果): 含有疑似手机号 139******78 (",
    );
    expect(failed.stderr).toContain("构建未完成;dist/ 未被改动。");
    expect(`${failed.stdout}${failed.stderr}`).not.toMatch(/Stack trace|^\s+at /m);
    expect(`${failed.stdout}${failed.stderr}`).not.toContain("13912345678");
    expect(snapshot()).toEqual(published);
    expect(readdirSync(root).filter((name) => name.includes("dist"))).toEqual(["dist"]);
  }, 300_000);

  test("a build validate stops leaves dist/ byte-identical too", () => {
    const regions = join(root, "data", "regions.csv");
    const original = readFileSync(regions, "utf8");
    writeFileSync(regions, original.replace(",市,", ",城,"));
    const failed = build();
    writeFileSync(regions, original);
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toMatch(/^ {2}data\/regions\.csv:2 level: 「城」不是允许的值/m);
    expect(snapshot()).toEqual(published);
  }, 300_000);
});
