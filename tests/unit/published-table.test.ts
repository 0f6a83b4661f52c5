import { describe, expect, test } from "vitest";
import { text, yesNo } from "../../src/data/fields.ts";
import { defineTable } from "../../src/data/table.ts";
import { publishTable, publishView, tableCsv } from "../../src/open-data/published-table.ts";
import { recordJson } from "../../src/open-data/json.ts";

const letters = defineTable({
  file: "things.csv",
  title: "来信",
  primaryKey: "id",
  columns: {
    id: text({ doc: "编号" }),
    summary: text({ doc: "摘要", required: false }),
    public: yesNo({ doc: "同意公开" }),
  },
});

describe("published tables", () => {
  test("carry only the published columns, whatever else a row holds", () => {
    const rows = [
      { id: "L-1", summary: undefined, public: true, writer_phone: "not for publication" },
    ];
    const table = publishTable({
      name: "things",
      title: "来信",
      description: "",
      spec: letters,
      rows,
    });
    expect(table.records).toEqual([{ id: "L-1", summary: undefined, public: true }]);
    expect(tableCsv(table)).not.toContain("not for publication");
    expect(recordJson(table, table.records[0] ?? {})).toEqual({
      id: "L-1",
      summary: null,
      public: true,
    });
  });

  test("refuse a view record with a column the view does not document", () => {
    const view = {
      file: "things.csv",
      title: "来信(公开部分)",
      columns: { id: letters.columns.id },
    };
    expect(() =>
      publishView({
        name: "things",
        title: "",
        description: "",
        spec: view,
        records: [{ id: "L-1", summary: "x" }],
      }),
    ).toThrow(/no column "summary"/);
  });

  test("refuse names that would collide with the data package, the catalogue or the Excel folder", () => {
    for (const name of ["datapackage", "catalog", "excel"]) {
      expect(() =>
        publishTable({ name, title: "", description: "", spec: letters, rows: [] }),
      ).toThrow(/reserved/);
    }
  });

  test("refuse resource names that are not lower-case ASCII", () => {
    expect(() =>
      publishTable({ name: "Things_1", title: "", description: "", spec: letters, rows: [] }),
    ).toThrow(/resource name/);
  });

  test("refuse a cell that is not text, a number or a boolean", () => {
    const rows = [{ id: "L-1", summary: { text: "x" }, public: true }] as unknown as Parameters<
      typeof publishTable<typeof letters.columns>
    >[0]["rows"];
    expect(() =>
      publishTable({ name: "things", title: "", description: "", spec: letters, rows }),
    ).toThrow(/things\.summary holds a object/);
  });
});
