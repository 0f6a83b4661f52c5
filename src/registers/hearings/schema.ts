import { choice, date, id, integer, reference, regionCode, text, url } from "../../data/fields.ts";
import type { RowOf } from "../../data/fields.ts";
import { quote } from "../../data/issues.ts";
import { defineTable } from "../../data/table.ts";
import type { RegisterSpec } from "../register.ts";
import { timelineTable } from "../timeline.ts";
import {
  ACCOUNTABILITY_COLUMNS,
  RECTIFIED_HEARING_STATUSES,
  accountabilityKinds,
  hearingEventKinds,
  hearingProblemStatuses,
} from "./vocabulary.ts";
import type { HearingEventKind, HearingProblemStatus } from "./vocabulary.ts";

export const HEARINGS_FILE = "hearings.csv";
export const HEARING_PROBLEMS_FILE = "hearing-problems.csv";
export const HEARING_UPDATES_FILE = "hearing-problem-updates.csv";

/** `hearings.csv`: one row per broadcast episode (一期节目). */
export const hearingsTable = defineTable({
  file: HEARINGS_FILE,
  title: "阳光问廉节目",
  primaryKey: "id",
  nonEmpty: true,
  columns: {
    /** Stable id, WL-<3-digit episode number>; page URLs are made from it. */
    id: id({
      doc: "节目编号:WL-三位期数,如 WL-007;发布后不再更改",
      pattern: /^WL-\d{3}$/,
      example: "WL-007",
    }),
    /** Episode number as announced (第几期); unique. */
    number: integer({ doc: "第几期,与编号中的三位数字相同", min: 1, max: 999 }),
    /** Day of the live broadcast. */
    aired_on: date({ doc: "直播日期" }),
    /** Who broadcast it, e.g. <city> 广播电视台. */
    broadcaster: text({ doc: "播出机构,如 某某广播电视台", max: 60 }),
    /** What the episode was about, e.g. 聚焦扶贫领域. */
    theme: text({ doc: "本期主题,如 聚焦扶贫领域作风问题", max: 60 }),
    /** Units questioned on air, separated by 、. */
    units_questioned: text({ doc: "到场接受质询的单位,多个单位用顿号(、)分隔", max: 500 }),
    /** Link to the recording, when one is public. */
    video_url: url({ doc: "节目视频或报道的网址,没有则留空", required: false }),
    /** A few sentences on the episode. */
    summary: text({ doc: "本期概要,一两句话;没有则留空", required: false, max: 500 }),
  },
  check(row, report) {
    if (row.id !== `WL-${String(row.number).padStart(3, "0")}`) {
      report(
        "number",
        `期数 ${row.number} 与编号 ${row.id} 不一致`,
        "编号为 WL- 加三位期数,如第 7 期为 WL-007",
      );
    }
  },
});

export type HearingRow = RowOf<typeof hearingsTable.columns>;

const countColumn = (kind: string) =>
  integer({ doc: `因本问题受到${kind}的人数;没有填 0`, min: 0, max: 999 });

