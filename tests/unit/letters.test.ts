import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { DataContext } from "../../src/data/context.ts";
import { loadDataset, registerData } from "../../src/site/dataset.ts";
import { mailbox as mailboxRegister } from "../../src/registers/mailbox/index.ts";
import { formatIssue, sortIssues } from "../../src/data/issues.ts";
import { readWorkingCalendar } from "../../src/data/workdays.ts";
import { readMailbox } from "../../src/registers/mailbox/load.ts";
import { toPublicLetter } from "../../src/registers/mailbox/public.ts";
import type { LetterRow } from "../../src/registers/mailbox/schema.ts";
import { median, nearestRank } from "../../src/registers/mailbox/statistics.ts";
import { replyTiming } from "../../src/registers/mailbox/timing.ts";

const calendar = readWorkingCalendar(new DataContext("data", "data", "2026-10-31"));
const dataset = loadDataset("data");
const mailbox = registerData(dataset, mailboxRegister);
if (!mailbox) throw new Error("the demo site lists the mailbox section");

const row: LetterRow = {
  id: "SJ-2024-0001",
  received_on: "2024-09-27",
  mailbox_level: "县",
  mailbox: "犍为县委书记信箱",
  region_code: "511123",
  topic: "交通",
  title: "机密标题",
  content: "机密正文",
  consent_to_publish: false,
  handled_by_principal: true,
  instruction_on: "2024-09-29",
  replied_on: "2024-10-16",
  reply_unit: "犍为县交通运输局",
  reply: "已增开班次。",
  reply_identifies_person: false,
  status: "已办结",
  satisfaction: "满意",
};
const timing = replyTiming(
  { receivedOn: row.received_on, repliedOn: row.replied_on },
  calendar,
  10,
  "2026-10-31",
);

describe("the public projection", () => {
  test("a letter without consent has no title or content field at all", () => {
    const letter = toPublicLetter(row, timing, "犍为县");
    expect("title" in letter).toBe(false);
    expect("content" in letter).toBe(false);
    expect(JSON.stringify(letter)).not.toMatch(/机密/);
  });

  test("keeps the reply of a letter without consent only when it identifies no one", () => {
    expect(toPublicLetter(row, timing, "犍为县")).toMatchObject({
      reply: "已增开班次。",
      replyWithheld: false,
    });
    const identifying = toPublicLetter({ ...row, reply_identifies_person: true }, timing, "犍为县");
    expect(identifying).toMatchObject({ reply: undefined, replyWithheld: true });
    expect(JSON.stringify(identifying)).not.toContain("已增开班次");
  });

  test("publishes title, content and reply of a letter with consent", () => {
    const letter = toPublicLetter(
      { ...row, consent_to_publish: true, reply_identifies_person: true },
      timing,
      "犍为县",
    );
    expect(letter).toMatchObject({
      consent: true,
      title: "机密标题",
      content: "机密正文",
      reply: "已增开班次。",
    });
  });

  test("no public letter of the dataset carries a title unless its writer consented", () => {
    for (const letter of mailbox.letters) {
      expect("title" in letter).toBe(letter.consent);
      expect("content" in letter).toBe(letter.consent);
    }
  });
});

describe("reply timing against the 10-working-day promise", () => {
  test("a reply on the last day of the promise, across 国庆 2024, is within it", () => {
    expect(timing).toEqual({
      dueOn: "2024-10-16",
      calendarDaysToReply: 19,
      workingDaysToReply: 10,
      repliedWithinPromise: true,
      overdue: false,
      workingDaysWaiting: undefined,
      timeliness: { value: "按期", days: undefined, text: "按期" },
    });
  });

  test("a reply one working day later is late", () => {
    const late = replyTiming(
      { receivedOn: "2024-09-27", repliedOn: "2024-10-17" },
      calendar,
      10,
      "2026-10-31",
    );
    expect(late.repliedWithinPromise).toBe(false);
  });

  test("an unanswered letter is overdue only after its due day, as of the data's date", () => {
    const onDueDay = replyTiming(
      { receivedOn: "2026-10-10", repliedOn: undefined },
      calendar,
      10,
      "2026-10-23",
    );
    expect(onDueDay).toMatchObject({ dueOn: "2026-10-23", overdue: false, workingDaysWaiting: 10 });
    const dayAfter = replyTiming(
      { receivedOn: "2026-10-10", repliedOn: undefined },
      calendar,
      10,
      "2026-10-24",
    );
    expect(dayAfter.overdue).toBe(true);
  });
});

describe("statistics", () => {
  test("median of an even count is the mean of the middle two; P90 is nearest-rank", () => {
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([1, 2, 9])).toBe(2);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(median([])).toBeUndefined();
  });

  test("the totals of the sample data add up", () => {
    const { total, byLevel, byYear, overdue } = mailbox.statistics;
    expect(total.received).toBe(mailbox.letters.length);
    expect(total.replied + total.pending).toBe(total.received);
    expect(total.repliedWithinPromise + total.repliedLate).toBe(total.replied);
    expect(byLevel.reduce((sum, group) => sum + group.received, 0)).toBe(total.received);
    expect(byYear.reduce((sum, group) => sum + group.withInstruction, 0)).toBe(
      total.withInstruction,
    );
    expect(overdue.length).toBe(total.overdue);
  });
});

