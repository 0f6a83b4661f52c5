import type { Region } from "../../data/regions.ts";
import { formatPeriod } from "../../indicators/period.ts";
import { memoisedListing } from "../listing.ts";
import type { ListRow, RegisterListingData } from "../listing.ts";
import type { LedgerData } from "./load.ts";
import { reportStatuses } from "./vocabulary.ts";

export const LEDGERS_BASE = "/ledgers/";

/** The anchor of a county's row on the ledgers page. */
export function countyAnchor(code: string): string {
  return `county-${code}`;
}

/** The anchor of a county's figures for one period (a cell of the by-quarter table). */
export function reportAnchor(code: string, period: string): string {
  return `county-${code}-${period}`;
}

/**
 * The ledgers as a list: one row per county and period (its report), reported or not. The
 * page shows them as tables on /ledgers/; the listing gives the kit (filter index, facet
 * counts) the same rows, so a county's missing periods can be counted like any status.
 */
export function ledgerListingData(
  data: LedgerData,
  counties: readonly Region[],
): RegisterListingData {
  return memoisedListing(data, () => {
    const rows: ListRow[] = data.stats.byCounty.flatMap((row, c) =>
      data.periods.map((period, i) => {
        const totals = row.byPeriod[i];
        const status = reportStatuses.get(totals ? "已报送" : "未报送");
        return {
          id: `${row.county.code}-${period.code}`,
          title: `${row.county.name}${formatPeriod(period)}`,
          facets: { county: row.county.code, status: status.slug, year: String(period.year) },
          values: {
            order: c * data.periods.length + i,
            registered: totals?.registered,
            solved: totals?.solved,
          },
          flags: {},
        };
      }),
    );
    const years = [...new Set(data.periods.map((period) => period.year))].sort((a, b) => b - a);
    return {
      rows,
      listing: {
        base: LEDGERS_BASE,
        pageSize: 50,
        indexPath: `${LEDGERS_BASE}filter-index.json`,
        columns: [
          { kind: "title", label: "区县与时期" },
          { kind: "facet", label: "报送", facet: "status" },
          { kind: "days", label: "登记", value: "registered" },
          { kind: "days", label: "已解决", value: "solved" },
        ],
        facets: [
          {
            key: "county",
            label: "区县",
            values: counties.map((county) => ({ value: county.code, label: county.name })),
          },
          {
            key: "status",
            label: "报送",
            values: reportStatuses.terms.map((term) => ({
              value: term.slug,
              label: term.value,
              tone: term.tone,
            })),
          },
          {
            key: "year",
            label: "年份",
            values: years.map((year) => ({ value: String(year), label: `${year}年` })),
          },
        ],
        flags: [],
        sorts: [
          { key: "county", label: "按区县，时期先后", value: "order", descending: false },
          { key: "registered", label: "登记数，多的在前", value: "registered", descending: true },
        ],
      },
    };
  });
}
