import { existsSync } from "node:fs";
import { join } from "node:path";
import type { DataContext } from "./context.ts";
import type { IsoDate } from "./dates.ts";
import { date, text } from "./fields.ts";
import { defineTable } from "./table.ts";

/**
 * `withdrawn.csv`: records taken out of a register after they were published. The record's
 * row is deleted from its register's file; its page stays, saying when and why it was
 * withdrawn, so a link to it never breaks and nothing disappears without a word. Its id is
 * never used again.
 */
export const withdrawalsTable = defineTable({
  file: "withdrawn.csv",
  title: "已撤回的记录",
  primaryKey: "id",
  columns: {
    /** The withdrawn record's id, exactly as it was published, e.g. HB-2018-0042. */
    id: text({
      doc: "撤回的记录的编号，照发布时的写法，如 HB-2018-0042；该编号此后不得再用",
      max: 40,
    }),
    /** The day the record was withdrawn. */
    withdrawn_on: date({ doc: "撤回日期" }),
    /** Why, in a sentence readers understand; shown on the record's page. */
    reason: text({
      doc: "撤回的原因，一句话，显示在该记录的网页上，如 经核实与 HB-2018-0041 为同一问题，合并处理",
      max: 200,
    }),
  },
  check: (row, report) => {
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(row.id)) {
      report("id", `编号「${row.id}」不像本站的记录编号`, "字母、数字和连字符，如 HB-2018-0042");
    }
  },
});

export interface Withdrawal {
  id: string;
  withdrawnOn: IsoDate;
  reason: string;
  /** Line in withdrawn.csv, for messages. */
  line: number;
}

/** Reads withdrawn.csv through the one data path. The file is optional. */
export function readWithdrawals(ctx: DataContext): Withdrawal[] {
  if (!existsSync(join(ctx.dataDir, withdrawalsTable.file))) return [];
  return ctx.read(withdrawalsTable).map(({ line, row }) => ({
    id: row.id,
    withdrawnOn: row.withdrawn_on,
    reason: row.reason,
    line,
  }));
}
