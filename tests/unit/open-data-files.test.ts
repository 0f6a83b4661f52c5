import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadDataset } from "../../src/site/dataset.ts";
import type { Dataset } from "../../src/site/dataset.ts";
import { DataValidationError } from "../../src/data/issues.ts";
import { dataTables } from "../../src/site/tables.ts";
import { publishedTables } from "../../src/site/catalogue.ts";
import { BOM, restoreText } from "../../src/open-data/csv.ts";
import { dataPackage } from "../../src/open-data/datapackage.ts";
import { tableExcelCsv } from "../../src/open-data/downloads.ts";
import { tableJson } from "../../src/open-data/json.ts";
import { columnNames, tableCsv } from "../../src/open-data/published-table.ts";
import type { PublishedTable, PublishedValue } from "../../src/open-data/published-table.ts";
import type { TableSchemaField } from "../../src/open-data/table-schema.ts";
import { FORMULA_PAYLOADS, FORMULA_START } from "../fixtures/formula-payloads.ts";

/** Parses a published CSV for tools: UTF-8 without a BOM, as its data package declares. */
function parseCsv(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(false);
  const result = Papa.parse<string[]>(csv, { delimiter: ",", newline: "\r\n" });
  expect(result.errors).toEqual([]);
  return result.data.filter((row) => !(row.length === 1 && row[0] === ""));
}

/** Reads a cell back the way the data package tells any reader to. */
function readCell(field: TableSchemaField, cell: string): PublishedValue {
  if (cell === "") return undefined;
  switch (field.type) {
    case "integer":
    case "number":
      return Number(cell);
    case "boolean":
      return field.trueValues?.includes(cell)
        ? true
        : field.falseValues?.includes(cell)
          ? false
          : cell;
    case "date":
      return cell;
    case "string":
      return restoreText(cell);
  }
}

function readBack(table: PublishedTable, fields: readonly TableSchemaField[]): PublishedValue[][] {
  const [header, ...rows] = parseCsv(tableCsv(table));
  expect(header).toEqual(columnNames(table));
  return rows.map((row) =>
    row.map((cell, i) =>
      readCell(fields[i] ?? { name: "", type: "string", description: "" }, cell),
    ),
  );
}

function asRows(table: PublishedTable): PublishedValue[][] {
  const names = columnNames(table);
  return table.records.map((record) => names.map((name) => record[name]));
}

describe("published data files of the site's data", () => {
  const dataset = loadDataset("data");
  const tables = publishedTables(dataset);
  const descriptor = dataPackage(dataset, tables);

  test.each(tables.map((table) => [table.name, table]))(
    "%s.csv parses back to exactly the records on the site",
    (_name, table) => {
      const resource = descriptor.resources.find((candidate) => candidate.name === table.name);
      expect(resource).toBeDefined();
      const rows = readBack(table, resource?.schema.fields ?? []);
      expect(rows.length).toBe(table.records.length);
      expect(rows).toEqual(asRows(table));
    },
  );

  test.each(tables.map((table) => [table.name, table]))(
    "%s.json carries the same records, every column present",
    (_name, table) => {
      const json = JSON.parse(tableJson(dataset, table)) as {
        count: number;
        records: Record<string, unknown>[];
      };
      expect(json.count).toBe(table.records.length);
      const names = columnNames(table);
      expect(json.records.map((record) => Object.keys(record))).toEqual(
        table.records.map(() => names),
      );
      expect(json.records.map((record) => names.map((name) => record[name] ?? undefined))).toEqual(
        asRows(table),
      );
    },
  );

  test.each(tables.map((table) => [table.name, table]))(
    "the Excel copy of %s.csv is the same text after a byte-order mark",
    (_name, table) => {
      const excel = tableExcelCsv(table);
      expect(excel.startsWith(BOM)).toBe(true);
      expect(excel.slice(BOM.length)).toBe(tableCsv(table));
    },
  );

  test("the data package lists every published table with fields matching the CSV header", () => {
    expect(descriptor.resources.map((resource) => resource.name)).toEqual(
      tables.map((table) => table.name),
    );
    for (const table of tables) {
      const resource = descriptor.resources.find((candidate) => candidate.name === table.name);
      const [header] = parseCsv(tableCsv(table));
      expect(resource?.schema.fields.map((field) => field.name)).toEqual(header);
      expect(resource?.path).toBe(`${table.name}.csv`);
      expect(resource?.bytes).toBe(Buffer.byteLength(tableCsv(table), "utf8"));
    }
  });
});

