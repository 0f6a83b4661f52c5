import type { Region } from "../../data/regions.ts";
import { memoisedListing } from "../listing.ts";
import { timelinessFacet, timelinessSlug } from "../timeliness.ts";
import type { FacetValue, ListRow, RegisterListing, RegisterListingData } from "../listing.ts";
import type { Mailbox } from "./load.ts";
import { letterHeading } from "./public.ts";
import type { PublicLetter } from "./public.ts";
import { MAILBOX_LEVEL_NAMES, letterStatuses, letterTopics, mailboxLevels } from "./vocabulary.ts";

export const MAILBOX_BASE = "/mailbox/";

/** The register's name as readers know it; also its search filter value. */
export const MAILBOX_TITLE = "书记信箱";

/**
 * The URL token of the mailbox a letter was sent to (not of the county the letter is about):
 * the city's mailbox is the jurisdiction's code, whatever county a letter to it concerns; a
 * county's mailbox is that county's code. A township mailbox has no GB/T 2260 code, so its
 * token is its county's code and a hash of its name: ASCII, stable while the name is, and
 * distinct for same-named townships in two counties.
 */
export function mailboxSlug(
  letter: Pick<PublicLetter, "level" | "mailbox" | "regionCode">,
  jurisdictionCode: string,
): string {
  if (letter.level === "市") return jurisdictionCode;
  if (letter.level === "县") return letter.regionCode;
  // FNV-1a (32 bit) over the UTF-16 units of the name: small, dependency-free, stable.
  let hash = 0x811c9dc5;
  for (let i = 0; i < letter.mailbox.length; i++) {
    hash ^= letter.mailbox.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${letter.regionCode}-${hash.toString(16).padStart(8, "0")}`;
}

/** How the mailbox is listed, filtered and sorted. */
export function letterListing(
  mailbox: Mailbox,
  jurisdiction: Region,
  counties: readonly Region[],
): RegisterListing {
  const years = [...new Set(mailbox.letters.map((letter) => letter.year))].sort((a, b) => b - a);
  const regionOrder = [jurisdiction, ...counties];
  const regionRank = new Map(regionOrder.map((region, i) => [region.code, i]));
  const boxes = new Map<string, FacetValue & { rank: [number, number, string] }>();
  for (const letter of mailbox.letters) {
    const value = mailboxSlug(letter, jurisdiction.code);
    if (boxes.has(value)) continue;
    boxes.set(value, {
      value,
      label: letter.mailbox,
      rank: [
        mailboxLevels.rank(letter.level),
        regionRank.get(letter.regionCode) ?? 0,
        letter.mailbox,
      ],
    });
  }
  const byRank = (a: { rank: [number, number, string] }, b: { rank: [number, number, string] }) =>
    a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2].localeCompare(b.rank[2], "zh-CN");
  return {
    base: MAILBOX_BASE,
    pageSize: 50,
    indexPath: `${MAILBOX_BASE}filter-index.json`,
    columns: [
      { kind: "title", label: "来信" },
      { kind: "facet", label: "信箱", facet: "box" },
      { kind: "facet", label: "区县", facet: "county" },
      { kind: "facet", label: "主题", facet: "topic" },
      { kind: "facet", label: "状态", facet: "status" },
      { kind: "date", label: "收信日期", value: "receivedOn" },
      { kind: "days", label: "用时(工作日)", value: "workingDaysToReply" },
      { kind: "text", label: "按期情况", value: "timelinessText" },
    ],
    facets: [
      {
        key: "level",
        label: "信箱层级",
        values: mailboxLevels.terms.map((term) => ({
          value: term.slug,
          label: MAILBOX_LEVEL_NAMES[term.value],
        })),
      },
      {
        key: "box",
        label: "信箱",
        values: [...boxes.values()].sort(byRank).map(({ value, label }) => ({ value, label })),
      },
      {
        key: "county",
        label: "区县",
        values: regionOrder.map((region) => ({
          value: region.code,
          label: region.code === jurisdiction.code ? `${region.name}(全市性)` : region.name,
        })),
      },
      {
        key: "topic",
        label: "主题",
        values: letterTopics.terms.map((term) => ({ value: term.slug, label: term.value })),
      },
      {
        key: "status",
        label: "状态",
        values: letterStatuses.terms.map((term) => ({
          value: term.slug,
          label: term.value,
          tone: term.tone,
        })),
      },
      timelinessFacet("答复按期情况"),
      {
        key: "year",
        label: "收信年份",
        values: years.map((year) => ({ value: String(year), label: `${year}年` })),
      },
    ],
    flags: [
      { key: "overdue", label: "只看超过时限仍未答复的" },
      { key: "instruction", label: "只看书记作出批示的" },
      { key: "published", label: "只看公开全文的" },
    ],
    sorts: [
      { key: "newest", label: "收信日期,新的在前", value: "receivedOn", descending: true },
      { key: "oldest", label: "收信日期,早的在前", value: "receivedOn", descending: false },
      { key: "slowest", label: "答复用时,长的在前", value: "workingDaysToReply", descending: true },
      {
        key: "waiting",
        label: "未答复的等待时间,长的在前",
        value: "workingDaysWaiting",
        descending: true,
      },
    ],
  };
}

/** One letter as the list shows it: its title only with consent (see `letterHeading`). */
export function letterListRow(letter: PublicLetter, jurisdictionCode: string): ListRow {
  return {
    id: letter.id,
    title: letterHeading(letter),
    facets: {
      level: mailboxLevels.get(letter.level).slug,
      box: mailboxSlug(letter, jurisdictionCode),
      county: letter.regionCode,
      topic: letterTopics.get(letter.topic).slug,
      status: letterStatuses.get(letter.status).slug,
      year: String(letter.year),
      timeliness: timelinessSlug(letter.timing.timeliness.value),
    },
    values: {
      receivedOn: letter.receivedOn,
      workingDaysToReply: letter.timing.workingDaysToReply,
      workingDaysWaiting: letter.timing.workingDaysWaiting,
      timelinessText: letter.timing.timeliness.text,
    },
    flags: {
      overdue: letter.timing.overdue,
      instruction: letter.instructionOn !== undefined,
      published: letter.consent,
    },
  };
}

export type LetterListingData = RegisterListingData;

/** The listing, rows and facet counts, made once per loaded mailbox. */
export function letterListingData(
  mailbox: Mailbox,
  jurisdiction: Region,
  counties: readonly Region[],
): LetterListingData {
  return memoisedListing(mailbox, () => ({
    listing: letterListing(mailbox, jurisdiction, counties),
    rows: mailbox.letters.map((letter) => letterListRow(letter, jurisdiction.code)),
  }));
}
