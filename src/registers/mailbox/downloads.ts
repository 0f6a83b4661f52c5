import { toCsv } from "../../open-data/csv.ts";
import type { CsvCell } from "../../open-data/csv.ts";
import type { LetterGroupStatistics } from "./statistics.ts";

/**
 * The mailbox's statistics download, made from public letters only. Headers are in Chinese
 * (the readers open it in a spreadsheet) and are a public contract. The letters themselves
 * are published as open data (`open-data.ts`: /data/letters.csv and .json).
 */

/** `/mailbox/stats/units.csv`: the per-unit table of the statistics page. */
export function unitStatisticsCsv(groups: readonly LetterGroupStatistics[]): string {
  const header = [
    "承办单位",
    "受理",
    "已答复",
    "按时答复",
    "超时答复",
    "逾期未答复",
    "答复用时中位数(工作日)",
    "答复用时90分位(工作日)",
    "书记亲自阅处",
    "批示",
    "回访评价数",
    "满意",
    "基本满意",
    "不满意",
  ];
  const rows = groups.map((group): CsvCell[] => [
    group.label,
    group.received,
    group.replied,
    group.repliedWithinPromise,
    group.repliedLate,
    group.overdue,
    group.workingDays.median,
    group.workingDays.p90,
    group.handledByPrincipal,
    group.withInstruction,
    group.satisfaction.rated,
    group.satisfaction["满意"],
    group.satisfaction["基本满意"],
    group.satisfaction["不满意"],
  ]);
  return toCsv(header, rows);
}
