import type { DataContext } from "../../data/context.ts";
import type { Region } from "../../data/regions.ts";
import type { SiteConfig } from "../../data/site-config.ts";
import { OutsideCalendarError } from "../../data/workdays.ts";
import type { WorkingCalendar } from "../../data/workdays.ts";
import { toPublicLetter } from "./public.ts";
import type { PublicLetter } from "./public.ts";
import { lettersTable } from "./schema.ts";
import { letterStatistics } from "./statistics.ts";
import type { LetterStatistics } from "./statistics.ts";
import { replyTiming } from "./timing.ts";

/** The mailbox as the rest of the site sees it: public letters and their statistics. */
export interface Mailbox {
  /** Newest first. */
  letters: readonly PublicLetter[];
  statistics: LetterStatistics;
  /** The working calendar reply times were counted on (holidays.csv). */
  calendar: WorkingCalendar;
}

export interface MailboxContext {
  site: SiteConfig;
  calendar: WorkingCalendar;
  regionsByCode: ReadonlyMap<string, Region>;
  counties: readonly Region[];
}

/**
 * Reads letters.csv, checks what needs other files (regions, the working calendar), derives
 * reply times once, and projects every letter through `toPublicLetter`. The raw rows end
 * here: nothing returned carries the title or content of a letter without consent.
 */
export function readMailbox(ctx: DataContext, context: MailboxContext): Mailbox {
  const { site, calendar, regionsByCode } = context;
  const file = ctx.displayPath(lettersTable.file);
  const letters: PublicLetter[] = [];
  for (const { line, row } of ctx.read(lettersTable)) {
    const region = regionsByCode.get(row.region_code);
    if (!region) continue; // reported by the region check of the data path
    const isCounty = region.parent === site.jurisdiction.code;
    if (row.mailbox_level !== "市" && !isCounty) {
      ctx.report({
        file,
        line,
        column: "region_code",
        problem: `${row.mailbox_level}级信箱的来信须落在一个县级区划,${region.name}不是`,
        allowed: "所属县级区划的代码",
      });
      continue;
    }
    if (row.mailbox_level === "县" && !row.mailbox.startsWith(region.name)) {
      ctx.report({
        file,
        line,
        column: "mailbox",
        problem: `县级信箱「${row.mailbox}」与区划 ${region.name}(${region.code})不符`,
        allowed: `以区划名开头,如 ${region.name}委书记信箱`,
      });
    }
    let timing;
    try {
      timing = replyTiming(
        { receivedOn: row.received_on, repliedOn: row.replied_on },
        calendar,
        site.replyPromiseWorkingDays,
        site.asOf,
      );
    } catch (error) {
      if (!(error instanceof OutsideCalendarError)) throw error;
      ctx.report({
        file,
        line,
        column: "received_on",
        problem: error.message,
        allowed: `在 holidays.csv 中录入 ${error.date.slice(0, 4)} 年国务院办公厅放假安排通知`,
      });
      continue;
    }
    letters.push(toPublicLetter(row, timing, region.name));
  }
  letters.sort((a, b) =>
    a.receivedOn < b.receivedOn ? 1 : a.receivedOn > b.receivedOn ? -1 : b.id.localeCompare(a.id),
  );
  return {
    letters,
    calendar,
    statistics: letterStatistics(letters, {
      asOf: site.asOf,
      promiseWorkingDays: site.replyPromiseWorkingDays,
      countyOrder: [site.jurisdiction.name, ...context.counties.map((county) => county.name)],
    }),
  };
}
