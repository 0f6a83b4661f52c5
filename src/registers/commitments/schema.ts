import { choice, date, id, integer, regionCode, text, url } from "../../data/fields.ts";
import type { RowOf } from "../../data/fields.ts";
import { quote } from "../../data/issues.ts";
import { defineTable } from "../../data/table.ts";
import type { RegisterSpec } from "../register.ts";
import { timelineTable } from "../timeline.ts";
import {
  ADJUSTED,
  DONE,
  POST_LEVEL,
  commitmentEventKinds,
  commitmentLevels,
  commitmentLists,
  commitmentStatuses,
} from "./vocabulary.ts";
import type { CommitmentEventKind, CommitmentStatus } from "./vocabulary.ts";

export const COMMITMENTS_FILE = "commitments.csv";
export const COMMITMENT_UPDATES_FILE = "commitment-updates.csv";

/**
 * Words a post contains (书记, 县长, 主任, 委员, 局长 …). A post without one is most likely a
 * person's name written in the wrong column, and a name must never be published.
 */
const POST_WORDS = /书记|长|主任|委员|主席|经理|专员|干事|干部|组员|监|总|员/;

/** `commitments.csv`: one row per commitment on a 民生实事计划 or 为民办事清单. */
export const commitmentsTable = defineTable({
  file: COMMITMENTS_FILE,
  title: "民生实事清单",
  primaryKey: "id",
  nonEmpty: true,
  columns: {
    /** Stable id, MS-<list year>-<4-digit serial>; page URLs are made from it. */
    id: id({
      doc: "事项编号:MS-清单年度-四位序号，如 MS-2022-0007;发布后不再更改",
      pattern: /^MS-\d{4}-\d{4}$/,
      example: "MS-2022-0007",
    }),
    /** The year of the list the commitment is on (a list for next year may be made in December). */
    year: integer({ doc: "清单年度，如 2022;列入日期须在这一年或前一年", min: 2000, max: 2100 }),
    /** Which list it is on. */
    list: choice(commitmentLists.values, { doc: "所属清单" }),
    /** Who made the commitment. */
    level: choice(commitmentLevels.values, { doc: "作出承诺的层级" }),
    /** The unit (or party organisation) that made the commitment and answers for it. */
    responsible_unit: text({
      doc: "作出承诺并负责办理的单位或党组织；党员个人的承诺写其所在党组织",
      max: 100,
    }),
    /** For 班子成员 only: the post, never the person's name. */
    post: text({
      doc: "班子成员的职务，如 县委副书记；只写职务、不写姓名；其他层级留空",
      max: 30,
      required: false,
    }),
    /** County-level division where the commitment is carried out. */
    region_code: regionCode({ doc: "事项所在县级区划的代码（见 regions.csv）" }),
    /** Short headline, as a list row shows it. */
    title: text({ doc: "事项标题，一句话概括，如 某村自来水管网改造", max: 60 }),
    /** What was promised, as published on the list. */
    promise: text({ doc: "承诺办理的内容，照清单公布的写", max: 2000 }),
    /** Day the commitment was put on the list and published; no event may precede it. */
    listed_on: date({ doc: "列入清单（公布）的日期" }),
    /** Day by which it was promised, as first published; never edited afterwards. */
    due_on: date({
      doc: "承诺完成日期（含当日），照清单最初公布的写，调整后也不改；可晚于数据截至日期",
      planned: true,
    }),
    /** The new promised day after an approved adjustment; empty when none was set. */
    adjusted_due_on: date({
      doc: "调整后的完成日期；只在事项经批准调整了日期时填写，否则留空",
      required: false,
      planned: true,
    }),
    /** Where the commitment stands; must agree with the timeline's latest status. */
    status: choice(commitmentStatuses.values, { doc: "办理状态，须与时间线中最新的状态一致" }),
    /** Why it was adjusted; required once the commitment has been 已调整. */
    adjustment_reason: text({
      doc: "调整原因；状态为已调整，或时间线中曾有已调整时必填，否则留空",
      max: 500,
      required: false,
    }),
    /** Day the unit reported it done; required for 已完成. */
    completed_on: date({ doc: "完成日期；状态为已完成时必填，否则留空", required: false }),
    /** What was done, as the unit reported it; required for 已完成. */
    result: text({
      doc: "办理结果，照责任单位报告的写；状态为已完成时必填",
      max: 2000,
      required: false,
    }),
    /** A public page showing the result (a report, a notice, a photo story). */
    evidence_url: url({ doc: "能证明办理结果的公开网址，没有则留空", required: false }),
  },
  check(row, report) {
    const listedYear = Number(row.listed_on.slice(0, 4));
    if (row.year !== listedYear && row.year !== listedYear + 1) {
      report(
        "year",
        `清单年度 ${row.year} 与列入日期 ${row.listed_on} 不符`,
        `列入日期所在年份（${listedYear}）或下一年（${listedYear + 1}）`,
      );
    }
    if (!row.id.startsWith(`MS-${row.year}-`)) {
      report(
        "id",
        `编号${quote(row.id)}中的年度与清单年度 ${row.year} 不一致`,
        `MS-${row.year}-四位序号`,
      );
    }
    if (row.due_on < row.listed_on) {
      report(
        "due_on",
        `承诺完成日期 ${row.due_on} 早于列入日期 ${row.listed_on}`,
        "不早于列入清单的日期（listed_on）",
      );
    }
    if (row.level === POST_LEVEL && row.post === undefined) {
      report("post", "层级为「班子成员」，但没有填职务", "班子成员的职务，如 县委副书记；不写姓名");
    }
    if (row.level !== POST_LEVEL && row.post !== undefined) {
      report(
        "post",
        `层级为${quote(row.level)}，却填了职务${quote(row.post)}`,
        "只有班子成员填职务；其他层级留空（党员个人不写姓名和职务）",
      );
    }
    if (row.post !== undefined && !POST_WORDS.test(row.post)) {
      report(
        "post",
        `${quote(row.post)}不像职务名称，可能是姓名`,
        "职务名称，如 县委副书记、副区长、局长、党委委员；不写姓名",
      );
    }
    if (row.status === DONE) {
      if (row.completed_on === undefined) {
        report(
          "completed_on",
          "状态为「已完成」，但没有填完成日期",
          "状态为已完成时必填，日期写作 YYYY-MM-DD",
        );
      }
      if (row.result === undefined) {
        report(
          "result",
          "状态为「已完成」，但没有填办理结果",
          "状态为已完成时必填，照责任单位报告的写",
        );
      }
    } else if (row.completed_on !== undefined) {
      report(
        "completed_on",
        `状态为${quote(row.status)}，却填了完成日期 ${row.completed_on}`,
        "办完后请把状态改为已完成；未完成时留空",
      );
    }
    if (row.completed_on !== undefined && row.completed_on < row.listed_on) {
      report(
        "completed_on",
        `完成日期 ${row.completed_on} 早于列入日期 ${row.listed_on}`,
        "不早于列入清单的日期（listed_on）",
      );
    }
    if (row.status === ADJUSTED && row.adjustment_reason === undefined) {
      report(
        "adjustment_reason",
        "状态为「已调整」，但没有填调整原因",
        "状态为已调整时必填，写明调整了什么、为什么",
      );
    }
    if (row.adjusted_due_on !== undefined) {
      if (row.adjustment_reason === undefined) {
        report(
          "adjusted_due_on",
          `填了调整后的完成日期 ${row.adjusted_due_on}，却没有调整原因`,
          "经批准调整日期时，同时填写调整原因（adjustment_reason）",
        );
      }
      if (row.adjusted_due_on < row.listed_on) {
        report(
          "adjusted_due_on",
          `调整后的完成日期 ${row.adjusted_due_on} 早于列入日期 ${row.listed_on}`,
          "不早于列入清单的日期（listed_on）",
        );
      }
      if (row.adjusted_due_on === row.due_on) {
        report(
          "adjusted_due_on",
          `调整后的完成日期与原承诺日期相同（${row.due_on}）`,
          "日期没有调整时留空",
        );
      }
    }
  },
});

export type CommitmentRow = RowOf<typeof commitmentsTable.columns>;

/** `commitment-updates.csv`: the dated events of each commitment. */
export const commitmentUpdatesTable = timelineTable({
  file: COMMITMENT_UPDATES_FILE,
  title: "民生实事办理进展",
  itemsFile: COMMITMENTS_FILE,
  statuses: commitmentStatuses,
  kinds: commitmentEventKinds,
});

export const commitmentRegister: RegisterSpec<
  typeof commitmentsTable.columns,
  CommitmentStatus,
  CommitmentEventKind
> = {
  key: "commitments",
  title: "民生实事",
  items: commitmentsTable,
  timeline: commitmentUpdatesTable,
  statuses: commitmentStatuses,
  kinds: commitmentEventKinds,
  opened: { column: "listed_on", label: "列入日期" },
  essentials: (row) => ({ id: row.id, status: row.status, openedOn: row.listed_on }),
};
