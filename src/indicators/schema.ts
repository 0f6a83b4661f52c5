import {
  choice,
  date,
  decimal,
  id,
  period,
  reference,
  regionCode,
  text,
  url,
  yesNo,
} from "../data/fields.ts";
import type { RowOf } from "../data/fields.ts";
import { quote } from "../data/issues.ts";
import { defineTable } from "../data/table.ts";

/**
 * The three indicator files. Sources are a table of their own because one article
 * publishes many figures: each value names its source by id, and a citation (publisher,
 * title, date, link) is written once, not copied onto every row.
 */

export const SOURCES_FILE = "indicator-sources.csv";
export const INDICATORS_FILE = "indicators.csv";
export const VALUES_FILE = "indicator-values.csv";

/** 公开报道: a figure someone published. 示例数据: fictional values of the demo site. */
export const SOURCE_KINDS = ["公开报道", "示例数据"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * Which way is better. 零目标: the target is zero events (the 十零 kind); 不评优劣: a count
 * the source reports without a better or worse direction (e.g. episodes broadcast).
 */
export const DIRECTIONS = ["零目标", "越低越好", "越高越好", "不评优劣"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * How a source qualifies a figure: 约 3000, 3000 余, 近 50 万, 95% 以上, 超过 40%, 不足 10.
 * The value column keeps the number the source names; the qualifier keeps the sentence
 * honest, and such a figure is never used to check a rate (it is not an exact count).
 */
export const QUALIFIERS = ["约", "余", "近", "以上", "超过", "不足"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;

export const indicatorSourcesTable = defineTable({
  file: SOURCES_FILE,
  title: "指标出处",
  primaryKey: "id",
  columns: {
    /** Stable id cited by indicators and values, e.g. renmin-sichuan-2022-03-16. */
    id: id({
      doc: "出处编号,小写字母、数字和连字符",
      pattern: SLUG,
      example: "renmin-sichuan-2022-03-16",
    }),
    /** 公开报道 or 示例数据; values from a 示例数据 source are labelled as sample everywhere. */
    kind: choice(SOURCE_KINDS, { doc: "公开报道(真实发布的数字)或 示例数据(演示用的虚构数字)" }),
    /** Who published it, e.g. 人民网-四川频道. */
    publisher: text({ doc: "发布者,如 人民网-四川频道;原文未载则留空", required: false, max: 60 }),
    /** Title of the article or document; empty when the text has none (then say so in note). */
    title: text({
      doc: "文章或文件标题;原文未载则留空,并在备注中描述这份材料",
      required: false,
      max: 120,
    }),
    /** Byline, if the source names one. */
    author: text({ doc: "作者或记者署名;没有则留空", required: false, max: 60 }),
    /** Publication date; empty when the source text does not give one. */
    date: date({ doc: "发表日期;原文未载则留空并在备注中说明", required: false }),
    /** Where a reader can check the figure. */
    url: url({ doc: "原文网址;没有则留空", required: false }),
    /** Anything a reader should know about the source itself. */
    note: text({ doc: "关于出处的说明,如 原文未载发表日期", required: false, max: 300 }),
  },
  check(row, report) {
    // A citation a reader cannot identify is no citation: without a title the note must say
    // what the material is.
    if (row.title === undefined && row.note === undefined) {
      report("note", "没有标题的出处须在备注中描述这份材料", "写明作者、内容和所知的时间");
    }
  },
});

export const indicatorsTable = defineTable({
  file: INDICATORS_FILE,
  title: "指标",
  primaryKey: "id",
  columns: {
    /** Stable id; the page address is /indicators/<id>/, so it never changes once published. */
    id: id({
      doc: "指标编号,用于网址 /indicators/<编号>/",
      pattern: SLUG,
      example: "forest-fire-zero-sparks",
    }),
    /** Name as the source words it, e.g. 森林防火零火星. */
    name: text({ doc: "指标名称,按出处的说法,如 森林防火零火星", max: 40 }),
    /** Group on the board, e.g. 十零, 信访; groups appear in the order of their first row. */
    group: text({ doc: "所属分组,如 十零、信访;分组按首次出现的顺序排列", max: 20 }),
    /** Unit of the values, e.g. 起, 件, %, 亿元. */
    unit: text({ doc: "数值单位,如 起、件、%、亿元", max: 10 }),
    direction: choice(DIRECTIONS, { doc: "方向:零目标、越低越好、越高越好,或 不评优劣" }),
    /** The target as the source states it; a leading number with the unit becomes a line. */
    target: text({
      doc: "目标值,按出处的说法;以数字加单位开头(如 100%)时,图上画一条目标线;没有则留空",
      required: false,
      max: 100,
    }),
    /** What is counted, in plain words. */
    definition: text({ doc: "定义:统计的是什么", max: 500 }),
    /** How figures are collected or computed, caveats, breaks in the series. */
    method_notes: text({ doc: "口径与方法说明;没有则留空", required: false, max: 1000 }),
    /** Where the indicator (its name and target) comes from. */
    source: reference({ doc: "指标出处的编号(indicator-sources.csv)", table: SOURCES_FILE }),
    /**
     * A place outside this site's jurisdiction the published figures are about (e.g.
     * 云南省昆明市). Empty means the jurisdiction itself, whose values carry region codes.
     */
    place: text({
      doc: "本市以外的地方(如 云南省昆明市);本市的指标留空",
      required: false,
      max: 40,
    }),
    /** 是: the city value of a period is the sum of the county values (all must report). */
    city_total: yesNo({
      doc: "是:全市数由各县区数相加得出;否或留空:全市数直接填写",
      required: false,
    }),
    /** For a rate: the indicator counting what is achieved, e.g. plans completed. */
    numerator: reference({
      doc: "比率指标的分子指标编号;不是比率则留空",
      required: false,
      table: INDICATORS_FILE,
    }),
    /** For a rate: the indicator counting the whole, e.g. plans made. */
    denominator: reference({
      doc: "比率指标的分母指标编号;不是比率则留空",
      required: false,
      table: INDICATORS_FILE,
    }),
  },
  check(row, report) {
    if ((row.numerator === undefined) !== (row.denominator === undefined)) {
      report(
        row.numerator === undefined ? "numerator" : "denominator",
        "分子和分母只填了一个",
        "比率指标两者都填,其他指标两者都留空",
      );
    }
    if (row.numerator !== undefined && row.unit !== "%") {
      report("unit", `比率指标的单位是${quote(row.unit)}`, "比率指标的单位须为 %");
    }
    if (row.numerator !== undefined && (row.numerator === row.id || row.denominator === row.id)) {
      report("numerator", "比率指标不能以自身为分子或分母", "另一个计数指标的编号");
    }
    if (row.place !== undefined && row.city_total === true) {
      report(
        "city_total",
        "本市以外的指标没有本市县区可以相加",
        "填写了 place 的指标,city_total 留空或填「否」",
      );
    }
  },
});

export const indicatorValuesTable = defineTable({
  file: VALUES_FILE,
  title: "指标数值",
  columns: {
    indicator_id: reference({ doc: "指标编号(indicators.csv)", table: INDICATORS_FILE }),
    /** The jurisdiction or one of its counties; empty for an indicator about another place. */
    region_code: regionCode({
      doc: "本市或县级区划代码;本市以外的指标(place 已填)留空",
      required: false,
    }),
    period: period({ doc: "时期:年 2021、月 2021-03 或 季度 2021-Q1" }),
    /** Empty means no data for this period: never drawn and never counted as 0. */
    value: decimal({ doc: "数值;留空表示没有数据(不是 0)", required: false }),
    qualifier: choice(QUALIFIERS, {
      doc: "出处对数字的限定,如 余(3000余件)、以上(95%以上);精确数字留空",
      required: false,
    }),
    source: reference({ doc: "出处编号(indicator-sources.csv)", table: SOURCES_FILE }),
    note: text({ doc: "说明,如 原文为「截至目前」的累计数", required: false, max: 300 }),
  },
  check(row, report) {
    if (row.value === undefined && row.qualifier !== undefined) {
      report("qualifier", "没有数值的行不能有限定词", "有数值时才填限定词");
    }
  },
});

export type IndicatorSourceRow = RowOf<typeof indicatorSourcesTable.columns>;
export type IndicatorRow = RowOf<typeof indicatorsTable.columns>;
export type IndicatorValueRow = RowOf<typeof indicatorValuesTable.columns>;
