import { formatChineseDate } from "../../data/dates.ts";
import { holidaysTable, readWorkingCalendar } from "../../data/workdays.ts";
import { formatCount, formatDays, percentOf } from "../../format/numbers.ts";
import { defineRegister } from "../module.ts";
import { generateLetters } from "./synthetic.ts";
import { mailboxFigures } from "./figures.ts";
import { receivedSentence } from "./format.ts";
import { MAILBOX_BASE, MAILBOX_TITLE, letterListingData } from "./listing.ts";
import { letterStatuses } from "./vocabulary.ts";
import { readMailbox } from "./load.ts";
import { letterFeedSource, letterTables, publicLettersView } from "./open-data.ts";
import { LETTER_CONSENT_COLUMNS, letterVersionVisibility } from "./public.ts";
import { lettersTable } from "./schema.ts";

/** 书记信箱: citizens' letters to the party secretaries and the replies, public data only. */
export const mailbox = defineRegister({
  key: "mailbox",
  title: MAILBOX_TITLE,
  base: MAILBOX_BASE,
  noun: "来信",
  statuses: letterStatuses,
  tables: [lettersTable, holidaysTable],
  load: (ctx, env) =>
    // Working days (holidays.csv) are needed for the reply promise only, so they load here.
    readMailbox(ctx, { ...env, calendar: readWorkingCalendar(ctx) }),
  // The mailbox facet has dozens of township mailboxes: its links come last.
  facetLinks: ["level", "county", "topic", "status", "timeliness", "year", "box"],
  primaryDataset: "letters",
  listing: (data, { jurisdiction, counties }) => letterListingData(data, jurisdiction, counties),
  openData: (data) => letterTables(data.letters),
  feeds: (data, { counties }) =>
    letterFeedSource(data, new Map(counties.map((county) => [county.code, county]))),
  figures: mailboxFigures,
  // History shows the columns /data/letters.csv publishes, by the same consent rules.
  history: {
    publicColumns: (file) =>
      file === lettersTable.file
        ? Object.keys(publicLettersView.columns).filter((column) => column in lettersTable.columns)
        : [],
    visible: (_file, version, current) => letterVersionVisibility(version, current),
    contextColumns: () => LETTER_CONSENT_COLUMNS,
  },
  headline: ({ statistics }, { site }) => {
    const { total } = statistics;
    return {
      summary: `市、县、乡三级书记信箱${receivedSentence(total)}${site.sample ? "（示例数据）" : ""}。`,
      figures: [
        { label: "件已答复", value: formatCount(total.replied), href: MAILBOX_BASE },
        {
          label: `在承诺的${formatCount(statistics.promiseWorkingDays)}个工作日内答复（已答复${formatCount(total.replied)}件中${formatCount(total.repliedWithinPromise)}件）`,
          value: percentOf(total.repliedWithinPromise, total.replied),
          href: `${MAILBOX_BASE}stats/`,
        },
        { label: "个工作日：答复用时中位数", value: formatDays(total.workingDays.median) },
        {
          label: `件截至${formatChineseDate(site.asOf)}超过承诺时限仍未答复`,
          value: formatCount(total.overdue),
          alert: total.overdue > 0,
        },
      ],
      links: [
        { href: MAILBOX_BASE, label: "查看全部来信" },
        { href: `${MAILBOX_BASE}stats/`, label: "答复时效统计" },
      ],
    };
  },
  synthetic: { weight: 1, generate: generateLetters },
});
