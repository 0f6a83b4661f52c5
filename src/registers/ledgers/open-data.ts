import { formatPeriod, lastMonth } from "../../indicators/period.ts";
import { formatCount, percentOf } from "../../format/numbers.ts";
import { publishTable } from "../../open-data/published-table.ts";
import type { PublishedTable } from "../../open-data/published-table.ts";
import type { RegisterFeedSource } from "../../open-data/register-feeds.ts";
import type { LedgerData } from "./load.ts";
import { LEDGERS_BASE, reportAnchor } from "./listing.ts";
import { LEDGERS_TITLE, ledgersTable } from "./schema.ts";
import type { LedgerRow } from "./schema.ts";

/** ledgers.csv as editors wrote it, in file order. */
export function ledgerTables(data: LedgerData): PublishedTable[] {
  return [
    publishTable({
      name: "ledgers",
      title: ledgersTable.title,
      description:
        "民情台账按区县（部分乡镇、街道）、时期和台账类别的汇总：登记的问题数、已解决、办理中、走访人次和满意度。只有汇总数字，不含任何住户或个人。",
      spec: ledgersTable,
      rows: data.entries.map((entry): LedgerRow => ({
        region_code: entry.region.code,
        period: entry.period,
        kind: entry.kind,
        registered: entry.registered,
        solved: entry.solved,
        in_progress: entry.inProgress,
        residents_visited: entry.residentsVisited,
        satisfaction: entry.satisfaction,
        source: entry.source,
        source_url: entry.sourceUrl,
        note: entry.note,
      })),
      encode: { period: (period) => period.code },
    }),
  ];
}

/** The last day of a period, as an ISO date. */
function periodEnd(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The ledgers have no items that change; what is new is a county's figures for a period.
 * Each county-period is one feed entry, dated the period's last day (or the as-of date for
 * a period still running), pointing at its cell of the by-quarter table on the page.
 */
export function ledgerFeedSource(data: LedgerData, asOf: string): RegisterFeedSource {
  return {
    key: "ledgers",
    title: LEDGERS_TITLE,
    noun: "期汇总",
    listPath: LEDGERS_BASE,
    // One page holds every county's figures, so each county's feed is announced there.
    countyPath: () => LEDGERS_BASE,
    items: data.stats.byCounty.flatMap((row) =>
      data.periods.flatMap((period, i) => {
        const totals = row.byPeriod[i];
        if (!totals) return [];
        const end = periodEnd(lastMonth(period));
        return [
          {
            id: `${row.county.code}-${period.code}`,
            title: `${row.county.name}${formatPeriod(period)}民情台账`,
            path: `${LEDGERS_BASE}#${reportAnchor(row.county.code, period.code)}`,
            county: row.county,
            openedOn: end < asOf ? end : asOf,
            status: `登记 ${formatCount(totals.registered)} 个，已解决 ${formatCount(totals.solved)} 个，解决率 ${percentOf(totals.solved, totals.registered)}`,
            events: [],
          },
        ];
      }),
    ),
  };
}
