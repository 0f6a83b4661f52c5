import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DataContext } from "../../data/context.ts";
import { parseCsv } from "../../data/csv.ts";
import { decodeDataFile } from "../../data/decode.ts";
import { quote } from "../../data/issues.ts";
import { NAME_LIKE_COLUMN } from "./schema.ts";

/**
 * Refuses a header column that looks like it holds people's names. The loader would call it
 * an unknown column anyway; this says why it cannot be added: 阳光问廉 publishes how many
 * people were held accountable and how, never who. Only the first line is read (the file
 * itself is read, with every other check, by the one loader).
 */
export function refuseNameColumns(ctx: DataContext, fileName: string): void {
  const path = join(ctx.dataDir, fileName);
  if (!existsSync(path)) return;
  const decoded = decodeDataFile(readFileSync(path), ctx.displayPath(fileName));
  // Encoding problems are reported by the loader.
  if (!decoded.ok) return;
  const text = decoded.text;
  const end = text.indexOf("\n");
  const { header } = parseCsv(end < 0 ? text : text.slice(0, end), ctx.displayPath(fileName));
  for (const column of header) {
    if (!NAME_LIKE_COLUMN.test(column)) continue;
    ctx.report({
      file: ctx.displayPath(fileName),
      line: 1,
      column,
      problem: `列名${quote(column)}像是记录人名的列,不能加入`,
      allowed: "只按问责方式记人数(accountable_… 各列),任何文件都不记被问责人或其他人的姓名",
    });
  }
}
