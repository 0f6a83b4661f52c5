import { describe, expect, test } from "vitest";
import {
  choice,
  date,
  decimal,
  id,
  integer,
  reference,
  regionCode,
  text,
  url,
  yesNo,
} from "../../src/data/fields.ts";
import { regionsTable } from "../../src/data/regions.ts";
import { defineTable } from "../../src/data/table.ts";
import { tableSchema } from "../../src/open-data/table-schema.ts";
import type { KeyedResource } from "../../src/open-data/table-schema.ts";

const items = defineTable({
  file: "items.csv",
  title: "事项",
  primaryKey: "id",
  columns: {
    id: id({ doc: "编号", pattern: /^I-\d+$/, example: "I-1" }),
    title: text({ doc: "标题", max: 100 }),
    opened: date({ doc: "日期" }),
    status: choice(["未整改", "已整改"] as const, { doc: "状态" }),
    public: yesNo({ doc: "是否公开" }),
    count: integer({ doc: "次数", required: false }),
    share: decimal({ doc: "比例", min: 0, max: 1, required: false }),
    source: url({ doc: "来源", required: false }),
    county: regionCode({ doc: "县" }),
  },
});

const updates = defineTable({
  file: "item-updates.csv",
  title: "进展",
  columns: {
    item_id: reference({ doc: "事项编号", table: "items.csv" }),
    note: text({ doc: "说明" }),
  },
});

const resources = new Map<string, KeyedResource>([
  ["regions.csv", { name: "regions", primaryKey: "code" }],
  ["items.csv", { name: "items", primaryKey: "id" }],
]);

describe("Table Schema from column specs", () => {
  test("maps every column kind to its Table Schema type, with required and enum constraints", () => {
    const schema = tableSchema(items, resources);
    const byName = Object.fromEntries(schema.fields.map((field) => [field.name, field]));
    expect(byName["id"]).toMatchObject({
      type: "string",
      constraints: { required: true, unique: true },
    });
    expect(byName["opened"]).toMatchObject({ type: "date", constraints: { required: true } });
    expect(byName["status"]).toMatchObject({
      type: "string",
      constraints: { enum: ["未整改", "已整改"] },
    });
    expect(byName["public"]).toMatchObject({
      type: "boolean",
      trueValues: ["是"],
      falseValues: ["否"],
    });
    expect(byName["count"]).toEqual({ name: "count", type: "integer", description: "次数" });
    expect(byName["share"]).toMatchObject({ type: "number" });
    expect(byName["source"]).toMatchObject({ type: "string", format: "uri" });
    expect(byName["county"]).toMatchObject({
      type: "string",
      constraints: { pattern: "[0-9]{6}([0-9]{3})?" },
    });
    expect(schema.fields.map((field) => field.name)).toEqual(Object.keys(items.columns));
  });

  test("declares the primary key and points region columns at the regions resource", () => {
    const schema = tableSchema(items, resources);
    expect(schema.primaryKey).toEqual(["id"]);
    expect(schema.foreignKeys).toEqual([
      { fields: ["county"], reference: { resource: "regions", fields: ["code"] } },
    ]);
    expect(schema.missingValues).toEqual([""]);
  });

  test("turns reference columns into foreign keys to the referenced table's key", () => {
    expect(tableSchema(updates, resources).foreignKeys).toEqual([
      { fields: ["item_id"], reference: { resource: "items", fields: ["id"] } },
    ]);
  });

  test("leaves out foreign keys to tables that are not published", () => {
    expect(tableSchema(updates, new Map()).foreignKeys).toBeUndefined();
  });

  test("writes a reference of a table to itself with the empty resource name", () => {
    expect(tableSchema(regionsTable, resources).foreignKeys).toEqual([
      { fields: ["parent"], reference: { resource: "", fields: ["code"] } },
    ]);
  });
});