/** `hearing-problems.csv`: one row per problem raised on an episode. */
export const hearingProblemsTable = defineTable({
  file: HEARING_PROBLEMS_FILE,
  title: "阳光问廉曝光问题",
  primaryKey: "id",
  nonEmpty: true,
  columns: {
    /** Stable id: the episode's id plus a two-digit serial, WL-007-03. */
    id: id({
      doc: "问题编号:所属节目编号加两位序号,如 WL-007-03;发布后不再更改",
      pattern: /^WL-\d{3}-\d{2}$/,
      example: "WL-007-03",
    }),
    /** The episode the problem was raised on. */
    hearing_id: reference({ doc: "所属节目的编号(hearings.csv)", table: HEARINGS_FILE }),
    /** Short headline, as a list row shows it. */
    title: text({ doc: "问题标题,一句话概括", max: 60 }),
    /** County-level division the problem is in. */
    region_code: regionCode({ doc: "问题所在县级区划的代码(见 regions.csv)" }),
    /** The unit questioned about it on air. */
    unit_questioned: text({ doc: "就本问题接受质询的单位", max: 100 }),
    /** What the programme exposed. */
    exposed: text({ doc: "节目曝光的问题是什么(暗访所见、群众反映)", max: 2000 }),
    /** What the unit promised on air. */
    commitment: text({ doc: "被质询单位在节目现场作出的承诺", max: 1000 }),
    /** The promised last day of rectification (inclusive); empty when none was given. */
    deadline: date({
      doc: "承诺的整改期限(含当日),可晚于数据截至日期;现场没有承诺期限时留空",
      required: false,
      planned: true,
    }),
    /** Where the problem stands; must agree with the timeline's latest status. */
    status: choice(hearingProblemStatuses.values, { doc: "整改状态,须与时间线中最新的状态一致" }),
    /** Day rectification was reported complete; required for 已整改 and 已销号. */
    rectified_on: date({
      doc: "整改完成日期;状态为已整改或已销号时必填,否则留空",
      required: false,
    }),
    /** Day the case was closed after inspection; required for 已销号. */
    closed_on: date({ doc: "销号日期;状态为已销号时必填,否则留空", required: false }),
    /** What was done (or is planned). */
    measures: text({ doc: "整改措施", max: 2000, required: false }),
    /** People held accountable, by kind: counts only, never names. */
    accountable_admonition: countColumn("诫勉谈话"),
    accountable_party_discipline: countColumn("党纪处分"),
    accountable_government_discipline: countColumn("政务处分"),
    accountable_organisational: countColumn("组织处理"),
    accountable_other: countColumn("其他方式问责(通报批评、责令检查等)"),
    /** Day the accountability outcome was made public; the stats group people by its year. */
    accountability_announced_on: date({
      doc: "问责结果公布日期;各类问责人数都为 0 时留空",
      required: false,
    }),
  },
  check(row, report) {
    const rectified = RECTIFIED_HEARING_STATUSES.has(row.status);
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
      report("closed_on", "状态为「已销号」,但没有填销号日期", "状态为已销号时必填");
    }
    if (row.status !== "已销号" && row.closed_on !== undefined) {
      report(
        "closed_on",
        `状态为${quote(row.status)},却填了销号日期 ${row.closed_on}`,
        "销号后请把状态改为已销号;未销号时留空",
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
    const people = accountabilityKinds.values.reduce(
      (sum, kind) => sum + row[ACCOUNTABILITY_COLUMNS[kind]],
      0,
    );
    if (people > 0 && row.accountability_announced_on === undefined) {
      report(
        "accountability_announced_on",
        `记有 ${people} 人被问责,但没有填问责结果公布日期`,
        "有人被问责时必填,日期写作 YYYY-MM-DD",
      );
    }
    if (people === 0 && row.accountability_announced_on !== undefined) {
      report(
        "accountability_announced_on",
        `各类问责人数都为 0,却填了公布日期 ${row.accountability_announced_on}`,
        "没有人被问责时留空",
      );
    }
  },
});

export type HearingProblemRow = RowOf<typeof hearingProblemsTable.columns>;

/** `hearing-problem-updates.csv`: the dated events of each problem. */
export const hearingUpdatesTable = timelineTable({
  file: HEARING_UPDATES_FILE,
  title: "阳光问廉整改进展",
  itemsFile: HEARING_PROBLEMS_FILE,
  statuses: hearingProblemStatuses,
  kinds: hearingEventKinds,
});

/**
 * The problems as a register. A problem enters the register on its episode's air date,
 * which lives in hearings.csv: `load.ts` supplies it through `essentials`, so the shared
 * timeline checks compare events with the broadcast without a copied date column.
 */
export const hearingProblemRegister: RegisterSpec<
  typeof hearingProblemsTable.columns,
  HearingProblemStatus,
  HearingEventKind
> = {
  key: "hearings",
  title: "阳光问廉",
  items: hearingProblemsTable,
  timeline: hearingUpdatesTable,
  statuses: hearingProblemStatuses,
  kinds: hearingEventKinds,
  opened: { column: "hearing_id", label: "节目直播日期" },
  essentials: () => {
    throw new Error("hearings: essentials come from load.ts, which knows the air dates");
  },
};

/**
 * Column names that would hold a person's name. The register records how many people were
 * held accountable, never who; an editor adding such a column gets told why, not just that
 * the column is unknown. Matched against the header before the file is read.
 */
export const NAME_LIKE_COLUMN =
  /姓名|名字|人名|责任人|当事人|被问责|干部|领导|^(full_?)?(names?|surnames?|persons?|people|officials?|leaders?|cadres?)$|(person|people|official|leader|cadre|responsible|accountable)_?(names?|persons?)/i;
