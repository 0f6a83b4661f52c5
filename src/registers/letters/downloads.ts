import { toCsv } from "../csv-writer.ts";
import type { CsvCell } from "../csv-writer.ts";
import type { PublicLetter } from "./public.ts";
import type { LetterGroupStatistics } from "./statistics.ts";

/**
 * The mailbox's CSV downloads, made from public letters and statistics only. Headers are
 * in Chinese (the readers open them in a spreadsheet) and are a public contract.
 */

/** `/data/letters.csv`: one row per letter; title and content only where consented. */
export function lettersCsv(letters: readonly PublicLetter[]): string {
  const header = [
    "编号",
    "收信日期",
    "信箱层级",
    "信箱",
    "区划代码",
    "区县",
    "主题",
    "全文公开",
    "标题",
    "来信内容",
    "书记亲自阅处",
    "批示日期",
    "承办单位",
    "答复日期",
    "答复内容",
    "状态",
    "答复期限",
    "答复用时(日历天)",
    "答复用时(工作日)",
    "按时答复",
    "逾期未答复",
    "来信人评价",
  ];
  const rows = letters.map((letter): CsvCell[] => [
    letter.id,
    letter.receivedOn,
    letter.level,
    letter.mailbox,
    letter.regionCode,
    letter.regionName,
    letter.topic,
    letter.consent,
    letter.consent ? letter.title : undefined,
    letter.consent ? letter.content : undefined,
    letter.handledByPrincipal,
    letter.instructionOn,
    letter.replyUnit,
    letter.repliedOn,
    letter.reply,
    letter.status,
    letter.timing.dueOn,
    letter.timing.calendarDaysToReply,
    letter.timing.workingDaysToReply,
    letter.timing.repliedWithinPromise,
    letter.timing.overdue,
    letter.satisfaction,
  ]);
  return toCsv(header, rows);
}

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
