import { choice, date, id, regionCode, text, url } from "../../data/fields.ts";
import type { RowOf } from "../../data/fields.ts";
import { quote } from "../../data/issues.ts";
import { defineTable } from "../../data/table.ts";
import type { RegisterSpec } from "../register.ts";
import { timelineTable } from "../timeline.ts";
import {
  RECTIFIED_STATUSES,
  exposureCategories,
  exposureEventKinds,
  exposureStatuses,
} from "./vocabulary.ts";
import type { ExposureEventKind, ExposureStatus } from "./vocabulary.ts";

export const EXPOSURES_FILE = "exposures.csv";
export const EXPOSURE_UPDATES_FILE = "exposure-updates.csv";

/** `exposures.csv`: one row per problem the programme exposed. */
export const exposuresTable = defineTable({
  file: EXPOSURES_FILE,
  title: "环保曝光台问题清单",
  primaryKey: "id",
  nonEmpty: true,
  columns: {
    /** Stable id, HB-<year exposed>-<4-digit serial>; page URLs are made from it. */
    id: id({
      doc: "问题编号:HB-曝光年份-四位序号,如 HB-2018-0042;发布后不再更改",
      pattern: /^HB-(?<year>\d{4})-\d{4}$/,
      example: "HB-2018-0042",
      yearOf: "exposed_on",
    }),
    /** Short headline, as a list row shows it. */
    title: text({ doc: "问题标题,一句话概括,如 某某河段生活污水直排", max: 60 }),
    /** Day the problem was broadcast or printed. */
    exposed_on: date({ doc: "曝光日期(节目播出或报道刊发的日期)" }),
    /** Programme and episode, e.g. <city> TV《环保曝光台》第123期. */
    media: text({ doc: "曝光媒体与期数,如 某某电视台《环保曝光台》第123期", max: 60 }),
    /** Link to the broadcast or article, when one is public. */
    media_url: url({ doc: "节目或报道的网址,没有则留空", required: false }),
    /** County-level division where the problem is. */
    region_code: regionCode({ doc: "问题所在县级区划的代码(见 regions.csv)" }),
    /** Place, precise enough to find, without any private person's address. */
    location: text({ doc: "具体地点,写到乡镇、村或路段;不写私人住址", max: 100 }),
    /** Kind of problem. */
    category: choice(exposureCategories.values, { doc: "问题类别" }),
    /** What was wrong, as exposed. */
    problem: text({ doc: "曝光的问题是什么", max: 2000 }),
    /** Body answerable for fixing it. */
    responsible_unit: text({ doc: "负责整改的单位", max: 100 }),
    /** Last day allowed for rectification (inclusive); empty when none was set. */
    deadline: date({
      doc: "整改期限(含当日),可晚于数据截至日期;没有明确期限时留空",
      required: false,
      planned: true,
    }),
    /** Where the problem stands; must agree with the timeline's latest status. */
    status: choice(exposureStatuses.values, { doc: "整改状态,须与时间线中最新的状态一致" }),
    /** Day rectification was reported complete; required for 已整改 and 已销号. */
    rectified_on: date({
      doc: "整改完成日期;状态为已整改或已销号时必填,否则留空",
      required: false,
    }),
    /** Day the supervising department closed the case after inspection; required for 已销号. */
    closed_on: date({ doc: "销号日期;状态为已销号时必填,否则留空", required: false }),
    /** What was done (or is planned). */
    measures: text({ doc: "整改措施", max: 2000, required: false }),
  },
  check(row, report) {
    if (row.deadline !== undefined && row.deadline < row.exposed_on) {
      report(
        "deadline",
        `整改期限 ${row.deadline} 早于曝光日期 ${row.exposed_on}`,
        "不早于曝光日期(exposed_on);没有明确期限时留空",
      );
    }
    const rectified = RECTIFIED_STATUSES.has(row.status);
    if (rectified && row.rectified_on === undefined) {
      report(
        "rectified_on",
        `状态为${quote(row.status)},但没有填整改完成日期`,
        "状态为已整改或已销号时必填,日期写作 YYYY-MM-DD",
      );
    }
    if (!rectified && row.rectified_on !== undefined) {
      report(
        "rectified_on",
        `状态为${quote(row.status)},却填了整改完成日期 ${row.rectified_on}`,
        "整改完成后请把状态改为已整改;未完成时留空",
      );
    }
    if (row.status === "已销号" && row.closed_on === undefined) {
      report(
        "closed_on",
        "状态为「已销号」,但没有填销号日期",
        "状态为已销号时必填,日期写作 YYYY-MM-DD",
      );
    }
    if (row.status !== "已销号" && row.closed_on !== undefined) {
      report(
        "closed_on",
        `状态为${quote(row.status)},却填了销号日期 ${row.closed_on}`,
        "销号后请把状态改为已销号;未销号时留空",
      );
    }
    if (row.rectified_on !== undefined && row.rectified_on < row.exposed_on) {
      report(
        "rectified_on",
        `整改完成日期 ${row.rectified_on} 早于曝光日期 ${row.exposed_on}`,
        "不早于曝光日期(exposed_on)",
      );
    }
    if (
      row.closed_on !== undefined &&
      row.rectified_on !== undefined &&
      row.closed_on < row.rectified_on
    ) {
      report(
        "closed_on",
        `销号日期 ${row.closed_on} 早于整改完成日期 ${row.rectified_on}`,
        "不早于整改完成日期(rectified_on)",
      );
    }
  },
});

export type ExposureRow = RowOf<typeof exposuresTable.columns>;

/** `exposure-updates.csv`: the dated events of each problem. */
export const exposureUpdatesTable = timelineTable({
  file: EXPOSURE_UPDATES_FILE,
  title: "环保曝光台整改进展",
  itemsFile: EXPOSURES_FILE,
  statuses: exposureStatuses,
  kinds: exposureEventKinds,
});

export const exposureRegister: RegisterSpec<
  typeof exposuresTable.columns,
  ExposureStatus,
  ExposureEventKind
> = {
  key: "exposures",
  title: "环保曝光台",
  items: exposuresTable,
  timeline: exposureUpdatesTable,
  statuses: exposureStatuses,
  kinds: exposureEventKinds,
  opened: { column: "exposed_on", label: "曝光日期" },
  statusDates: [
    { column: "rectified_on", status: "已整改" },
    { column: "closed_on", status: "已销号" },
  ],
  essentials: (row) => ({ id: row.id, status: row.status, openedOn: row.exposed_on }),
};
