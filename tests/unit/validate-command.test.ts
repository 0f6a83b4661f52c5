import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";

const PROJECT = resolve(".");
const VALIDATE = join(PROJECT, "scripts/validate.ts");
/** Spawning npm and Node takes a few seconds on a busy machine. */
const SLOW = 60_000;

/**
 * A copy of the demo data in `<temporary root>/data/`, as an editor's checkout has it, so
 * messages name `data/…` exactly as `npm run validate` prints them in the repository.
 */
function copyOfDemoData(): { root: string; data: string } {
  const root = mkdtempSync(join(tmpdir(), "gongshi-validate-"));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  const data = join(root, "data");
  cpSync(join(PROJECT, "data"), data, { recursive: true });
  return { root, data };
}

/**
 * The environment of the test run without a data directory override, and with npm's own
 * warnings (about the machine's npm configuration) kept out of the output under test.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const { GONGSHI_DATA_DIR: _dataDir, ...env } = process.env;
  return { ...env, npm_config_loglevel: "error" };
}

/** Runs scripts/validate.ts on the project's pinned Node (`npm exec` = `npx`) in `cwd`. */
function validateIn(cwd: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync("npm", ["exec", "--prefix", PROJECT, "--", "node", VALIDATE], {
    cwd,
    encoding: "utf8",
    env: cleanEnv(),
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("npm run validate", () => {
  it(
    "exits 1 and prints every problem as file:line column: problem (allowed)",
    () => {
      const { root, data } = copyOfDemoData();
      const regions = readRegions(data)
        .replace(/^(\d{6}),([^,\n]+),县,/m, "$1,$2,区,") // a misspelt level on line 3
        .concat("123456,新区,县,999999\n"); // an unknown parent on the last line
      writeFileSync(join(data, "regions.csv"), regions);
      const lastLine = regions.trimEnd().split("\n").length;
      const cityPrefix = /^(\d{4})00,/m.exec(regions)?.[1];

      const run = validateIn(root);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr.trimEnd().split("\n")).toEqual([
        "数据检查发现 3 个问题:",
        "  data/regions.csv:3 level: 「区」不是允许的值 (允许:省、市、县、乡)",
        // 123456 is no county of the city: its code does not start with the city's digits.
        `  data/regions.csv:${lastLine} code: 县级代码 「123456」 不属于本市 (本市县级区划的 6 位代码以 ${cityPrefix} 开头、末两位不为 00(GB/T 2260))`,
        `  data/regions.csv:${lastLine} parent: 上级代码 「999999」 不在本文件中 (本文件中已有的代码,本市一行留空)`,
      ]);
    },
    SLOW,
  );

  it(
    "exits 0 and says what it checked when the data is valid",
    () => {
      const { root } = copyOfDemoData();
      const run = validateIn(root);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^数据检查通过:.+市,\d+ 个县级区划,截至 \d{4}-\d{2}-\d{2}。\n$/);
    },
    SLOW,
  );

  it(
    "reads the data directory named by GONGSHI_DATA_DIR",
    () => {
      const run = spawnSync("npm", ["run", "--silent", "validate"], {
        cwd: PROJECT,
        encoding: "utf8",
        // A site is its data and its content: validate checks the content against the data.
        env: {
          ...cleanEnv(),
          GONGSHI_DATA_DIR: "tests/fixtures/sites/zigong/data",
          GONGSHI_CONTENT_DIR: "tests/fixtures/sites/zigong/content",
        },
      });
      expect(run.status).toBe(0);
      expect(run.stdout).toBe("数据检查通过:自贡市,6 个县级区划,截至 2026-09-30。\n");
    },
    SLOW,
  );
});

function readRegions(data: string): string {
  return readFileSync(join(data, "regions.csv"), "utf8");
}
