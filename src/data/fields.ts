import { z } from "astro/zod";
import { isIsoDate, type IsoDate } from "./dates.ts";
import { quote } from "./issues.ts";
import { PERIOD_FORMS, parsePeriod } from "./periods.ts";
import type { Period } from "./periods.ts";

/**
 * Column builders. A column is one CSV cell's contract: a zod schema from the raw cell text
 * to a typed value, the editor-facing description (`doc`), and the sentence that says what
 * is allowed. The same objects generate the editor guide and the published data package, so
 * the documentation cannot drift from the checks.
 */
export type ColumnKind =
  | "id"
  | "text"
  | "date"
  | "choice"
  | "boolean"
  | "integer"
  | "number"
  | "url"
  | "region"
  | "reference";

export interface Column<T> {
  kind: ColumnKind;
  /** One line in the editor's terms: what goes in this column. */
  doc: string;
  /** What is allowed, shown after every error in this column. */
  allowed: string;
  required: boolean;
  /** Closed vocabulary, for choice columns. */
  values?: readonly string[];
  /** For reference columns: the table (file name) whose ids this column must name. */
  references?: string;
  /**
   * For date columns that name a planned day (a deadline): may be after the data's as-of
   * date. Every other date records something that happened, so a later one is an error.
   */
  plannedDate?: boolean;
  /**
   * For columns whose value covers a stretch of time (a reporting period): the first day it
   * covers. Checked like a date: a period that has not begun by the as-of date, or lies
   * before the earliest year, is an error.
   */
  // Method syntax on purpose: parameters of methods are bivariant, so a Column<Period> is
  // still a Column<unknown> in a table's column record.
  startsOn?(value: T): IsoDate;
  /**
   * For id columns whose id carries a year (`HB-2018-0042`): the date column that year must
   * be the year of. The id pattern names the year with a `(?<year>\d{4})` group.
   */
  yearOf?: string;
  /** For id columns: the pattern ids follow (its `year` group is read for `yearOf`). */
  idPattern?: RegExp;
  schema: z.ZodType<T, string>;
}

export type Columns = Record<string, Column<unknown>>;
export type RowOf<C extends Columns> = { [K in keyof C]: C[K] extends Column<infer T> ? T : never };

interface Common {
  doc: string;
}
interface Optional {
  required?: boolean;
}

const MISSING = "不能为空";

/** A number as a message shows it: as written, or quoted and shortened when very long. */
function shownNumber(value: string): string {
  return value.length > 20 ? quote(value) : value;
}

/** Trims, then either parses a required value or lets an empty cell through as undefined. */
function build<T>(
  spec: { kind: ColumnKind; doc: string; allowed: string; required: boolean } & Partial<
    Pick<Column<T>, "values" | "references" | "plannedDate" | "startsOn" | "yearOf" | "idPattern">
  >,
  parse: (value: string, ctx: z.RefinementCtx) => T,
): Column<T> | Column<T | undefined> {
  const schema = z.string().transform((raw, ctx) => {
    const value = raw.trim();
    if (value === "") {
      if (spec.required) ctx.addIssue({ code: "custom", message: MISSING });
      return undefined;
    }
    return parse(value, ctx);
  });
  return { ...spec, schema } as Column<T | undefined>;
}

