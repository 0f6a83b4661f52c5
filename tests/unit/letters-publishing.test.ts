import { describe, expect, test } from "vitest";
import { DataContext } from "../../src/data/context.ts";
import { readWorkingCalendar } from "../../src/data/workdays.ts";
import { replyStanding } from "../../src/registers/mailbox/describe.ts";
import { letterTables } from "../../src/registers/mailbox/open-data.ts";
import { tableCsv } from "../../src/open-data/published-table.ts";
import { letterEvents } from "../../src/registers/mailbox/events.ts";
import { letterListRow, mailboxSlug } from "../../src/registers/mailbox/listing.ts";
import { toPublicLetter } from "../../src/registers/mailbox/public.ts";
import type { LetterRow } from "../../src/registers/mailbox/schema.ts";
import { replyTiming } from "../../src/registers/mailbox/timing.ts";

const calendar = readWorkingCalendar(new DataContext("data", "data", "2026-10-31"));
const row: LetterRow = {
  id: "SJ-2024-0007",
  received_on: "2024-09-27",
  mailbox_level: "乡",
  mailbox: "罗城镇党委书记信箱",
  region_code: "511123",
  topic: "交通",
  title: "私密标题",
  content: "私密正文",
  consent_to_publish: false,
  handled_by_principal: true,
  instruction_on: "2024-09-27",
  replied_on: "2024-10-17",
  reply_unit: "罗城镇人民政府",
  reply: "已增开班次。",
  reply_identifies_person: false,
  status: "已回复",
  satisfaction: undefined,
};
const publish = (changes: Partial<LetterRow> = {}, asOf = "2026-10-31") => {
  const merged = { ...row, ...changes };
  const timing = replyTiming(
    { receivedOn: merged.received_on, repliedOn: merged.replied_on },
    calendar,
    10,
    asOf,
  );
  return toPublicLetter(merged, timing, "犍为县");
};

describe("URLs of mailboxes", () => {
  test("a county mailbox is named by its county's code", () => {
    expect(
      mailboxSlug({ level: "县", mailbox: "犍为县委书记信箱", regionCode: "511123" }, "511100"),
    ).toBe("511123");
  });
  test("the city's mailbox is one mailbox, whatever county a letter to it is about", () => {
    expect(
      mailboxSlug({ level: "市", mailbox: "市委书记信箱", regionCode: "511123" }, "511100"),
    ).toBe("511100");
    expect(
      mailboxSlug({ level: "市", mailbox: "市委书记信箱", regionCode: "511102" }, "511100"),
    ).toBe("511100");
  });
  test("a township mailbox by its county's code and a stable hash of its name", () => {
    const slug = mailboxSlug(
      { level: "乡", mailbox: "罗城镇党委书记信箱", regionCode: "511123" },
      "511100",
    );
    // Published URLs must not change: the value is pinned.
    expect(slug).toBe("511123-e44f0b5f");
    expect(
      mailboxSlug({ level: "乡", mailbox: "罗城镇党委书记信箱", regionCode: "511124" }, "511100"),
    ).toMatch(/^511124-/);
    expect(
      mailboxSlug({ level: "乡", mailbox: "清溪镇党委书记信箱", regionCode: "511123" }, "511100"),
    ).not.toBe(slug);
  });
});

describe("what a letter without consent publishes", () => {
  const letter = publish();
  test("its list row is titled by mailbox and topic", () => {
    expect(letterListRow(letter, "511100")).toMatchObject({
      title: "罗城镇党委书记信箱来信(交通)",
      flags: { published: false, instruction: true, overdue: false },
    });
  });
  test("its published record (the JSON's too) has a consented letter's keys, with no title or content", () => {
    const [withheld] = letterTables([letter])[0]?.records ?? [];
    const [consented] = letterTables([publish({ consent_to_publish: true })])[0]?.records ?? [];
    expect(Object.keys(withheld ?? {})).toEqual(Object.keys(consented ?? {}));
    expect(withheld).toMatchObject({ consent_to_publish: false, reply: "已增开班次。" });
    expect(withheld?.["title"]).toBeUndefined();
    expect(withheld?.["content"]).toBeUndefined();
    expect(JSON.stringify(withheld)).not.toContain("私密");
    expect(consented).toMatchObject({ title: "私密标题", content: "私密正文" });
  });
  test("its CSV row has empty title and content cells", () => {
    const [table] = letterTables([letter]);
    if (!table) throw new Error("no letters table");
    const [header, line] = tableCsv(table)
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    const cells = line?.split(",") ?? [];
    const at = (name: string) => cells[header?.split(",").indexOf(name) ?? -1];
    expect([at("consent_to_publish"), at("title"), at("content"), at("reply")]).toEqual([
      "否",
      "",
      "",
      "已增开班次。",
    ]);
  });
});

describe("a letter's events and standing", () => {
  test("events are received, instruction and reply, oldest first, same-day ones in that order", () => {
    expect(letterEvents(publish()).map((event) => `${event.date} ${event.kind}`)).toEqual([
      "2024-09-27 收信",
      "2024-09-27 批示",
      "2024-10-17 答复",
    ]);
  });
  test("says how a late reply compares with the promise", () => {
    expect(replyStanding(publish(), 10)).toEqual({
      text: "收信后 11 个工作日(20 天)答复,超过 10 个工作日的承诺时限 1 个工作日。",
      alert: true,
    });
  });
  test("says when an unanswered letter is due, and when it is overdue", () => {
    const open = {
      replied_on: undefined,
      reply: undefined,
      reply_unit: undefined,
      reply_identifies_person: undefined,
    };
    expect(replyStanding(publish({ ...open, status: "待回复" }, "2024-10-10"), 10).text).toBe(
      "尚未答复;答复期限为 2024年10月16日(收信后第 10 个工作日)。",
    );
    expect(replyStanding(publish({ ...open, status: "待回复" }, "2024-10-18"), 10)).toEqual({
      text: "超过答复期限(2024年10月16日)仍未答复,已等待 12 个工作日。",
      alert: true,
    });
  });
});
