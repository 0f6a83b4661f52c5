import type { DataContext } from "./context.ts";
import { fromDayNumber, isoWeekday, toDayNumber, yearOf } from "./dates.ts";
import type { IsoDate } from "./dates.ts";
import { choice, date, integer, text } from "./fields.ts";
import type { RowOf } from "./fields.ts";
import { WHOLE_FILE } from "./issues.ts";
import { defineTable } from "./table.ts";

/**
 * Working days in mainland China: Monday to Friday, except the public holidays the State
 * Council's yearly notice (国务院办公厅关于 YYYY 年部分节假日安排的通知) declares, plus the
 * Saturdays and Sundays it turns into working days (调休上班). Nothing here is guessed: a
 * year is covered only when its notice is entered in `holidays.csv`, and any computation
 * that touches an uncovered year is an error.
 */

/** 休: a day off of a holiday span (weekend days inside a span included). 班: a make-up working day. */
export const HOLIDAY_KINDS = ["休", "班"] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** Every yearly notice since 2008 arranges these seven festivals; a year missing one is half-entered. */
export const NOTICE_FESTIVALS = ["元旦", "春节", "清明", "劳动", "端午", "中秋", "国庆"] as const;

/** `holidays.csv`: one row per day the notice changes (a day off, or a make-up working day). */
export const holidaysTable = defineTable({
  file: "holidays.csv",
  title: "法定节假日与调休",
  primaryKey: "date",
  // May hold only its header while nothing needs working days (a site without letters yet);
  // any letter then reports the missing year itself.
  columns: {
    /** The day. Next year's days may be entered as soon as the notice is out. */
    date: date({ doc: "日期;通知一发布即可录入次年的日期", planned: true }),
    /** 休 for every day of a holiday span (including its weekend days), 班 for a 调休 working weekend day. */
    kind: choice(HOLIDAY_KINDS, { doc: "休:放假(连休中的周六、周日也写);班:调休上班的周六或周日" }),
    /** The festival, as the notice names it, e.g. 春节 or 中秋节、国庆节. */
    name: text({ doc: "节日名称,照通知写,如 春节、中秋节、国庆节", max: 20 }),
    /** Which year's notice this day comes from (元旦 may begin on 31 December of the year before). */
    notice_year: integer({
      doc: "出自哪一年的放假安排通知(元旦可能从上一年 12 月 31 日开始)",
      min: 2000,
      max: 2100,
    }),
  },
  check: (row, report) => {
    if (row.kind === "班" && isoWeekday(row.date) < 6) {
      report("kind", `${row.date} 是工作日,不需要写「班」`, "「班」只用于调休上班的周六、周日");
    }
    const year = yearOf(row.date);
    const startsLastDecember = year === row.notice_year - 1 && row.date.slice(5, 7) === "12";
    if (year !== row.notice_year && !startsLastDecember) {
      report(
        "notice_year",
        `${row.date} 不属于 ${row.notice_year} 年的通知`,
        "与日期同年;跨年的元旦假期可写下一年",
      );
    }
  },
});

export type HolidayRow = RowOf<typeof holidaysTable.columns>;

/** A date the calendar cannot answer for: its year's notice is not in holidays.csv. */
export class OutsideCalendarError extends Error {
  readonly date: IsoDate;
  readonly coveredYears: readonly number[];

  constructor(date: IsoDate, coveredYears: readonly number[]) {
    super(
      `${date} 所在的 ${yearOf(date)} 年没有放假安排(holidays.csv 只有 ${describeYears(coveredYears)}),无法计算工作日`,
    );
    this.name = "OutsideCalendarError";
    this.date = date;
    this.coveredYears = coveredYears;
  }
}

export function describeYears(years: readonly number[]): string {
  if (years.length === 0) return "没有任何年份";
  const first = years[0];
  const last = years.at(-1);
  return years.length === 1 ||
    first === undefined ||
    last === undefined ||
    last - first + 1 !== years.length
    ? `${years.join("、")} 年`
    : `${first}–${last} 年`;
}

