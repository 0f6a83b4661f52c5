import { z } from "astro/zod";
import { choice, decimal, integer, regionCode, text, url } from "../../data/fields.ts";
import type { Column, RowOf } from "../../data/fields.ts";
import { quote } from "../../data/issues.ts";
import { defineTable } from "../../data/table.ts";
import { PERIOD_FORMS, parsePeriod } from "../../indicators/period.ts";
import type { Period } from "../../indicators/period.ts";
import { ledgerKinds } from "./vocabulary.ts";

export const LEDGERS_FILE = "ledgers.csv";
/** The register's name as readers know it. */
export const LEDGERS_TITLE = "民情台账";

/** A period cell: `2025`, `2025-Q1` or `2025-03`, as the indicator files write them. */
function period(doc: string): Column<Period> {
  return {
    kind: "text",
    doc,
    allowed: PERIOD_FORMS,
    required: true,
    schema: z.string().transform((raw, ctx) => {
      const value = raw.trim();
      if (value === "") {
        ctx.addIssue({ code: "custom", message: "不能为空" });
        return z.NEVER;
      }
      const parsed = parsePeriod(value);
      if (!parsed) {
        ctx.addIssue({ code: "custom", message: `时期${quote(value)}格式不对` });
        return z.NEVER;
      }
      return parsed;
    }),
  };
}

/**
 * `ledgers.csv`: aggregates of the 民情台账, one row per region × period × ledger kind.
 * Counts of problems and visits only: no row describes a household or names anyone.
 * The counts are of problems entered in the ledger during the period, and where those
 * problems stood when the period's figures were compiled.
 */
export const ledgersTable = defineTable({
  file: LEDGERS_FILE,
  title: "民情台账汇总",
  columns: {
    /** A county-level division, or a township (its nine-digit code) under one. */
    region_code: regionCode({
      doc: "县级区划(6 位)或乡镇、街道(9 位)的代码,须在 regions.csv 中",
      township: true,
    }),
    /** The reporting period; one form (year, quarter or month) for the whole file. */
    period: period("时期:年 2025、季度 2025-Q1 或 月 2025-03;全文件统一一种"),
    /** Which ledger. */
    kind: choice(ledgerKinds.values, { doc: "台账类别" }),
    /** Problems entered in the ledger during the period. */
    registered: integer({ doc: "本期登记入账的问题数", min: 0 }),
    /** Of those, solved when the figures were compiled. */
    solved: integer({ doc: "其中已解决的问题数", min: 0 }),
    /** Of those, still being worked on. */
    in_progress: integer({ doc: "其中正在办理的问题数(未解决、未办结)", min: 0 }),
    /** Visits to residents during the period (人次), where counted. */
    residents_visited: integer({
      doc: "本期走访群众人次;没有统计留空(不是 0)",
      min: 0,
      required: false,
    }),
    /** Share of residents satisfied with how problems were solved, where surveyed. */
    satisfaction: decimal({
      doc: "群众对解决情况的满意度(百分数,0 到 100);没有测评留空",
      min: 0,
      max: 100,
      required: false,
    }),
    /** Where the figures come from: the reporting unit and its return. */
    source: text({
      doc: "数字出处:报送单位和报表,如 某某县民生诉求台账季度汇总;演示用的虚构数字写「示例数据」",
      max: 120,
    }),
    /** Link to the published return, when there is one. */
    source_url: url({ doc: "出处网址,没有则留空", required: false }),
    /** Anything a reader should know about this row. */
    note: text({ doc: "说明,如 本季度起含街道数据;没有则留空", required: false, max: 300 }),
  },
  check(row, report) {
    if (row.solved + row.in_progress > row.registered) {
      report(
        "solved",
        `已解决 ${row.solved} 加办理中 ${row.in_progress} 共 ${row.solved + row.in_progress},超过登记的 ${row.registered}`,
        "已解决与办理中之和不超过登记数(登记 = 已解决 + 办理中 + 尚未办理)",
      );
    }
  },
});

export type LedgerRow = RowOf<typeof ledgersTable.columns>;

/** The counts a township's rows may not exceed, summed, against its county's row. */
export const LEDGER_COUNT_COLUMNS = [
  "registered",
  "solved",
  "in_progress",
  "residents_visited",
] as const satisfies readonly (keyof LedgerRow)[];
