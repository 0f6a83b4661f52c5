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
 * `npm run build` runs `scripts/validate.ts` first and stops when it exits 1; this runs the
 * same script on a copy of the demo data, from a checkout-like directory so messages name
 * `data/…` as an editor sees them.
 */
function validateEdited(edit: (values: string) => string): {
  status: number | null;
  stderr: string;
} {
  const root = mkdtempSync(join(tmpdir(), "gongshi-indicators-validate-"));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  const data = join(root, "data");
  cpSync(join(PROJECT, "data"), data, { recursive: true });
  const file = join(data, "indicator-values.csv");
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  const { GONGSHI_DATA_DIR: _dataDir, ...env } = process.env;
  const run = spawnSync("npm", ["exec", "--prefix", PROJECT, "--", "node", VALIDATE], {
    cwd: root,
    encoding: "utf8",
    env: { ...env, npm_config_loglevel: "error" },
  });
  return { status: run.status, stderr: run.stderr };
}

/** The line of the first row that starts with `prefix`. */
function lineOf(text: string, prefix: string): number {
  return text.split("\n").findIndex((line) => line.startsWith(prefix)) + 1;
}

describe("the build stops on bad indicator data", () => {
  it(
    "names a stated rate that disagrees with its counts, an unknown indicator and an unknown region",
    () => {
      let rateLine = 0;
      let lastLine = 0;
      const run = validateEdited((values) => {
        const edited = values
          .replace("kunming-unit-plans-rate,,2021,34.6,", "kunming-unit-plans-rate,,2021,36.4,")
          .concat("no-such-indicator,511100,2021,1,,peng-lin-leshan,\n")
          .concat("petitions-total,123456,2021,1,,peng-lin-leshan,\n");
        rateLine = lineOf(edited, "kunming-unit-plans-rate,");
        lastLine = edited.trimEnd().split("\n").length;
        return edited;
      });
      const numerator = lineOf(
        readFileSync("data/indicator-values.csv", "utf8"),
        "kunming-unit-plans-done,",
      );
      const denominator = lineOf(
        readFileSync("data/indicator-values.csv", "utf8"),
        "kunming-unit-plans,",
      );
      expect(run.status).toBe(1);
      expect(run.stderr.trimEnd().split("\n")).toEqual([
        "数据检查发现 3 个问题:",
        `  data/indicator-values.csv:${rateLine} value: 所报比率 36.4% 与计数不符:432 ÷ 1248 × 100 = 34.615%(计数见第 ${numerator}、${denominator} 行) (比率须等于分子 ÷ 分母 × 100,按所报的小数位四舍五入)`,
        `  data/indicator-values.csv:${lastLine - 1} indicator_id: 编号 「no-such-indicator」 在 data/indicators.csv 中不存在 (indicators.csv 中已有的编号)`,
        `  data/indicator-values.csv:${lastLine} region_code: 行政区划代码 「123456」 不在 regions.csv 中 (regions.csv 中已有的 6 位行政区划代码(GB/T 2260))`,
      ]);
    },
    SLOW,
  );
});
