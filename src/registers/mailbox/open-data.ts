import type { Region } from "../../data/regions.ts";
import type { ColumnDoc, TableDescription } from "../../data/tables.ts";
import { publishView } from "../../open-data/published-table.ts";
import type { PublishedTable, PublishedValue } from "../../open-data/published-table.ts";
import type { RegisterFeedSource } from "../../open-data/register-feeds.ts";
import { facetBase } from "../listing.ts";
import { timelinessColumns, timelinessRecord } from "../timeliness.ts";
import { letterEvents } from "./events.ts";
import { MAILBOX_BASE, MAILBOX_TITLE } from "./listing.ts";
import type { Mailbox } from "./load.ts";
import { letterHeading } from "./public.ts";
import type { PublicLetter } from "./public.ts";
import { lettersTable } from "./schema.ts";

/**
 * The mailbox as open data. Everything here is built from `PublicLetter`s, the one way a
 * letter leaves the data layer: a letter without consent has no title or content to
 * publish, and its reply only when the reply identifies no one.
 */

const c = lettersTable.columns;
const YES_NO = { kind: "boolean", values: ["是", "否"], allowed: "是 或 否" } as const;

function onlyWithConsent(column: ColumnDoc, what: string): ColumnDoc {
  return {
    kind: column.kind,
    required: false,
    doc: `${what};只有来信人同意公开时才有内容,否则为空`,
    allowed: column.allowed,
  };
}

/**
 * `/data/letters.csv`: the columns of letters.csv that may be published, under the same
 * names, followed by the reply times the site derives. Private columns (and the flag that
 * decides whether a reply identifies someone) are not in it.
 */
export const publicLettersView: TableDescription = {
  file: lettersTable.file,
  title: "书记信箱来信(公开部分)",
  primaryKey: "id",
  columns: {
    id: c.id,
    received_on: c.received_on,
    mailbox_level: c.mailbox_level,
    mailbox: c.mailbox,
    region_code: c.region_code,
    region_name: {
      kind: "text",
      required: true,
      doc: "来信涉及的区县名称（由 region_code 得出）",
      allowed: "regions.csv 中的名称",
    },
    topic: c.topic,
    consent_to_publish: c.consent_to_publish,
    title: onlyWithConsent(c.title, "来信标题"),
    content: onlyWithConsent(c.content, "来信正文(录入时已删去个人信息)"),
    handled_by_principal: c.handled_by_principal,
    instruction_on: c.instruction_on,
    replied_on: c.replied_on,
    reply_unit: c.reply_unit,
    reply: {
      kind: "text",
      required: false,
      doc: "答复内容;尚未答复,或来信人未同意公开且答复能认出个人时为空",
      allowed: c.reply.allowed,
    },
    reply_withheld: { ...YES_NO, required: true, doc: "是否有答复但因能认出个人而不公开" },
    status: c.status,
    satisfaction: c.satisfaction,
    due_on: {
      kind: "date",
      required: true,
      doc: "答复期限:收信日之后第 N 个工作日(N 为本站公布的答复时限)",
      allowed: "日期写作 YYYY-MM-DD",
      // A deadline may lie after the as-of date; it does not date the data (open-data coverage).
      plannedDate: true,
    },
    calendar_days_to_reply: {
      kind: "integer",
      required: false,
      doc: "从收信到答复的日历天数;尚未答复为空",
      allowed: "不小于 0 的整数",
    },
    working_days_to_reply: {
      kind: "integer",
      required: false,
      doc: "从收信到答复的工作日数(收信当天不计);尚未答复为空",
      allowed: "不小于 0 的整数",
    },
    replied_within_promise: {
      ...YES_NO,
      required: false,
      doc: "是否在答复期限内答复;尚未答复为空",
    },
    overdue: { ...YES_NO, required: true, doc: "截至数据日期已过答复期限仍未答复" },
    ...timelinessColumns,
  },
};

function publicRecord(letter: PublicLetter): Record<string, PublishedValue> {
  return {
    id: letter.id,
    received_on: letter.receivedOn,
    mailbox_level: letter.level,
    mailbox: letter.mailbox,
    region_code: letter.regionCode,
    region_name: letter.regionName,
    topic: letter.topic,
    consent_to_publish: letter.consent,
    title: letter.consent ? letter.title : undefined,
    content: letter.consent ? letter.content : undefined,
    handled_by_principal: letter.handledByPrincipal,
    instruction_on: letter.instructionOn,
    replied_on: letter.repliedOn,
    reply_unit: letter.replyUnit,
    reply: letter.reply,
    reply_withheld: letter.consent ? false : letter.replyWithheld,
    status: letter.status,
    satisfaction: letter.satisfaction,
    due_on: letter.timing.dueOn,
    calendar_days_to_reply: letter.timing.calendarDaysToReply,
    working_days_to_reply: letter.timing.workingDaysToReply,
    replied_within_promise: letter.timing.repliedWithinPromise,
    overdue: letter.timing.overdue,
    ...timelinessRecord(letter.timing.timeliness),
  };
}

export function letterTables(letters: readonly PublicLetter[]): PublishedTable[] {
  return [
    publishView({
      name: "letters",
      title: publicLettersView.title,
      description:
        "书记信箱的每一封来信:收信日期、信箱、区县、主题、办理状态、答复日期与用时。标题、正文只在来信人同意公开时发布;其余来信只公开不能认出个人的信息。",
      spec: publicLettersView,
      records: letters.map(publicRecord),
      recordPath: (record) => `${MAILBOX_BASE}${String(record["id"])}/`,
    }),
  ];
}

export function letterFeedSource(
  mailbox: Mailbox,
  countiesByCode: ReadonlyMap<string, Region>,
): RegisterFeedSource {
  return {
    key: "mailbox",
    title: MAILBOX_TITLE,
    noun: "来信",
    listPath: MAILBOX_BASE,
    countyPath: (county) => facetBase({ base: MAILBOX_BASE }, "county", county.code),
    items: mailbox.letters.map((letter) => ({
      id: letter.id,
      title: letterHeading(letter),
      path: `${MAILBOX_BASE}${letter.id}/`,
      // City-wide letters belong to no county feed, only to the mailbox's own.
      county: countiesByCode.get(letter.regionCode),
      openedOn: letter.receivedOn,
      status: letter.status,
      events: letterEvents(letter),
    })),
    eventFeeds: [{ slug: "replies", title: "新答复", kinds: ["答复"] }],
  };
}
