import { choice, date, id, regionCode, text, yesNo } from "../../data/fields.ts";
import type { RowOf } from "../../data/fields.ts";
import { defineTable } from "../../data/table.ts";
import { letterStatuses, letterTopics, mailboxLevels, satisfactionLevels } from "./vocabulary.ts";

const ID_PATTERN = /^SJ-(?<year>\d{4})-\d{4,6}$/;

/**
 * `letters.csv`: one row per letter to a party secretary's mailbox (书记信箱), with its
 * reply. Title, content and reply are private by default: only a letter whose writer
 * consented is published in full (see `public.ts`, the one way letters leave the data layer).
 */
export const lettersTable = defineTable({
  file: "letters.csv",
  title: "书记信箱来信",
  primaryKey: "id",
  // A new city's mailbox may have no letters yet: a header-only file is a valid, empty register.
  columns: {
    /** Stable id, e.g. SJ-2024-0031; the letter's page URL is built from it. */
    id: id({
      doc: "信件编号,如 SJ-2024-0031(SJ、收信年份、序号);网页地址由它生成,发布后不得更改",
      pattern: ID_PATTERN,
      example: "SJ-2024-0031",
      yearOf: "received_on",
    }),
    /** Day the mailbox received the letter; reply time is counted from it. */
    received_on: date({ doc: "信箱收到来信的日期;答复用时从这一天起算" }),
    /** 市: the city party secretary's mailbox; 县: a county-level one; 乡: a township's. */
    mailbox_level: choice(mailboxLevels.values, {
      doc: "信箱层级:市(市委书记信箱)、县(区、县、县级市委书记信箱)、乡(乡镇党委书记信箱)",
    }),
    /** The mailbox's name as published, e.g. 市委书记信箱, 犍为县委书记信箱, 罗城镇党委书记信箱. */
    mailbox: text({
      doc: "信箱名称,如 市委书记信箱、犍为县委书记信箱、罗城镇党委书记信箱",
      max: 40,
    }),
    /** The county-level division the letter concerns; the city's own code for city-wide matters. */
    region_code: regionCode({ doc: "来信涉及的县级区划代码;涉及全市的填本市代码" }),
    /** Subject area, from the closed list. */
    topic: choice(letterTopics.values, { doc: "来信主题" }),
    /** The letter's subject line. Published only with the writer's consent. */
    title: text({ doc: "来信标题;只有来信人同意公开时才发布", max: 80 }),
    /** The letter's text, with the writer's name, address and numbers already removed. Published only with consent. */
    content: text({
      doc: "来信正文,录入前删去姓名、住址、电话、证件号等;只有来信人同意公开时才发布",
      max: 3000,
    }),
    /** 是 when the writer agreed that title, content and reply be published. */
    consent_to_publish: yesNo({
      doc: "来信人是否同意公开来信全文:是/否;否 时网站只显示不可识别个人的基本信息",
    }),
    /** 是 when the secretary handled the letter in person (read it and directed its handling). */
    handled_by_principal: yesNo({ doc: "是否由该级党委书记亲自阅处:是/否" }),
    /** Day the secretary wrote an instruction (批示) on the letter; empty if none. */
    instruction_on: date({ doc: "书记作出批示的日期;没有批示留空", required: false }),
    /** Day the written reply was sent; empty while unanswered. */
    replied_on: date({ doc: "书面答复的日期;尚未答复留空", required: false }),
    /** The office that handles and answers the letter (may be filled once assigned, before replying). */
    reply_unit: text({
      doc: "承办并答复的单位,如 市住房城乡建设局;转办后即可填写",
      max: 40,
      required: false,
    }),
    /** The reply's text; empty while unanswered. */
    reply: text({ doc: "答复内容;尚未答复留空", max: 3000, required: false }),
    /**
     * 是 when the reply names or points to a person (name, house number, workplace…). For a
     * letter without consent, such a reply is not published either.
     */
    reply_identifies_person: yesNo({
      doc: "答复中是否有能认出来信人或其他个人的内容(姓名、门牌、单位职务等):是/否;有答复时必填",
      required: false,
    }),
    /** 待回复, 已回复 or 已办结 (see the meanings on the register page). */
    status: choice(letterStatuses.values, {
      doc: "办理状态:待回复、已回复(已答复,事项可能仍在办)、已办结(事项已办完)",
    }),
    /** The writer's rating of the reply, where the mailbox collected one; empty when not asked. */
    satisfaction: choice(satisfactionLevels.values, {
      doc: "来信人对答复的评价;没有回访的留空",
      required: false,
    }),
  },
  check: (row, report) => {
    const replied = row.replied_on !== undefined;
    if (row.status === "待回复" && replied) {
      report("status", "已填答复日期,状态却是「待回复」", "有答复时填「已回复」或「已办结」");
    }
    if (row.status !== "待回复" && !replied) {
      report(
        "replied_on",
        `状态是「${row.status}」却没有答复日期`,
        "填写答复日期,或把状态改为「待回复」",
      );
    }
    if (replied && row.reply === undefined) {
      report("reply", "有答复日期却没有答复内容", "填写答复内容");
    }
    if (!replied && row.reply !== undefined) {
      report("replied_on", "有答复内容却没有答复日期", "填写答复日期");
    }
    if (replied && row.reply_unit === undefined) {
      report("reply_unit", "已答复的来信须写明答复单位", "如 市住房城乡建设局");
    }
    if (row.reply !== undefined && row.reply_identifies_person === undefined) {
      report("reply_identifies_person", "有答复时须说明答复是否可识别个人", "填「是」或「否」");
    }
    if (row.reply === undefined && row.reply_identifies_person !== undefined) {
      report("reply_identifies_person", "没有答复,这一格应留空", "留空");
    }
    if (row.replied_on !== undefined && row.replied_on < row.received_on) {
      report(
        "replied_on",
        `答复日期 ${row.replied_on} 早于收信日期 ${row.received_on}`,
        "不早于收信日期",
      );
    }
    if (row.instruction_on !== undefined && row.instruction_on < row.received_on) {
      report(
        "instruction_on",
        `批示日期 ${row.instruction_on} 早于收信日期 ${row.received_on}`,
        "不早于收信日期",
      );
    }
    if (row.instruction_on !== undefined && !row.handled_by_principal) {
      report("handled_by_principal", "有批示日期,却填了未亲自阅处", "书记作出批示的来信填「是」");
    }
    if (row.satisfaction !== undefined && !replied) {
      report("satisfaction", "尚未答复的来信不能有满意度评价", "答复后回访时再填");
    }
    if (!row.mailbox.endsWith("书记信箱")) {
      report(
        "mailbox",
        `信箱名称「${row.mailbox}」应以「书记信箱」结尾`,
        "如 市委书记信箱、犍为县委书记信箱",
      );
    }
    if (!row.id.startsWith(`SJ-${row.received_on.slice(0, 4)}-`)) {
      report(
        "id",
        `编号 ${row.id} 中的年份与收信日期 ${row.received_on} 不符`,
        `SJ-${row.received_on.slice(0, 4)}-序号`,
      );
    }
  },
});

/** A letters.csv row as validated: private fields included. Never leaves the data layer. */
export type LetterRow = RowOf<typeof lettersTable.columns>;
