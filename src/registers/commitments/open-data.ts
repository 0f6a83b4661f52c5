import type { Region } from "../../data/regions.ts";
import type { TableDescription } from "../../data/tables.ts";
import { publishTable, publishView } from "../../open-data/published-table.ts";
import type { PublishedTable, PublishedValue } from "../../open-data/published-table.ts";
import { timelinessColumns, timelinessRecord } from "../timeliness.ts";
import type { Timeliness } from "../timeliness.ts";
import type { Commitment } from "./model.ts";
import type { RegisterFeedSource } from "../../open-data/register-feeds.ts";
import { facetBase } from "../listing.ts";
import { COMMITMENTS_BASE } from "./listing.ts";
import type { CommitmentRegister } from "./load.ts";
import { commitmentRegister, commitmentUpdatesTable, commitmentsTable } from "./schema.ts";
import type { CommitmentRow } from "./schema.ts";

const YES_NO = { kind: "boolean", values: ["是", "否"], allowed: "是 或 否" } as const;
const WHOLE = { kind: "integer", required: false, allowed: "不小于 0 的整数" } as const;

/**
 * `/data/commitments.csv`: the editors' columns under the same names, then what the pages
 * compute from them (the rules are on the stats page), so a download carries what the screen
 * shows.
 */
export const commitmentsView: TableDescription = {
  file: commitmentsTable.file,
  title: commitmentsTable.title,
  primaryKey: "id",
  columns: {
    ...commitmentsTable.columns,
    region_name: {
      kind: "text",
      required: true,
      doc: "区县名称（由 region_code 得出）",
      allowed: "regions.csv 中的名称",
    },
    effective_due_on: {
      kind: "date",
      required: true,
      plannedDate: true,
      doc: "适用的承诺完成日期：有调整后的日期用调整后的，否则用原承诺日期",
      allowed: "YYYY-MM-DD",
    },
    ...timelinessColumns,
    done: { ...YES_NO, required: true, doc: "已完成（状态为已完成且有完成日期）" },
    overdue: {
      ...YES_NO,
      required: true,
      doc: "截至数据日期已过适用的承诺日期仍未完成；已调整的不算逾期",
    },
    completed_late: { ...YES_NO, required: true, doc: "完成日期晚于原承诺完成日期" },
    days_to_complete: { ...WHOLE, doc: "从列入到完成的天数；未完成为空" },
  },
};

/**
 * 按期情况 from the register's own rules (lateness against the first promised date, overdue
 * against the one that applies, an adjusted commitment not overdue), in the kit's words.
 */
function commitmentTimeliness(item: Commitment): Timeliness {
  if (item.done) {
    return item.completedLate
      ? { value: "超期完成", days: item.daysLate, text: `超期 ${item.daysLate ?? 0} 天` }
      : { value: "按期", days: undefined, text: "按期" };
  }
  if (item.overdue) {
    return {
      value: "逾期未完成",
      days: item.daysOverdue,
      text: `逾期 ${item.daysOverdue ?? 0} 天`,
    };
  }
  return { value: "未到期", days: undefined, text: "未到期" };
}

function commitmentRecord(item: Commitment): Record<string, PublishedValue> {
  const row: CommitmentRow = {
    id: item.id,
    year: item.year,
    list: item.list,
    level: item.level,
    responsible_unit: item.responsibleUnit,
    post: item.post,
    region_code: item.county.code,
    title: item.title,
    promise: item.promise,
    listed_on: item.listedOn,
    due_on: item.dueOn,
    adjusted_due_on: item.adjustedDueOn,
    status: item.status,
    adjustment_reason: item.adjustmentReason,
    completed_on: item.completedOn,
    result: item.result,
    evidence_url: item.evidenceUrl,
  };
  return {
    ...row,
    region_name: item.county.name,
    effective_due_on: item.effectiveDueOn,
    ...timelinessRecord(commitmentTimeliness(item)),
    done: item.done,
    overdue: item.overdue,
    completed_late: item.completedLate,
    days_to_complete: item.daysToComplete,
  };
}

/**
 * The 民生实事 register as open data: its two files in the editors' own columns (the
 * register's order, each commitment's events oldest first), and its feeds.
 */
export function commitmentTables(register: CommitmentRegister): PublishedTable[] {
  const path = (record: { id?: unknown }) => `${COMMITMENTS_BASE}${String(record.id)}/`;
  return [
    publishView({
      name: "commitments",
      title: commitmentsTable.title,
      description:
        "民生实事计划和为民办事清单中的每一项承诺：清单与层级、责任单位、所在区县、承诺内容、列入和承诺完成日期、办理状态、调整原因、完成日期与办理结果，以及本站按数据截至日期算出的适用承诺日期、按期情况、超过期限天数、是否完成、逾期和超期完成、完成用时（与网页上显示的相同）。",
      spec: commitmentsView,
      records: register.items.map(commitmentRecord),
      recordPath: path,
    }),
    publishTable({
      name: "commitment-updates",
      title: commitmentUpdatesTable.title,
      description:
        "每项承诺的时间线：列入、按周报半月报月报报告的进展、调整、完成、督查等事件的日期、类型、事件后的状态、说明和公开来源。",
      spec: commitmentUpdatesTable,
      rows: register.items.flatMap((item) =>
        item.timeline.map((event) => ({
          item_id: event.itemId,
          date: event.date,
          kind: event.kind,
          status: event.status,
          summary: event.summary,
          source_url: event.sourceUrl,
        })),
      ),
    }),
  ];
}

export function commitmentFeedSource(register: CommitmentRegister): RegisterFeedSource {
  return {
    key: "commitments",
    title: commitmentRegister.title,
    noun: "事项",
    listPath: COMMITMENTS_BASE,
    countyPath: (county: Region) => facetBase({ base: COMMITMENTS_BASE }, "county", county.code),
    items: register.items.map((item) => ({
      id: item.id,
      title: item.title,
      path: `${COMMITMENTS_BASE}${item.id}/`,
      county: item.county,
      openedOn: item.listedOn,
      status: item.status,
      events: item.timeline,
    })),
    eventFeeds: [{ slug: "done", title: "新办完的事项", kinds: ["完成"] }],
  };
}
