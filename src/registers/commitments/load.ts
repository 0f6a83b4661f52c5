import type { DataContext } from "../../data/context.ts";
import { quote } from "../../data/issues.ts";
import { groupTimelines } from "../timeline.ts";
import type { RegisterEnvironment } from "../module.ts";
import { COMPARISONS_FILE, readComparisonRows } from "./comparisons.ts";
import { commitmentFacts } from "./derive.ts";
import type { Commitment } from "./model.ts";
import { commitmentUpdatesTable, commitmentsTable } from "./schema.ts";
import { computeCommitmentStats } from "./stats.ts";
import type { CommitmentStats } from "./stats.ts";
import { checkCommitmentTimeline } from "./timeline-rules.ts";
import type { CommitmentEvent } from "./timeline-rules.ts";
import { NOT_DONE_ON_TIME } from "./vocabulary.ts";
import type { Located } from "../../data/table.ts";
import type { CommitmentComparisonRow } from "./comparisons.ts";

export interface CommitmentRegister {
  /** Newest list year first, then newest listed first, then higher id: the order every list uses. */
  items: readonly Commitment[];
  byId: ReadonlyMap<string, Commitment>;
  stats: CommitmentStats;
  /**
   * Which published figures the stats page shows beside the rates (rows of
   * commitment-comparisons.csv); resolved against the indicators by `resolveComparisons`.
   */
  comparisons: readonly Located<CommitmentComparisonRow>[];
  /** The comparisons file as messages name it, e.g. `data/commitment-comparisons.csv`. */
  comparisonsFile: string;
}

/** Newest list year first, then newest listed, then higher id. */
export function compareCommitments(a: Commitment, b: Commitment): number {
  if (a.year !== b.year) return b.year - a.year;
  if (a.listedOn !== b.listedOn) return a.listedOn < b.listedOn ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Reads, checks and derives the 民生实事 register and its published comparisons. */
export function loadCommitments(ctx: DataContext, env: RegisterEnvironment): CommitmentRegister {
  const { counties, regionsByCode } = env;
  const rows = ctx.read(commitmentsTable);
  const events: CommitmentEvent[] = ctx.read(commitmentUpdatesTable).map(({ line, row }) => ({
    itemId: row.item_id,
    date: row.date,
    kind: row.kind,
    status: row.status,
    summary: row.summary,
    sourceUrl: row.source_url,
    line,
  }));
  const timelines = groupTimelines(events);
  const file = ctx.displayPath(commitmentsTable.file);
  const timelineFile = ctx.displayPath(commitmentUpdatesTable.file);
  const countyByCode = new Map(counties.map((county) => [county.code, county]));
  const items: Commitment[] = [];
  for (const { line, row } of rows) {
    const timeline = timelines.get(row.id) ?? [];
    for (const issue of checkCommitmentTimeline({
      itemsFile: file,
      timelineFile,
      item: {
        id: row.id,
        line,
        status: row.status,
        listedOn: row.listed_on,
        adjustmentReason: row.adjustment_reason,
      },
      events: timeline,
    })) {
      ctx.report(issue);
    }
    const effectiveDueOn = row.adjusted_due_on ?? row.due_on;
    if (row.status === NOT_DONE_ON_TIME && effectiveDueOn >= ctx.asOf) {
      ctx.report({
        file,
        line,
        column: "status",
        problem: `状态为「未按期完成」，但承诺完成日期 ${effectiveDueOn} 还没有过（数据截至 ${ctx.asOf}）`,
        allowed: "承诺完成日期（调整过的按调整后的日期）已过、仍未办完的事项才填未按期完成",
      });
    }
    const county = countyByCode.get(row.region_code);
    if (!county) {
      // Codes missing from regions.csv are reported by the loader already.
      if (regionsByCode.has(row.region_code)) {
        ctx.report({
          file,
          line,
          column: "region_code",
          problem: `行政区划代码 ${quote(row.region_code)} 不是县级区划`,
          allowed: "regions.csv 中本市所辖县级区划（层级为「县」）的代码",
        });
      }
      continue;
    }
    items.push({
      id: row.id,
      year: row.year,
      list: row.list,
      level: row.level,
      responsibleUnit: row.responsible_unit,
      post: row.post,
      county,
      title: row.title,
      promise: row.promise,
      listedOn: row.listed_on,
      dueOn: row.due_on,
      adjustedDueOn: row.adjusted_due_on,
      status: row.status,
      adjustmentReason: row.adjustment_reason,
      completedOn: row.completed_on,
      result: row.result,
      evidenceUrl: row.evidence_url,
      timeline,
      line,
      ...commitmentFacts(
        {
          status: row.status,
          listedOn: row.listed_on,
          dueOn: row.due_on,
          adjustedDueOn: row.adjusted_due_on,
          completedOn: row.completed_on,
        },
        ctx.asOf,
      ),
    });
  }
  items.sort(compareCommitments);
  return {
    items,
    byId: new Map(items.map((item) => [item.id, item])),
    stats: computeCommitmentStats(items, counties),
    comparisons: readComparisonRows(ctx, env.site.sections),
    comparisonsFile: ctx.displayPath(COMPARISONS_FILE),
  };
}
