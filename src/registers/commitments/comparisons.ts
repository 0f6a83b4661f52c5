import type { DataContext } from "../../data/context.ts";
import type { DataIssue } from "../../data/issues.ts";
import { choice, reference, text } from "../../data/fields.ts";
import type { RowOf } from "../../data/fields.ts";
import { quote } from "../../data/issues.ts";
import { defineTable } from "../../data/table.ts";
import type { Located } from "../../data/table.ts";
import type { IndicatorData, IndicatorSource } from "../../indicators/model.ts";
import type { Period } from "../../indicators/period.ts";
import { INDICATORS_FILE } from "../../indicators/schema.ts";
import { commitmentLevels, commitmentLists } from "./vocabulary.ts";
import type { CommitmentLevel, CommitmentList } from "./vocabulary.ts";

export const COMPARISONS_FILE = "commitment-comparisons.csv";

/**
 * `commitment-comparisons.csv`: which published figures the stats page shows beside the
 * register's own rates (e.g. another city's 民生实事计划 completion, as a report gave it).
 * The figures themselves stay in the indicator files with their sources: this file only
 * points at them, so one published number lives in one place, and it is shown in its own
 * table, never added into the register's counts.
 */
export const commitmentComparisonsTable = defineTable({
  file: COMPARISONS_FILE,
  title: "民生实事对照数字",
  columns: {
    /** The list the published figure is about. */
    list: choice(commitmentLists.values, { doc: "对照数字所属的清单" }),
    /** The level the published figure is about. */
    level: choice(commitmentLevels.values, { doc: "对照数字所属的层级" }),
    /** Indicator holding how many commitments were made. */
    made_indicator: reference({
      doc: "「制定件数」指标的编号（见 indicators.csv）",
      table: INDICATORS_FILE,
    }),
    /** Indicator holding how many of them were done. */
    done_indicator: reference({
      doc: "「已完成件数」指标的编号（见 indicators.csv）",
      table: INDICATORS_FILE,
    }),
    /** Indicator holding the completion rate as the source stated it, if it stated one. */
    rate_indicator: reference({
      doc: "原文所给「完成率」指标的编号；原文没有给出比率时留空",
      table: INDICATORS_FILE,
      required: false,
    }),
    /** Anything a reader should know before comparing. */
    note: text({ doc: "对照时需要注意的口径差别，没有则留空", max: 300, required: false }),
  },
});

export type CommitmentComparisonRow = RowOf<typeof commitmentComparisonsTable.columns>;

/** One published figure shown beside the register's rates. */
export interface PublishedComparison {
  /** The place the figure is about, e.g. 昆明市; the jurisdiction's name for its own. */
  place: string;
  list: CommitmentList;
  level: CommitmentLevel;
  /** The period of the latest published counts. */
  period: Period | undefined;
  /** The indicators the figures come from, for links to their pages. */
  indicatorIds: { made: string; done: string; rate: string | undefined };
  made: number | undefined;
  done: number | undefined;
  /** The rate the source stated, in percent (34.6), when it stated one. */
  statedRatePercent: number | undefined;
  source: IndicatorSource;
  note: string | undefined;
}

/** The indicators section's key in `site.json` `sections`. */
const INDICATORS = "indicators";

/**
 * Reads the comparison rows. Unknown indicator ids are reported by `ctx.checkReferences()`;
 * a row on a site without the indicators section has nothing to point at and is reported
 * here. What needs the indicators' values is checked by `resolveComparisons`.
 */
export function readComparisonRows(
  ctx: DataContext,
  sections: readonly string[],
): Located<CommitmentComparisonRow>[] {
  const rows = ctx.read(commitmentComparisonsTable);
  if (rows.length > 0 && !sections.includes(INDICATORS)) {
    for (const { line } of rows) {
      ctx.report({
        file: ctx.displayPath(COMPARISONS_FILE),
        line,
        column: "made_indicator",
        problem:
          "本站没有开设公开指标板块（site.json 的 sections 中没有 indicators），对照数字无处可查",
        allowed: "开设 indicators 板块，或删去本文件的数据行（只留表头）",
      });
    }
    return [];
  }
  return rows;
}

export interface ResolvedComparisons {
  comparisons: PublishedComparison[];
  /** Rows whose indicators do not fit together, in the data path's message shape. */
  issues: DataIssue[];
}

/**
 * Resolves the comparison rows against the indicators: the counts, the stated rate, the
 * period and the source. Checks what only both files together show: the three figures are
 * about one place and period, and the rate is the rate of the row's two counts.
 *
 * @param file the comparisons file as messages name it, e.g. `data/commitment-comparisons.csv`
 */
export function resolveComparisons(
  rows: readonly Located<CommitmentComparisonRow>[],
  indicators: IndicatorData | undefined,
  jurisdictionName: string,
  file: string,
): ResolvedComparisons {
  const comparisons: PublishedComparison[] = [];
  const issues: DataIssue[] = [];
  for (const { line, row } of rows) {
    const made = indicators?.byId.get(row.made_indicator);
    const done = indicators?.byId.get(row.done_indicator);
    const rate =
      row.rate_indicator === undefined ? undefined : indicators?.byId.get(row.rate_indicator);
    // Unknown ids (and a site without indicators) are reported while loading.
    if (!made || !done || (row.rate_indicator !== undefined && !rate)) continue;
    const report = (column: string, problem: string, allowed: string) =>
      issues.push({ file, line, column, problem, allowed });
    if (made.indicator.place !== done.indicator.place) {
      report(
        "done_indicator",
        `指标 ${quote(row.done_indicator)} 的地方与 ${quote(row.made_indicator)} 不同`,
        "同一地方的制定件数和已完成件数",
      );
      continue;
    }
    const of = rate?.indicator.rateOf;
    if (rate && (of?.numerator !== row.done_indicator || of.denominator !== row.made_indicator)) {
      report(
        "rate_indicator",
        `指标 ${quote(row.rate_indicator ?? "")} 不是「${row.done_indicator} ÷ ${row.made_indicator}」的比率`,
        "indicators.csv 中 numerator 为已完成指标、denominator 为制定指标的比率指标",
      );
      continue;
    }
    const madeValue = made.latest;
    const doneValue = done.latest;
    if (madeValue && doneValue && madeValue.period.code !== doneValue.period.code) {
      report(
        "done_indicator",
        `已完成件数的最新时期 ${doneValue.period.code} 与制定件数的 ${madeValue.period.code} 不同`,
        "两个指标有同一时期的数值",
      );
      continue;
    }
    comparisons.push({
      place: made.indicator.place ?? jurisdictionName,
      list: row.list,
      level: row.level,
      period: madeValue?.period,
      indicatorIds: {
        made: row.made_indicator,
        done: row.done_indicator,
        rate: row.rate_indicator,
      },
      made: madeValue?.value,
      done: doneValue?.value,
      statedRatePercent: rate ? (rate.latest?.rate?.stated ?? rate.latest?.value) : undefined,
      source: made.indicator.source,
      note: row.note,
    });
  }
  return { comparisons, issues };
}
