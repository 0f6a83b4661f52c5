import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { DataContext } from "../../src/data/context.ts";
import { formatIssue, sortIssues } from "../../src/data/issues.ts";
import {
  OutsideCalendarError,
  buildWorkingCalendar,
  readWorkingCalendar,
} from "../../src/data/workdays.ts";

/** The committed calendar (holidays.csv with the 2021–2026 notices). */
function committedCalendar() {
  const ctx = new DataContext("data", "data", "2026-10-31");
  const calendar = readWorkingCalendar(ctx);
  expect(ctx.issues).toEqual([]);
  return calendar;
}

describe("working days across 春节 with 调休", () => {
  const calendar = committedCalendar();

  test("2024: the make-up Sunday 2 February 4 is a working day, the holiday Monday 12 February is not", () => {
    expect(calendar.isWorkingDay("2024-02-04")).toBe(true);
    expect(calendar.isWorkingDay("2024-02-12")).toBe(false);
    expect(calendar.isWorkingDay("2024-02-18")).toBe(true); // Sunday, 调休上班
  });

  test("2024: a letter of Thursday 8 February counts Friday 9, Sunday 18 and Monday 19 as its first three days", () => {
    expect(calendar.addWorkingDays("2024-02-08", 1)).toBe("2024-02-09");
    expect(calendar.addWorkingDays("2024-02-08", 2)).toBe("2024-02-18");
    expect(calendar.workingDaysBetween("2024-02-08", "2024-02-19")).toBe(3);
  });

  test("2026: the nine-day holiday lies between the make-up Saturdays 14 and 28 February", () => {
    expect(calendar.addWorkingDays("2026-02-13", 1)).toBe("2026-02-14");
    expect(calendar.addWorkingDays("2026-02-13", 2)).toBe("2026-02-24");
    expect(calendar.addWorkingDays("2026-02-13", 6)).toBe("2026-02-28");
    expect(calendar.addWorkingDays("2026-02-13", 10)).toBe("2026-03-05");
  });

  test("2023: a letter received during the holiday starts counting on the make-up Saturday 28 January", () => {
    expect(calendar.addWorkingDays("2023-01-23", 1)).toBe("2023-01-28");
    expect(calendar.workingDaysBetween("2023-01-20", "2023-01-30")).toBe(3);
  });
});

describe("working days across 国庆 with 调休", () => {
  const calendar = committedCalendar();

  test("2024: ten working days from Friday 27 September end on Wednesday 16 October, counting both make-up weekend days", () => {
    expect(calendar.addWorkingDays("2024-09-27", 1)).toBe("2024-09-29"); // Sunday, 调休上班
    expect(calendar.addWorkingDays("2024-09-27", 3)).toBe("2024-10-08");
    expect(calendar.isWorkingDay("2024-10-12")).toBe(true); // Saturday, 调休上班
    expect(calendar.addWorkingDays("2024-09-27", 10)).toBe("2024-10-16");
  });

  test("2023: the eight-day 中秋国庆 holiday is followed by working Saturday 7 and Sunday 8 October", () => {
    expect(calendar.addWorkingDays("2023-09-28", 1)).toBe("2023-10-07");
    expect(calendar.addWorkingDays("2023-09-28", 2)).toBe("2023-10-08");
    expect(calendar.workingDaysBetween("2023-09-28", "2023-10-09")).toBe(3);
  });

  test("2025: the make-up Saturday 11 October is a working day", () => {
    expect(calendar.isWorkingDay("2025-10-11")).toBe(true);
    expect(calendar.addWorkingDays("2025-09-30", 1)).toBe("2025-10-09");
  });
});

describe("counting rules", () => {
  const calendar = committedCalendar();

  test("a reply on the day of receipt took 0 working days, on the next working day 1", () => {
    expect(calendar.workingDaysBetween("2025-03-10", "2025-03-10")).toBe(0);
    expect(calendar.workingDaysBetween("2025-03-10", "2025-03-11")).toBe(1);
    expect(calendar.workingDaysBetween("2025-03-14", "2025-03-17")).toBe(1); // Friday to Monday
  });

  test("the 元旦 holiday of the 2023 notice reaches back to 31 December 2022", () => {
    expect(calendar.isWorkingDay("2022-12-30")).toBe(true);
    expect(calendar.addWorkingDays("2022-12-30", 1)).toBe("2023-01-03");
  });
});

describe("years without a notice are errors, never guesses", () => {
  const calendar = committedCalendar();

  test("a day before the first notice", () => {
    expect(() => calendar.isWorkingDay("2020-06-01")).toThrow(OutsideCalendarError);
    expect(() => calendar.workingDaysBetween("2020-12-28", "2021-01-05")).toThrow(
      /2020 年没有放假安排/,
    );
  });

  test("a deadline that runs into the next, unpublished year", () => {
    expect(() => calendar.addWorkingDays("2026-12-28", 10)).toThrow(/2027 年没有放假安排/);
  });

  test("a gap between covered years", () => {
    const gappy = buildWorkingCalendar([
      { date: "2021-02-11", kind: "休", notice_year: 2021 },
      { date: "2023-01-23", kind: "休", notice_year: 2023 },
    ]);
    expect(() => gappy.workingDaysBetween("2021-12-20", "2023-01-10")).toThrow(/2022 年/);
  });
});

describe("holidays.csv checks", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function issuesOf(csv: string): string[] {
    const dir = mkdtempSync(join(tmpdir(), "gongshi-holidays-"));
    dirs.push(dir);
    writeFileSync(join(dir, "holidays.csv"), csv);
    const ctx = new DataContext(dir, "data", "2026-10-31");
    readWorkingCalendar(ctx);
    return sortIssues(ctx.issues).map(formatIssue);
  }
  const fullYear = (year: number) =>
    ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"]
      .map((name, i) => `${year}-0${i + 1}-0${(i % 5) + 1},休,${name},${year}`)
      .join("\n");

  test("rejects 班 on a weekday", () => {
    expect(
      issuesOf(`date,kind,name,notice_year\n${fullYear(2024)}\n2024-02-05,班,春节,2024\n`),
    ).toEqual([expect.stringMatching(/^data\/holidays\.csv:9 kind: 2024-02-05 是工作日/)]);
  });

  test("reports a half-entered year and a missing year", () => {
    const issues = issuesOf(
      `date,kind,name,notice_year\n${fullYear(2022)}\n2024-02-10,休,春节,2024\n`,
    );
    expect(issues).toEqual([
      expect.stringMatching(/^data\/holidays\.csv:1 \(文件\): 缺少 2023 年的放假安排/),
      expect.stringMatching(
        /^data\/holidays\.csv:9 name: 2024 年的通知缺少:元旦、清明、劳动、端午、中秋、国庆/,
      ),
    ]);
  });

  test("accepts next year's notice although it is after the as-of date", () => {
    expect(issuesOf(`date,kind,name,notice_year\n${fullYear(2026)}\n${fullYear(2027)}\n`)).toEqual(
      [],
    );
  });
});
