import type { Region } from "../../data/regions.ts";
import type { Period } from "../../indicators/period.ts";
import type { LedgerEntry } from "./model.ts";
import { ledgerKinds } from "./vocabulary.ts";
import type { LedgerKind } from "./vocabulary.ts";

/**
 * The solve rate, as the page states it. Counted from county rows only: township rows are
 * detail inside their county's figures, so adding them would count a problem twice.
 */
export const SOLVE_RATE_RULE =
  "解决率 = 已解决的问题数 ÷ 登记入账的问题数。只用县级区划本级一行的数字（乡镇、街道各行是其中的明细，不再相加）；办理中的不算解决；登记数为 0 时不计算。";

export interface LedgerTotals {
  registered: number;
  solved: number;
  inProgress: number;
  /** Sum over the rows that counted visits; undefined when none did. */
  residentsVisited: number | undefined;
  /** solved / registered, 0–1; undefined when nothing was registered. */
  solveRate: number | undefined;
  /** Rows added up. */
  rows: number;
}

export interface LedgerCountyRow {
  county: Region;
  /** Over every period and ledger, county rows only. */
  totals: LedgerTotals;
  /** Per period, county rows only, in the periods' order; undefined where nothing was reported. */
  byPeriod: (LedgerTotals | undefined)[];
  /** The county's own rows of the latest period, by ledger. */
  latest: ReadonlyMap<LedgerKind, LedgerEntry>;
  /** Township rows of this county, in file order. */
  townships: readonly LedgerEntry[];
}

export interface LedgerPeriodRow {
  period: Period;
  /** The city: the sum of the county rows reported for the period. */
  totals: LedgerTotals;
  /** Counties with at least one row for the period. */
  countiesReporting: number;
}

export interface LedgerStats {
  /** County rows over the whole file. */
  total: LedgerTotals;
  byCounty: LedgerCountyRow[];
  byPeriod: LedgerPeriodRow[];
  byKind: { kind: LedgerKind; totals: LedgerTotals }[];
  latestPeriod: Period | undefined;
  townshipRows: number;
}

export function ledgerTotals(entries: readonly LedgerEntry[]): LedgerTotals {
  let registered = 0;
  let solved = 0;
  let inProgress = 0;
  let visited: number | undefined;
  for (const entry of entries) {
    registered += entry.registered;
    solved += entry.solved;
    inProgress += entry.inProgress;
    if (entry.residentsVisited !== undefined) visited = (visited ?? 0) + entry.residentsVisited;
  }
  return {
    registered,
    solved,
    inProgress,
    residentsVisited: visited,
    solveRate: registered === 0 ? undefined : solved / registered,
    rows: entries.length,
  };
}

export function computeLedgerStats(
  entries: readonly LedgerEntry[],
  periods: readonly Period[],
  counties: readonly Region[],
): LedgerStats {
  const countyEntries = entries.filter((entry) => !entry.township);
  const latestPeriod = periods.at(-1);
  const byCounty = counties.map((county): LedgerCountyRow => {
    const own = countyEntries.filter((entry) => entry.county.code === county.code);
    return {
      county,
      totals: ledgerTotals(own),
      byPeriod: periods.map((period) => {
        const rows = own.filter((entry) => entry.period.code === period.code);
        return rows.length === 0 ? undefined : ledgerTotals(rows);
      }),
      latest: new Map(
        own
          .filter((entry) => entry.period.code === latestPeriod?.code)
          .map((entry) => [entry.kind, entry]),
      ),
      townships: entries.filter((entry) => entry.township && entry.county.code === county.code),
    };
  });
  return {
    total: ledgerTotals(countyEntries),
    byCounty,
    byPeriod: periods.map((period) => {
      const rows = countyEntries.filter((entry) => entry.period.code === period.code);
      return {
        period,
        totals: ledgerTotals(rows),
        countiesReporting: new Set(rows.map((entry) => entry.county.code)).size,
      };
    }),
    byKind: ledgerKinds.values.map((kind) => ({
      kind,
      totals: ledgerTotals(countyEntries.filter((entry) => entry.kind === kind)),
    })),
    latestPeriod,
    townshipRows: entries.length - countyEntries.length,
  };
}