describe("formula payloads planted in a copy of the data", () => {
  const dir = mkdtempSync(join(tmpdir(), "gongshi-injection-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * Text columns that hold 40 characters or more: every payload fits, with a suffix. Each
   * distinct text is replaced by its own payload (the first 20 exactly, later ones with a
   * numbered suffix), so texts that were equal stay equal and different ones different.
   */
  const plantable = (allowed: string, kind: string): boolean => {
    const max = /不超过 (\d+) 个字/.exec(allowed);
    return kind === "text" && max !== null && Number(max[1]) >= 40;
  };
  let payloadOf = new Map<string, string>();
  const plant = (original: string): string => {
    let payload = payloadOf.get(original);
    if (payload === undefined) {
      const i = payloadOf.size;
      const base = FORMULA_PAYLOADS[i % FORMULA_PAYLOADS.length] ?? "";
      payload = i < FORMULA_PAYLOADS.length ? base : `${base}-${i}`;
      payloadOf.set(original, payload);
    }
    return payload;
  };

  /** A fresh copy of the data with payloads in every plantable column not excluded. */
  function plantAll(excluded: ReadonlySet<string>): void {
    rmSync(dir, { recursive: true, force: true });
    cpSync("data", dir, { recursive: true });
    payloadOf = new Map();
    const jurisdiction = (
      JSON.parse(readFileSync(join(dir, "site.json"), "utf8")) as { jurisdiction: { code: string } }
    ).jurisdiction.code;
    // regions.csv last: it tops up the payloads the other files had no room for.
    const order = [...dataTables].sort(
      (a, b) => Number(a.file === "regions.csv") - Number(b.file === "regions.csv"),
    );
    for (const spec of order) {
      const path = join(dir, spec.file);
      if (!existsSync(path)) continue;
      const parsed = Papa.parse<Record<string, string>>(
        readFileSync(path, "utf8").replace(/^\uFEFF/, ""),
        { header: true, skipEmptyLines: true },
      );
      const columns = Object.entries(spec.columns)
        .filter(
          ([name, column]) =>
            plantable(column.allowed, column.kind) && !excluded.has(`${spec.file}:${name}`),
        )
        .map(([name]) => name);
      for (const row of parsed.data) {
        for (const column of columns) {
          // Only cells that hold text already: filling an empty optional cell can change
          // what a row means (an indicator's `place`, say), which is not what is tested here.
          const original = row[column] ?? "";
          if (original !== "") row[column] = plant(original);
        }
      }
      if (spec.file === "regions.csv") {
        const used = new Set(parsed.data.map((row) => row["code"]));
        for (
          let code = Number(jurisdiction) + 1, i = 0;
          payloadOf.size < FORMULA_PAYLOADS.length;
          code++
        ) {
          if (used.has(String(code))) continue;
          parsed.data.push({
            code: String(code),
            name: plant(`(county ${i})`),
            level: "县",
            parent: jurisdiction,
          });
          i++;
        }
      }
      // Fields named explicitly, so a file with only its header keeps it.
      const fields = parsed.meta.fields ?? [];
      const csv = Papa.unparse({ fields, data: parsed.data }, { quotes: true, newline: "\n" });
      writeFileSync(path, `${csv}\n`);
    }
  }

  /**
   * Plants payloads, and leaves out the columns whose text a register checks for meaning
   * (a mailbox's name must end in 书记信箱), until the data loads: what is left is every
   * free-text column, which is where a payload would arrive from an editor.
   */
  function loadPlanted(): Dataset {
    const excluded = new Set<string>();
    for (;;) {
      plantAll(excluded);
      try {
        return loadDataset(dir);
      } catch (error) {
        if (!(error instanceof DataValidationError)) throw error;
        const before = excluded.size;
        for (const issue of error.issues) excluded.add(`${basename(issue.file)}:${issue.column}`);
        // A problem in a column already excluded was not caused by a payload.
        if (excluded.size === before) throw error;
      }
    }
  }

  let dataset: Dataset;
  beforeAll(() => {
    dataset = loadPlanted();
  });

  test("plants every payload at least once", () => {
    expect(payloadOf.size).toBeGreaterThanOrEqual(FORMULA_PAYLOADS.length);
  });

  test("no cell of any published CSV starts a formula, and every payload reads back intact", () => {
    const seen = new Set<string>();
    const planted = new Set([...payloadOf.values()].map((payload) => payload.trim()));
    const tablesWithPayloads = new Set<string>();
    for (const table of publishedTables(dataset)) {
      const values = new Set(
        table.records
          .flatMap((record) => Object.values(record))
          .filter((v) => typeof v === "string"),
      );
      for (const row of parseCsv(tableCsv(table))) {
        for (const cell of row) {
          expect(cell).not.toMatch(FORMULA_START);
          const restored = restoreText(cell);
          if (values.has(restored) && planted.has(restored)) {
            seen.add(restored);
            tablesWithPayloads.add(table.name);
          }
        }
      }
    }
    // The loader trims cells, so a payload that began with a tab or line break arrives
    // without it; what matters is that its formula arrives inert.
    // Payloads reach the registers' own files, not only the county names that top them up.
    expect([...tablesWithPayloads].filter((name) => name !== "regions").length).toBeGreaterThan(1);
    const arrived = FORMULA_PAYLOADS.map((payload) => payload.trim());
    expect(arrived.filter((payload) => !seen.has(payload))).toEqual([]);
  });
});
