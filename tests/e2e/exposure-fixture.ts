import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";

/**
 * The demo data as an editor wrote it, read straight from the CSV files (not through the
 * site's own loader), so the built pages are checked against the source, not against
 * themselves.
 */
const dataDir = process.env["GONGSHI_DATA_DIR"] ?? "data";

function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(join(dataDir, file), "utf8").replace(/^\uFEFF/, "");
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]?.message ?? ""}`);
  return parsed.data;
}

export const exposureRows = readCsv("exposures.csv");
export const exposureUpdateRows = readCsv("exposure-updates.csv");
