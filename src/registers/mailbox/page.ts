import type { Fact } from "../facts.ts";
import { dateFact } from "../facts.ts";
import type { TimelineEntry } from "../timeline.ts";
import { letterEvents } from "./events.ts";
import type { PublicLetter } from "./public.ts";
import { MAILBOX_LEVEL_NAMES, letterStatuses } from "./vocabulary.ts";

/** What the item page shows of a letter: public facts only (a `PublicLetter` has no others). */
export function letterFacts(
  letter: PublicLetter,
  links: { box: string; county: string },
  promiseWorkingDays: number,
): readonly Fact[] {
  const status = letterStatuses.get(letter.status);
  const { timing } = letter;
  return [
    { label: "编号", value: letter.id },
    {
      label: "信箱",
      value: [
        { text: letter.mailbox, href: links.box },
        { text: `（${MAILBOX_LEVEL_NAMES[letter.level]}）` },
      ],
    },
    { label: "涉及区县", value: [{ text: letter.regionName, href: links.county }] },
    { label: "主题", value: letter.topic },
    { label: "收信日期", value: [{ date: letter.receivedOn }] },
    { label: "书记亲自阅处", value: letter.handledByPrincipal ? "是" : "否" },
    { label: "批示", value: dateFact(letter.instructionOn, "无") },
    { label: "承办单位", value: letter.replyUnit ?? "尚未转办" },
    {
      label: "答复期限",
      value: [{ date: timing.dueOn }, { text: `（收信后第 ${promiseWorkingDays} 个工作日）` }],
    },
    { label: "答复日期", value: dateFact(letter.repliedOn, "尚未答复") },
    {
      label: "答复用时",
      value:
        timing.workingDaysToReply === undefined
          ? `尚未答复，已等待 ${timing.workingDaysWaiting ?? 0} 个工作日`
          : `${timing.workingDaysToReply} 个工作日（${timing.calendarDaysToReply ?? 0} 个日历天）`,
    },
    { label: "状态", value: `${status.value}：${status.description}` },
    { label: "来信人评价", value: letter.satisfaction ?? "未回访" },
    { label: "来信全文", value: letter.consent ? "公开（来信人同意）" : "不公开（来信人未同意）" },
  ];
}

/** The letter's public events as the kit's Timeline shows them. */
export function letterTimeline(letter: PublicLetter): TimelineEntry[] {
  return letterEvents(letter).map((event) => ({
    date: event.date,
    kind: event.kind,
    status:
      event.status === undefined
        ? undefined
        : { label: event.status, tone: letterStatuses.get(event.status).tone },
    summary: event.summary,
  }));
}
