import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { BOM, cellText, csvText, restoreText, toCsv } from "../../src/open-data/csv.ts";
import { FORMULA_PAYLOADS, FORMULA_START } from "../fixtures/formula-payloads.ts";

function parse(csv: string): string[][] {
  const result = Papa.parse<string[]>(csv.slice(BOM.length), { delimiter: ",", newline: "\r\n" });
  expect(result.errors).toEqual([]);
  // The file ends in CRLF, which papaparse reads as one last empty row.
  return result.data.filter((row) => !(row.length === 1 && row[0] === ""));
}

describe("published CSV files", () => {
  test("start with a UTF-8 byte-order mark and end every record with CRLF", () => {
    const csv = toCsv(["a", "b"], [["x", 1]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toBe(`${BOM}a,b\r\nx,1\r\n`);
  });

  test("for tools, are the same records without the byte-order mark", () => {
    expect(csvText(["a", "b"], [["x", 1]])).toBe("a,b\r\nx,1\r\n");
    expect(toCsv(["a"], [["=1"]])).toBe(BOM + csvText(["a"], [["=1"]]));
  });

  test("quote fields with commas, quotes and line breaks as RFC 4180 says", () => {
    const csv = toCsv(["text"], [["甲,乙"], ['他说"好"'], ["第一行\n第二行"]]);
    expect(csv).toBe(`${BOM}text\r\n"甲,乙"\r\n"他说""好"""\r\n"第一行\n第二行"\r\n`);
    expect(parse(csv)).toEqual([["text"], ["甲,乙"], ['他说"好"'], ["第一行\n第二行"]]);
  });

  test.each(FORMULA_PAYLOADS.map((payload) => [JSON.stringify(payload), payload]))(
    "make the formula payload %s inert and restorable",
    (_label, payload) => {
      const [header, row] = parse(toCsv(["summary"], [[payload]]));
      expect(header).toEqual(["summary"]);
      const cell = row?.[0] ?? "";
      expect(cell).not.toMatch(FORMULA_START);
      expect(cell.startsWith("'")).toBe(true);
      expect(restoreText(cell)).toBe(payload);
    },
  );

  test("keep negative and positive numbers as numbers in numeric columns", () => {
    expect(parse(toCsv(["n"], [[-3], [2.5], [0]]))).toEqual([["n"], ["-3"], ["2.5"], ["0"]]);
  });

  test("write booleans the way editors do, 是 and 否, and empty values as empty cells", () => {
    expect(cellText(true)).toBe("是");
    expect(cellText(false)).toBe("否");
    expect(cellText(undefined)).toBe("");
    expect(cellText(null)).toBe("");
  });

  test("give text that already starts with an apostrophe one more, so one rule restores every cell", () => {
    expect(cellText("'引号开头")).toBe("''引号开头");
    expect(restoreText(cellText("'引号开头"))).toBe("'引号开头");
    expect(restoreText(cellText("普通文字"))).toBe("普通文字");
  });

  test("refuse rows whose width differs from the header and numbers that are not finite", () => {
    expect(() => toCsv(["a", "b"], [["x"]])).toThrow(/1 cells/);
    expect(() => cellText(Number.NaN)).toThrow(/finite/);
  });
});
