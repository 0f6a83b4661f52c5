import { daysBetween } from "../data/dates.ts";
import type { IsoDate } from "../data/dates.ts";
import type { TableDescription } from "../data/tables.ts";
import type { Tone } from "../format/tone.ts";
import type { RegisterListingData } from "./listing.ts";

/** What the stalled rule needs of the site (a part of `RegisterEnvironment`). */
export interface StalledEnvironment {
  site: { asOf: IsoDate; stalledAfterDays: number };
  latestDate: (file: string, id: string) => IsoDate | undefined;
}

/**
 * Stalled items (久未更新): still open (a status whose tone is to-do or in progress) and with
 * nothing dated in their rows for longer than `site.json` `stalledAfterDays` before the data's
 * as-of date. The newest date is the item's own (received, rectified…) or its newest event's,
 * whatever the register, so every register gets the flag without code of its own.
 */
export const STALLED_FLAG = "stalled";

export interface Stalled {
  /** The newest dated thing about the item. */
  since: IsoDate;
  /** Days from then to the as-of date. */
  days: number;
  /** The period after which an open item counts as stalled. */
  limit: number;
}

function isOpen(tone: Tone | undefined): boolean {
  return tone === "todo" || tone === "progress";
}

/** The newest date in an item's rows across a register's files. */
export function lastActivity(
  tables: readonly TableDescription[],
  id: string,
  env: Pick<StalledEnvironment, "latestDate">,
): IsoDate | undefined {
  let newest: IsoDate | undefined;
  for (const table of tables) {
    const date = env.latestDate(table.file, id);
    if (date !== undefined && (newest === undefined || date > newest)) newest = date;
  }
  return newest;
}

/** Whether an item is stalled, and since when; undefined when it is not. */
export function stalledItem(
  tables: readonly TableDescription[],
  id: string,
  tone: Tone | undefined,
  env: StalledEnvironment,
): Stalled | undefined {
  if (!isOpen(tone)) return undefined;
  const since = lastActivity(tables, id, env);
  if (since === undefined) return undefined;
  const days = daysBetween(since, env.site.asOf);
  const limit = env.site.stalledAfterDays;
  return days > limit ? { since, days, limit } : undefined;
}

const withFlag = new WeakMap<RegisterListingData, RegisterListingData>();

/**
 * A register's listing with the stalled flag: a filter checkbox, and the word 久未更新 after
 * the title of every stalled row (server-rendered lists and the JS filter alike). Rows take
 * their tone from the `status` facet. Made once per listing.
 */
export function withStalledFlag(
  data: RegisterListingData,
  tables: readonly TableDescription[],
  env: StalledEnvironment,
): RegisterListingData {
  const known = withFlag.get(data);
  if (known) return known;
  const status = data.listing.facets.find((facet) => facet.key === "status");
  const tones = new Map(status?.values.map((value) => [value.value, value.tone]) ?? []);
  for (const row of data.rows) {
    const tone = tones.get(row.facets["status"] ?? "");
    row.flags[STALLED_FLAG] = stalledItem(tables, row.id, tone, env) !== undefined;
  }
  const flagged: RegisterListingData = {
    ...data,
    listing: {
      ...data.listing,
      flags: [
        ...data.listing.flags.filter((flag) => flag.key !== STALLED_FLAG),
        {
          key: STALLED_FLAG,
          label: `只看久未更新（超过${env.site.stalledAfterDays}天没有新进展）`,
          marker: "久未更新",
          description: `尚未办结，而最近一次进展（或其他有日期的记录）距数据截至日已超过${env.site.stalledAfterDays}天。`,
        },
      ],
    },
  };
  withFlag.set(data, flagged);
  return flagged;
}