describe("the sample data", () => {
  const letters = mailbox.letters;
  test("has at least 200 letters over several years, all three levels and every county", () => {
    expect(letters.length).toBeGreaterThanOrEqual(200);
    expect(new Set(letters.map((letter) => letter.year)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(letters.map((letter) => letter.level))).toEqual(new Set(["市", "县", "乡"]));
    const counties = new Set(letters.map((letter) => letter.regionCode));
    for (const county of dataset.counties) expect(counties).toContain(county.code);
  });

  test("mixes consent, unanswered, overdue, 批示 and rated letters", () => {
    const count = (test: (letter: (typeof letters)[number]) => boolean) =>
      letters.filter(test).length;
    expect(count((letter) => letter.consent)).toBeGreaterThan(0);
    expect(count((letter) => !letter.consent)).toBeGreaterThan(0);
    expect(count((letter) => letter.status === "待回复" && !letter.timing.overdue)).toBeGreaterThan(
      0,
    );
    expect(count((letter) => letter.timing.overdue)).toBeGreaterThan(0);
    expect(count((letter) => letter.timing.repliedWithinPromise === false)).toBeGreaterThan(0);
    expect(count((letter) => letter.instructionOn !== undefined)).toBeGreaterThan(0);
    expect(count((letter) => letter.satisfaction !== undefined)).toBeGreaterThan(0);
    expect(count((letter) => !letter.consent && letter.replyWithheld)).toBeGreaterThan(0);
  });
});

describe("the mailbox section", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function siteWith(sections: string[]): string {
    const dir = mkdtempSync(join(tmpdir(), "gongshi-sections-"));
    dirs.push(dir);
    writeFileSync(join(dir, "site.json"), JSON.stringify({ ...dataset.site, sections }));
    writeFileSync(
      join(dir, "regions.csv"),
      "code,name,level,parent\n511100,乐山市,市,\n511123,犍为县,县,511100\n",
    );
    return dir;
  }

  test("a site without the mailbox needs neither letters.csv nor holidays.csv", () => {
    const loaded = loadDataset(siteWith([]));
    expect(registerData(loaded, mailboxRegister)).toBeUndefined();
  });

  test("a site with the mailbox must have both files", () => {
    expect(() => loadDataset(siteWith(["mailbox"]))).toThrow(
      /holidays\.csv:1 \(文件\): 文件不存在[\s\S]*letters\.csv:1 \(文件\): 文件不存在/,
    );
  });
});

describe("letters.csv checks", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const header =
    "id,received_on,mailbox_level,mailbox,region_code,topic,title,content,consent_to_publish,handled_by_principal,instruction_on,replied_on,reply_unit,reply,reply_identifies_person,status,satisfaction";
  function issuesOf(...lines: string[]): string[] {
    const dir = mkdtempSync(join(tmpdir(), "gongshi-letters-"));
    dirs.push(dir);
    writeFileSync(join(dir, "letters.csv"), [header, ...lines, ""].join("\n"));
    const ctx = new DataContext(dir, "data", "2026-10-31");
    ctx.useRegions(new Set(dataset.regionsByCode.keys()));
    readMailbox(ctx, {
      site: dataset.site,
      calendar,
      regionsByCode: dataset.regionsByCode,
      counties: dataset.counties,
    });
    return sortIssues(ctx.issues).map(formatIssue);
  }

  test("accepts a complete answered letter and an unanswered one", () => {
    expect(
      issuesOf(
        "SJ-2024-0001,2024-09-27,县,犍为县委书记信箱,511123,交通,标题,正文,是,否,,2024-10-16,犍为县交通运输局,已答复。,否,已办结,满意",
        "SJ-2026-0001,2026-10-28,市,市委书记信箱,511100,其他,标题,正文,否,否,,,,,,待回复,",
      ),
    ).toEqual([]);
  });

  test("rejects a status that contradicts the reply columns, a 批示 without the secretary, and a rating without a reply", () => {
    expect(
      issuesOf(
        "SJ-2024-0001,2024-09-27,县,犍为县委书记信箱,511123,交通,标题,正文,是,否,2024-09-28,2024-10-16,犍为县交通运输局,已答复。,否,待回复,",
        "SJ-2024-0002,2024-09-27,县,犍为县委书记信箱,511123,交通,标题,正文,是,否,,,,,,待回复,满意",
      ),
    ).toEqual([
      expect.stringMatching(/^data\/letters\.csv:2 handled_by_principal: 有批示日期/),
      expect.stringMatching(/^data\/letters\.csv:2 status: 已填答复日期,状态却是「待回复」/),
      expect.stringMatching(/^data\/letters\.csv:3 satisfaction: 尚未答复的来信不能有满意度评价/),
    ]);
  });

  test("rejects a county mailbox naming another county and a township letter filed under the city", () => {
    expect(
      issuesOf(
        "SJ-2024-0001,2024-09-27,县,井研县委书记信箱,511123,交通,标题,正文,是,否,,,,,,待回复,",
        "SJ-2024-0002,2024-09-27,乡,罗城镇党委书记信箱,511100,交通,标题,正文,是,否,,,,,,待回复,",
      ),
    ).toEqual([
      expect.stringMatching(
        /^data\/letters\.csv:2 mailbox: 县级信箱「井研县委书记信箱」与区划 犍为县/,
      ),
      expect.stringMatching(/^data\/letters\.csv:3 region_code: 乡级信箱的来信须落在一个县级区划/),
    ]);
  });

  test("names the letter whose dates need a year missing from holidays.csv", () => {
    expect(
      issuesOf("SJ-2020-0001,2020-05-06,市,市委书记信箱,511100,其他,标题,正文,否,否,,,,,,待回复,"),
    ).toEqual([
      expect.stringMatching(
        /^data\/letters\.csv:2 received_on: 2020-05-06 所在的 2020 年没有放假安排.*\(在 holidays\.csv 中录入 2020 年/,
      ),
    ]);
  });
});
