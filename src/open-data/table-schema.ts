import type { ColumnKind } from "../data/fields.ts";
import { describedColumns } from "../data/tables.ts";
import type { ColumnDoc, TableDescription } from "../data/tables.ts";
import { regionsTable } from "../data/regions.ts";

/**
 * Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/) derived from
 * a table's column specs, the same objects that check the editors' CSV files. A published
 * file therefore validates against its schema exactly when the data passed our checks, and
 * the schema cannot drift from them.
 */

export type TableSchemaType = "string" | "integer" | "number" | "date" | "boolean";

export interface TableSchemaField {
  name: string;
  type: TableSchemaType;
  /** `uri` for URL columns; `default` otherwise (omitted). */
  format?: "uri";
  description: string;
  /** How boolean cells are written: the editors' 是/否. */
  trueValues?: string[];
  falseValues?: string[];
  constraints?: {
    required?: boolean;
    unique?: boolean;
    enum?: string[];
    /** XML Schema regular expression, implicitly anchored. */
    pattern?: string;
  };
}

export interface ForeignKey {
  fields: string[];
  /** `resource` is the referenced resource's name; "" refers to the same resource. */
  reference: { resource: string; fields: string[] };
}

export interface TableSchema {
  fields: TableSchemaField[];
  primaryKey?: string[];
  foreignKeys?: ForeignKey[];
  /** Only the empty cell means "no value"; a literal `NA` or `-` is data. */
  missingValues: string[];
}

/** A table another schema can point a foreign key at: its resource name and key column. */
export interface KeyedResource {
  name: string;
  primaryKey: string;
}

const TYPE_OF_KIND: Record<ColumnKind, TableSchemaType> = {
  id: "string",
  text: "string",
  date: "date",
  choice: "string",
  boolean: "boolean",
  integer: "integer",
  number: "number",
  url: "string",
  region: "string",
  reference: "string",
};

function field(name: string, column: ColumnDoc, isKey: boolean): TableSchemaField {
  const descriptor: TableSchemaField = {
    name,
    type: TYPE_OF_KIND[column.kind],
    description: column.doc,
  };
  if (column.kind === "url") descriptor.format = "uri";
  if (column.kind === "boolean") {
    descriptor.trueValues = ["是"];
    descriptor.falseValues = ["否"];
  }
  const constraints: NonNullable<TableSchemaField["constraints"]> = {};
  if (column.required) constraints.required = true;
  if (isKey) constraints.unique = true;
  if (column.kind === "choice" && column.values) constraints.enum = [...column.values];
  // Six digits (GB/T 2260), or nine for a township (统计用区划代码) where a column allows them.
  if (column.kind === "region") constraints.pattern = "[0-9]{6}([0-9]{3})?";
  if (Object.keys(constraints).length > 0) descriptor.constraints = constraints;
  return descriptor;
}

/**
 * The Table Schema of a published table.
 *
 * @param spec the columns as published (for a register with private columns, its public
 *   projection)
 * @param resourceOfFile the published resources by data file name, for foreign keys; a
 *   reference to a table that is not published gets no foreign key (a reference to the
 *   table itself points at the resource "", as the specification asks)
 */
export function tableSchema(
  spec: TableDescription,
  resourceOfFile: ReadonlyMap<string, KeyedResource>,
): TableSchema {
  const fields: TableSchemaField[] = [];
  const foreignKeys: ForeignKey[] = [];
  for (const [name, column] of describedColumns(spec)) {
    const isKey = spec.primaryKey === name;
    fields.push(field(name, column, isKey));
    const target =
      column.kind === "region"
        ? regionsTable.file
        : column.kind === "reference"
          ? column.references
          : undefined;
    if (target === undefined || isKey) continue;
    const resource = resourceOfFile.get(target);
    if (!resource) continue;
    foreignKeys.push({
      fields: [name],
      reference: {
        resource: target === spec.file ? "" : resource.name,
        fields: [resource.primaryKey],
      },
    });
  }
  const schema: TableSchema = { fields, missingValues: [""] };
  if (spec.primaryKey) schema.primaryKey = [spec.primaryKey];
  if (foreignKeys.length > 0) schema.foreignKeys = foreignKeys;
  return schema;
}

/** Chinese name of a column's type, for the column tables on /data/ and in the guide. */
export const KIND_LABEL: Record<ColumnKind, string> = {
  id: "编号",
  text: "文本",
  date: "日期",
  choice: "选项",
  boolean: "是/否",
  integer: "整数",
  number: "数字",
  url: "网址",
  region: "行政区划代码",
  reference: "编号引用",
};