export interface WorkingCalendar {
  /** Years whose notice is entered, ascending. */
  readonly years: readonly number[];
  covers(date: IsoDate): boolean;
  isWorkingDay(date: IsoDate): boolean;
  /**
   * Working days after `from` up to and including `to`: a reply on the next working day
   * took 1, a reply on the day of receipt 0. Negative when `to` precedes `from`.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** The `n`-th working day after `date` (n ≥ 1); `date` itself is never counted. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
}

/**
 * Builds the calendar from the notice days. Counting uses a running total of working days
 * from 1 January of the first covered year, so any span is answered in constant time
 * (100,000 letters cost nothing).
 */
export function buildWorkingCalendar(
  days: readonly { date: IsoDate; kind: HolidayKind; notice_year: number }[],
): WorkingCalendar {
  const years = [...new Set(days.map((day) => day.notice_year))].sort((a, b) => a - b);
  const covered = new Set(years);
  const kindOf = new Map(days.map((day) => [day.date, day.kind]));
  const firstYear = years[0] ?? 0;
  const lastYear = years.at(-1) ?? -1;
  const origin = toDayNumber(`${String(firstYear).padStart(4, "0")}-01-01`);
  const end = toDayNumber(`${String(lastYear + 1).padStart(4, "0")}-01-01`);
  // running[i] = working days among the first i days from origin.
  const running = new Int32Array(Math.max(0, end - origin) + 1);
  for (let day = origin; day < end; day++) {
    const iso = fromDayNumber(day);
    const kind = kindOf.get(iso);
    const working = kind === "班" || (kind !== "休" && isoWeekday(iso) <= 5);
    running[day - origin + 1] =
      (running[day - origin] ?? 0) + (working && covered.has(yearOf(iso)) ? 1 : 0);
  }

  const covers = (date: IsoDate) => covered.has(yearOf(date));
  const requireCovered = (date: IsoDate) => {
    if (!covers(date)) throw new OutsideCalendarError(date, years);
  };
  /** Working days from origin up to and including `date`. */
  const through = (date: IsoDate) => running[toDayNumber(date) - origin + 1] ?? 0;
  const requireSpan = (from: IsoDate, to: IsoDate) => {
    const [lo, hi] = from <= to ? [from, to] : [to, from];
    for (let year = yearOf(lo); year <= yearOf(hi); year++) {
      if (!covered.has(year))
        throw new OutsideCalendarError(year === yearOf(lo) ? lo : `${year}-01-01`, years);
    }
  };

  return {
    years,
    covers,
    isWorkingDay(date) {
      requireCovered(date);
      return through(date) - through(fromDayNumber(toDayNumber(date) - 1)) === 1;
    },
    workingDaysBetween(from, to) {
      requireSpan(from, to);
      return through(to) - through(from);
    },
    addWorkingDays(date, n) {
      if (!Number.isInteger(n) || n < 1)
        throw new RangeError(`addWorkingDays: n must be a positive integer, got ${n}`);
      requireCovered(date);
      const target = through(date) + n;
      let day = toDayNumber(date);
      while (through(fromDayNumber(day)) < target) {
        day++;
        const iso = fromDayNumber(day);
        if (!covers(iso)) throw new OutsideCalendarError(iso, years);
      }
      return fromDayNumber(day);
    },
  };
}

/**
 * Reads `holidays.csv` and checks what rows alone cannot: every year between the first and
 * the last is entered, and each year's notice has all seven festivals.
 */
export function readWorkingCalendar(ctx: DataContext): WorkingCalendar {
  const rows = ctx.read(holidaysTable);
  const file = ctx.displayPath(holidaysTable.file);
  const namesByYear = new Map<number, { names: string[]; line: number }>();
  for (const { line, row } of rows) {
    const entry = namesByYear.get(row.notice_year) ?? { names: [], line };
    entry.names.push(row.name);
    namesByYear.set(row.notice_year, entry);
  }
  const years = [...namesByYear.keys()].sort((a, b) => a - b);
  for (const [year, { names, line }] of namesByYear) {
    const missing = NOTICE_FESTIVALS.filter(
      (festival) => !names.some((name) => name.includes(festival)),
    );
    if (missing.length > 0) {
      ctx.report({
        file,
        line,
        column: "name",
        problem: `${year} 年的通知缺少:${missing.join("、")}`,
        allowed: "照国务院办公厅当年通知录入全部七个节日的放假日和调休上班日",
      });
    }
  }
  const first = years[0];
  const last = years.at(-1);
  if (first !== undefined && last !== undefined) {
    for (let year = first + 1; year < last; year++) {
      if (!namesByYear.has(year)) {
        ctx.report({
          file,
          line: 1,
          column: WHOLE_FILE,
          problem: `缺少 ${year} 年的放假安排(已有 ${describeYears(years)})`,
          allowed: "从第一年到最后一年逐年录入,不能跳过",
        });
      }
    }
  }
  return buildWorkingCalendar(rows.map(({ row }) => row));
}
