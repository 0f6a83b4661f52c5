import type { DataContext } from "../../data/context.ts";
import { choice, reference, text } from "../../data/fields.ts";
import type { RowOf } from "../../data/fields.ts";
import { quote } from "../../data/issues.ts";
import { defineTable } from "../../data/table.ts";
import type { IndicatorData, IndicatorSource } from "../../indicators/model.ts";
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
  /** Period label as the indicator has it, e.g. 2021. */
  period: string | undefined;
  made: number | undefined;
  done: number | undefined;
  /** The rate the source stated, in percent (34.6), when it stated one. */
  statedRatePercent: number | undefined;
  /** done / made, from the published counts (0–1). */
  rate: number | undefined;
  source: IndicatorSource;
  note: string | undefined;
}

/**
 * Reads the comparisons and resolves them against the indicators. Unknown indicator ids are
 * reported by `ctx.checkReferences()`; this adds what only the two files together show: the
 * indicators section must be on, a rate must be the rate of the row's two counts, and the
 * three figures must be about one place and period.
 */
export function readComparisons(
  ctx: DataContext,
  indicators: IndicatorData | undefined,
  jurisdictionName: string,
): PublishedComparison[] {
  const rows = ctx.read(commitmentComparisonsTable);
  const file = ctx.displayPath(COMPARISONS_FILE);
  const comparisons: PublishedComparison[] = [];
  for (const { line, row } of rows) {
    if (!indicators) {
      ctx.report({
        file,
        line,
        column: "made_indicator",
        problem:
          "本站没有开设公开指标板块（site.json 的 sections 中没有 indicators），对照数字无处可查",
        allowed: "开设 indicators 板块，或删去本文件的数据行（只留表头）",
      });
      continue;
    }
    const made = indicators.byId.get(row.made_indicator);
    const done = indicators.byId.get(row.done_indicator);
    const rate =
      row.rate_indicator === undefined ? undefined : indicators.byId.get(row.rate_indicator);
    // Unknown ids are reported once, by the reference check.
    if (!made || !done || (row.rate_indicator !== undefined && !rate)) continue;
    if (made.indicator.place !== done.indicator.place) {
      ctx.report({
        file,
        line,
        column: "done_indicator",
        problem: `指标 ${quote(row.done_indicator)} 的地方与 ${quote(row.made_indicator)} 不同`,
        allowed: "同一地方的制定件数和已完成件数",
      });
      continue;
    }
    if (rate) {
      const of = rate.indicator.rateOf;
      if (of?.numerator !== row.done_indicator || of.denominator !== row.made_indicator) {
        ctx.report({
          file,
          line,
          column: "rate_indicator",
          problem: `指标 ${quote(row.rate_indicator ?? "")} 不是「${row.done_indicator} ÷ ${row.made_indicator}」的比率`,
          allowed: "indicators.csv 中 numerator 为已完成指标、denominator 为制定指标的比率指标",
        });
        continue;
      }
    }
    const madeValue = made.latest;
    const doneValue = done.latest;
    if (madeValue && doneValue && madeValue.period.code !== doneValue.period.code) {
      ctx.report({
        file,
        line,
        column: "done_indicator",
        problem: `已完成件数的最新时期 ${doneValue.period.code} 与制定件数的 ${madeValue.period.code} 不同`,
        allowed: "两个指标有同一时期的数值",
      });
      continue;
    }
    const madeCount = madeValue?.value;
    const doneCount = doneValue?.value;
    comparisons.push({
      place: made.indicator.place ?? jurisdictionName,
      list: row.list,
      level: row.level,
      period: madeValue?.period.code,
      made: madeCount,
      done: doneCount,
      statedRatePercent: rate ? (rate.latest?.rate?.stated ?? rate.latest?.value) : undefined,
      rate:
        madeCount !== undefined && doneCount !== undefined && madeCount > 0
          ? doneCount / madeCount
          : undefined,
      source: made.indicator.source,
      note: row.note,
    });
  }
  return comparisons;
}