function fail(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

type Req<O, T> = O extends { required: false } ? Column<T | undefined> : Column<T>;

/**
 * Stable editor-given identifier, never a row number: URLs are built from it. With `yearOf`,
 * the id's year (the pattern's `year` group) must be the year of that date column.
 */
export function id(
  opts: Common & { pattern: RegExp; example: string; yearOf?: string },
): Column<string> {
  if (opts.yearOf !== undefined && !opts.pattern.source.includes("(?<year>")) {
    throw new Error(`id column with yearOf needs a (?<year>…) group: ${opts.pattern.source}`);
  }
  return build(
    {
      kind: "id",
      doc: opts.doc,
      required: true,
      allowed: `编号格式如 ${opts.example},一经发布不得更改`,
      idPattern: opts.pattern,
      ...(opts.yearOf === undefined ? {} : { yearOf: opts.yearOf }),
    },
    (value, ctx) => (opts.pattern.test(value) ? value : fail(ctx, `编号${quote(value)}格式不对`)),
  ) as Column<string>;
}

export function text<O extends Common & Optional & { max?: number }>(opts: O): Req<O, string> {
  const max = opts.max ?? 5000;
  return build(
    {
      kind: "text",
      doc: opts.doc,
      required: opts.required ?? true,
      allowed: `${opts.required === false ? "可留空;" : ""}不超过 ${max} 个字`,
    },
    (value, ctx) => {
      // Characters as an editor counts them: a character outside the BMP (e.g. a rare
      // ideograph in a place name) is one, not two UTF-16 code units.
      const length = [...value].length;
      return length > max ? fail(ctx, `内容有 ${length} 个字,超过上限`) : value;
    },
  ) as Req<O, string>;
}

export function date<O extends Common & Optional & { planned?: boolean }>(
  opts: O,
): Req<O, IsoDate> {
  return build(
    {
      kind: "date",
      doc: opts.doc,
      required: opts.required ?? true,
      plannedDate: opts.planned ?? false,
      allowed: `${opts.required === false ? "可留空;" : ""}日期写作 YYYY-MM-DD,如 2024-03-05`,
    },
    (value, ctx) => {
      if (isIsoDate(value)) return value;
      return /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? fail(ctx, `日期${quote(value)}不存在`)
        : fail(ctx, `日期${quote(value)}格式不对`);
    },
  ) as Req<O, IsoDate>;
}

export function choice<const V extends readonly [string, ...string[]], O extends Common & Optional>(
  values: V,
  opts: O,
): Req<O, V[number]> {
  return build(
    {
      kind: "choice",
      doc: opts.doc,
      required: opts.required ?? true,
      values,
      allowed: `${opts.required === false ? "可留空;" : ""}允许:${values.join("、")}`,
    },
    (value, ctx) =>
      (values as readonly string[]).includes(value)
        ? (value as V[number])
        : fail(ctx, `${quote(value)}不是允许的值`),
  ) as Req<O, V[number]>;
}

/** 是/否 columns. */
export function yesNo<O extends Common & Optional>(opts: O): Req<O, boolean> {
  return build(
    {
      kind: "boolean",
      doc: opts.doc,
      required: opts.required ?? true,
      values: ["是", "否"],
      allowed: `${opts.required === false ? "可留空;" : ""}填「是」或「否」`,
    },
    (value, ctx) =>
      value === "是"
        ? true
        : value === "否"
          ? false
          : fail(ctx, `${quote(value)}不是「是」或「否」`),
  ) as Req<O, boolean>;
}

export function integer<O extends Common & Optional & { min?: number; max?: number }>(
  opts: O,
): Req<O, number> {
  const min = opts.min ?? 0;
  const range = opts.max === undefined ? `不小于 ${min} 的整数` : `${min} 到 ${opts.max} 的整数`;
  return build(
    {
      kind: "integer",
      doc: opts.doc,
      required: opts.required ?? true,
      allowed: `${opts.required === false ? "可留空;" : ""}${range}`,
    },
    (value, ctx) => {
      if (!/^-?\d+$/.test(value)) return fail(ctx, `${quote(value)}不是整数`);
      const n = Number(value);
      // Beyond 2^53 a number is no longer the one written (and 400 digits become Infinity).
      if (!Number.isSafeInteger(n) || n < min || (opts.max !== undefined && n > opts.max))
        return fail(ctx, `${shownNumber(value)} 超出范围`);
      return n;
    },
  ) as Req<O, number>;
}

/**
 * The largest magnitude a number column takes when it states no range: every integer up to
 * it is exact in a double, and no count or amount the site publishes comes near it.
 */
export const LARGEST_NUMBER = 1e15;

export function decimal<O extends Common & Optional & { min?: number; max?: number }>(
  opts: O,
): Req<O, number> {
  const min = opts.min ?? -LARGEST_NUMBER;
  const max = opts.max ?? LARGEST_NUMBER;
  const bounds =
    opts.min === undefined && opts.max === undefined
      ? "数字(绝对值小于 10 的 15 次方)"
      : `${opts.min ?? "−10 的 15 次方"} 到 ${opts.max ?? "10 的 15 次方"} 之间的数字`;
  return build(
    {
      kind: "number",
      doc: opts.doc,
      required: opts.required ?? true,
      allowed: `${opts.required === false ? "可留空(表示无数据,不是 0);" : ""}${bounds},用英文小数点,不带单位和千分位逗号`,
    },
    (value, ctx) => {
      if (!/^-?\d+(\.\d+)?$/.test(value)) return fail(ctx, `${quote(value)}不是数字`);
      const n = Number(value);
      if (!Number.isFinite(n) || n < min || n > max)
        return fail(ctx, `${shownNumber(value)} 超出范围`);
      return n;
    },
  ) as Req<O, number>;
}

export function url<O extends Common & Optional>(opts: O): Req<O, string> {
  return build(
    {
      kind: "url",
      doc: opts.doc,
      required: opts.required ?? true,
      allowed: `${opts.required === false ? "可留空;" : ""}以 https:// 或 http:// 开头的完整网址`,
    },
    (value, ctx) => {
      if (!/^https?:\/\/\S+$/.test(value)) return fail(ctx, `${quote(value)}不是网址`);
      try {
        new URL(value);
      } catch {
        return fail(ctx, `${quote(value)}不是有效网址`);
      }
      return value;
    },
  ) as Req<O, string>;
}

/**
 * GB/T 2260 six-digit region code; existence is checked against regions.csv afterwards.
 * With `township`, also the nine-digit code of a township (乡、镇、街道): GB/T 2260 stops at
 * the county, so townships carry the National Bureau of Statistics' 统计用区划代码 (the
 * county's six digits plus three).
 */
export function regionCode<O extends Common & Optional & { township?: boolean }>(
  opts: O,
): Req<O, string> {
  const pattern = opts.township ? /^\d{6}(\d{3})?$/ : /^\d{6}$/;
  const form = opts.township ? "6 位(县级及以上)或 9 位(乡级)" : "6 位";
  return build(
    {
      kind: "region",
      doc: opts.doc,
      required: opts.required ?? true,
      allowed: opts.township
        ? "regions.csv 中已有的区划代码:县级及以上 6 位(GB/T 2260),乡、镇、街道 9 位(统计用区划代码)"
        : "regions.csv 中已有的 6 位行政区划代码(GB/T 2260)",
    },
    (value, ctx) =>
      pattern.test(value) ? value : fail(ctx, `${quote(value)}不是 ${form}行政区划代码`),
  ) as Req<O, string>;
}

/** First day of a period: 2021 → 2021-01-01, 2021-03 → 2021-03-01, 2021-Q2 → 2021-04-01. */
export function firstDayOf(period: Period): IsoDate {
  const month =
    period.kind === "month"
      ? (period.part ?? 1)
      : period.kind === "quarter"
        ? ((period.part ?? 1) - 1) * 3 + 1
        : 1;
  return `${String(period.year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
}

/**
 * A reporting period: a year `2021`, a month `2021-03` or a quarter `2021-Q1`. Like a date,
 * it may not begin after the as-of date nor lie before the earliest year (a typo such as
 * `2201-03` would otherwise draw two thousand empty months).
 */
export function period<O extends Common & Optional>(opts: O): Req<O, Period> {
  return build(
    {
      kind: "text",
      doc: opts.doc,
      required: opts.required ?? true,
      allowed: `${opts.required === false ? "可留空;" : ""}${PERIOD_FORMS}`,
      startsOn: (value: Period) => firstDayOf(value),
    },
    (value, ctx) => parsePeriod(value) ?? fail(ctx, `时期${quote(value)}格式不对`),
  ) as Req<O, Period>;
}

/** The id of a row in another table; existence is checked once every table is read. */
export function reference<O extends Common & Optional & { table: string }>(
  opts: O,
): Req<O, string> {
  return build(
    {
      kind: "reference",
      doc: opts.doc,
      required: opts.required ?? true,
      references: opts.table,
      allowed: `${opts.table} 中已有的编号`,
    },
    (value) => value,
  ) as Req<O, string>;
}
