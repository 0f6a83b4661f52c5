import type { FigureDefinition } from "../../figures/registry.ts";
import type { RegisterFigureSource } from "../module.ts";
import type { CommitmentRegister } from "./load.ts";
import type { CompletionRow } from "./stats.ts";

type Source = RegisterFigureSource<CommitmentRegister>;

function listRow({ data }: Source, slug: string): CompletionRow {
  const row = data.stats.byList.find((candidate) => candidate.value === slug);
  if (!row) throw new Error(`commitment figures: no list ${slug}`);
  return row;
}

/** Figures of the 民生实事 register that prose may quote (definitions in derive.ts, stats.ts). */
export const commitmentFigures: Readonly<Record<string, FigureDefinition<Source>>> = {
  count: {
    doc: "民生实事清单中的事项总数（两种清单、四个层级合计）",
    compute: ({ data }) => ({ type: "count", value: data.stats.total }),
  },
  doneCount: {
    doc: "状态为已完成的事项数",
    compute: ({ data }) => ({ type: "count", value: data.stats.overall.done }),
  },
  completionRate: {
    doc: "完成率：已完成的事项占全部事项的比例（已调整的事项计入分母、不算完成）",
    compute: ({ data }) => ({ type: "rate", value: data.stats.overall.rate }),
  },
  planCompletionRate: {
    doc: "民生实事计划的完成率",
    compute: (source) => ({ type: "rate", value: listRow(source, "plans").rate }),
  },
  listCompletionRate: {
    doc: "为民办事清单的完成率",
    compute: (source) => ({ type: "rate", value: listRow(source, "lists").rate }),
  },
  overdueCount: {
    doc: "逾期未完成的事项数：承诺完成日期（调整过的按调整后的日期）已过、仍未办完且未调整",
    compute: ({ data }) => ({ type: "count", value: data.stats.overall.overdue }),
  },
  doneLateCount: {
    doc: "办完了、但晚于最初公布的承诺完成日期的事项数",
    compute: ({ data }) => ({ type: "count", value: data.stats.overall.doneLate }),
  },
  adjustedCount: {
    doc: "当前状态为已调整的事项数",
    compute: ({ data }) => ({ type: "count", value: data.stats.overall.adjusted }),
  },
  firstListedOn: {
    doc: "最早一个事项列入清单的日期",
    compute: ({ data }) => {
      const first = data.stats.firstListedOn;
      return first === undefined ? { type: "text", value: "暂无" } : { type: "date", value: first };
    },
  },
};
