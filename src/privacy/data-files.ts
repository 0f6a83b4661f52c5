import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DataContext } from "../data/context.ts";
import { parseCsv } from "../data/csv.ts";
import { decodeDataFile } from "../data/decode.ts";
import { WHOLE_FILE } from "../data/issues.ts";
import type { PrivacyAllowlist } from "./allowlist.ts";
import { scanText } from "./scan.ts";

const ALLOWED =
  "公开数据文件不得含身份证号、手机号、固定电话、银行卡号、电子邮箱、住址(门牌号、组号、楼栋单元室号);请删去或改写。确属对外公布的单位号码或地址,列入 privacy-allowlist.csv 并写明理由";

/** Every regular file under `dir`, as paths relative to it with `/`, hidden files skipped. */
function filesUnder(dir: string, prefix = ""): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...filesUnder(dir, rel));
    else if (entry.isFile()) files.push(rel);
  }
  return files.sort();
}

/**
 * The data-file half of the guard, run by `npm run validate` and every build: each file
 * of the data directory (every cell of every CSV, whether or not it is ever published,
 * because the files themselves are public in the repository) is searched for personal
 * data. CSV hits name the line and column; other files name the line.
 */
export function checkDataFilesForPersonalData(ctx: DataContext, allowlist: PrivacyAllowlist): void {
  for (const rel of filesUnder(ctx.dataDir)) {
    const file = ctx.displayPath(rel);
    const decoded = decodeDataFile(readFileSync(join(ctx.dataDir, rel)), file);
    if (!decoded.ok) {
      const alreadyReported = ctx.issues.some(
        (issue) => issue.file === file && issue.column === WHOLE_FILE,
      );
      if (!alreadyReported) {
        ctx.report({
          ...decoded.issue,
          problem: `${decoded.issue.problem};无法检查其中的个人信息`,
        });
      }
      continue;
    }
    if (!rel.endsWith(".csv")) {
      for (const { line, position, hit } of scanText(decoded.text, allowlist)) {
        ctx.report({
          file,
          line,
          position,
          column: WHOLE_FILE,
          problem: `含有疑似${hit.masked}`,
          allowed: ALLOWED,
        });
      }
      continue;
    }
    // Parse problems are reported by the table reader; here only the cells matter.
    for (const record of parseCsv(decoded.text, file).records) {
      let linesBefore = 0;
      for (const [column, cell] of Object.entries(record.cells)) {
        for (const { line, hit } of scanText(cell, allowlist)) {
          ctx.report({
            file,
            line: record.line + linesBefore + line - 1,
            column,
            problem: `含有疑似${hit.masked}`,
            allowed: ALLOWED,
          });
        }
        linesBefore += cell.split("\n").length - 1;
      }
    }
  }
}
