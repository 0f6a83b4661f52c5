import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

// The second city with only its indicators turned on: a section a city does not list has no
// page at all, not even a copy of the 404 page at its address (which a host would serve with
// status 200, and a crawler would index).
const ZIGONG = resolve("tests/fixtures/sites/zigong");

let root = "";
let outDir = "";
let build: { status: number | null; output: string };

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "gongshi-sections-off-"));
  const dataDir = join(root, "data");
  cpSync(join(ZIGONG, "data"), dataDir, { recursive: true });
  const siteFile = join(dataDir, "site.json");
  const site = JSON.parse(readFileSync(siteFile, "utf8")) as Record<string, unknown>;
  writeFileSync(siteFile, JSON.stringify({ ...site, sections: ["indicators"] }, null, 2));
  outDir = join(root, "dist");
  const run = spawnSync("npm", ["run", "build"], {
    encoding: "utf8",
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: "1",
      GONGSHI_DATA_DIR: dataDir,
      GONGSHI_CONTENT_DIR: join(ZIGONG, "content"),
      GONGSHI_OUT_DIR: outDir,
    },
  });
  build = { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}, 300_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("a city without the exposure and mailbox sections", () => {
  test("builds no file under /exposures/ or /mailbox/, statistics pages included", () => {
    expect(build.status, build.output.slice(-2000)).toBe(0);
    const paths = readdirSync(outDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(outDir, join(entry.parentPath, entry.name)));
    expect(paths).toContain("indicators/index.html");
    expect(paths.filter((path) => /^(exposures|mailbox)\//.test(path))).toEqual([]);
  });
});
