import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Cells } from "./records.ts";
import { cellsOf, isBlankRecord, parseHeader, parseRecord, splitRecords } from "./records.ts";

/**
 * The current rows of a data file by record (the working tree, which the build publishes),
 * with only the named columns: what consent rules compare each past version with. A file the
 * data path cannot read gives nothing (it reports the file itself).
 */
export function currentRows(
  dataDir: string,
  file: string,
  record: string,
  columns: readonly string[],
): ReadonlyMap<string, Cells> {
  const rows = new Map<string, Cells>();
  const path = join(dataDir, file);
  if (!existsSync(path)) return rows;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(path));
  } catch {
    return rows;
  }
  const [headerRecord = "", ...records] = splitRecords(text.replace(/^\uFEFF/, "")).filter(
    (line) => !isBlankRecord(line),
  );
  const header = parseHeader(headerRecord);
  if (!header) return rows;
  for (const line of records) {
    const values = parseRecord(line);
    if (!values || values.length !== header.length) continue;
    const cells = cellsOf(header, values);
    const picked: Record<string, string> = {};
    for (const column of columns) picked[column] = (cells[column] ?? "").trim();
    rows.set((cells[record] ?? "").trim(), picked);
  }
  return rows;
}
