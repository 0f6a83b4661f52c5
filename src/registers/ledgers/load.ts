import type { DataContext } from "../../data/context.ts";
import { quote } from "../../data/issues.ts";
import type { Region } from "../../data/regions.ts";
import {
  PERIOD_KIND_NAMES,
  comparePeriods,
  firstMonth,
  formatPeriod,
  monthOfDate,
  periodRange,
} from "../../indicators/period.ts";
import type { Period, PeriodKind } from "../../indicators/period.ts";
import { LEDGERS_FILE, LEDGER_COUNT_COLUMNS, ledgersTable } from "./schema.ts";
import { computeLedgerStats } from "./stats.ts";
import type { LedgerStats } from "./stats.ts";
import type { LedgerEntry } from "./model.ts";

export interface LedgerData {
  /** Valid rows in file order: the open-data download. */
  entries: readonly LedgerEntry[];
  periodKind: PeriodKind | undefined;
  /** Every period from the first to the last, so a missing period shows as a gap. */
  periods: readonly Period[];
  stats: LedgerStats;
}

/**
 * Reads ledgers.csv and checks what one row cannot show: the region is a county or a
 * township of this city, no period starts after the as-of date, the file uses one period
 * form, a region × period × kind appears once, and a county's townships, summed, never
 * exceed the county's own row.
 */
export function loadLedgers(
  ctx: DataContext,
  scope: { counties: readonly Region[]; regionsByCode: ReadonlyMap<string, Region> },
): LedgerData {
  const file = ctx.displayPath(LEDGERS_FILE);
  const countyByCode = new Map(scope.counties.map((county) => [county.code, county]));
  const asOfMonth = monthOfDate(ctx.asOf);
  const entries: LedgerEntry[] = [];
  const firstLine = new Map<string, number>();
  let form: { kind: PeriodKind; line: number } | undefined;

  for (const { line, row } of ctx.read(ledgersTable)) {
    const report = (column: string, problem: string, allowed: string) =>
      ctx.report({ file, line, column, problem, allowed });
    let ok = true;
    const region = scope.regionsByCode.get(row.region_code);
    // Unknown codes are reported by the loader.
    if (!region) continue;
    const township = region.level === "乡";
    const county =
      countyByCode.get(row.region_code) ??
      (township ? countyByCode.get(region.parent ?? "") : undefined);
    if (!county) {
      // A township whose county row has a problem of its own is reported at that row.
      const countyBroken =
        township && region.parent !== undefined && !scope.regionsByCode.has(region.parent);
      if (!countyBroken) {
        report(
          "region_code",
          `${region.name}(${region.code})不是本市的县级区划或其下的乡镇、街道`,
          "regions.csv 中层级为「县」的区划,或层级为「乡」、上级是本市县级区划的区划",
        );
      }
      ok = false;
    }
    if (firstMonth(row.period) > asOfMonth) {
      report(
        "period",
        `时期 ${row.period.code} 晚于数据截至日期 ${ctx.asOf}`,
        "已经开始的时期;若数据已更新,请同时更新 site.json 的 asOf",
      );
      ok = false;
    }
    if (!form) form = { kind: row.period.kind, line };
    else if (form.kind !== row.period.kind) {
      report(
        "period",
        `第 ${form.line} 行按${PERIOD_KIND_NAMES[form.kind]}填写,这一行按${PERIOD_KIND_NAMES[row.period.kind]}`,
        "全文件的时期统一按年、按季度或按月",
      );
      ok = false;
    }
    const key = `${row.region_code}|${row.period.code}|${row.kind}`;
    const first = firstLine.get(key);
    if (first !== undefined) {
      report(
        "kind",
        `与第 ${first} 行是同一地方、同一时期、同一台账`,
        "每个地方每个时期每类台账只有一行",
      );
      ok = false;
    } else firstLine.set(key, line);
    if (!ok || !county) continue;
    entries.push({
      region,
      county,
      township,
      period: row.period,
      kind: row.kind,
      registered: row.registered,
      solved: row.solved,
      inProgress: row.in_progress,
      residentsVisited: row.residents_visited,
      satisfaction: row.satisfaction,
      source: row.source,
      sourceUrl: row.source_url,
      note: row.note,
      line,
    });
  }

  checkTownshipsWithinCounty(ctx, file, entries);

  const sorted = [...new Map(entries.map((e) => [e.period.code, e.period])).values()].sort(
    comparePeriods,
  );
  const first = sorted[0];
  const last = sorted.at(-1);
  const periods = first && last ? periodRange(first, last) : [];
  return {
    entries,
    periodKind: form?.kind,
    periods,
    stats: computeLedgerStats(entries, periods, scope.counties),
  };
}

const COLUMN_WORDS: Record<(typeof LEDGER_COUNT_COLUMNS)[number], string> = {
  registered: "登记",
  solved: "已解决",
  in_progress: "办理中",
  residents_visited: "走访人次",
};

/**
 * A county's townships are part of it: their rows for one period and ledger, added up,
 * cannot exceed the county's own row. Checked only where the county row is given (a county
 * may publish only some townships, or only its own total). Reported once per column at the
 * last township row that pushes the sum over.
 */
function checkTownshipsWithinCounty(
  ctx: DataContext,
  file: string,
  entries: readonly LedgerEntry[],
): void {
  const countyRows = new Map<string, LedgerEntry>();
  for (const entry of entries) {
    if (!entry.township)
      countyRows.set(`${entry.county.code}|${entry.period.code}|${entry.kind}`, entry);
  }
  const sums = new Map<string, Record<string, number>>();
  for (const entry of entries) {
    if (!entry.township) continue;
    const key = `${entry.county.code}|${entry.period.code}|${entry.kind}`;
    const countyRow = countyRows.get(key);
    if (!countyRow) continue;
    const sum = sums.get(key) ?? {};
    sums.set(key, sum);
    const values: Record<(typeof LEDGER_COUNT_COLUMNS)[number], number | undefined> = {
      registered: entry.registered,
      solved: entry.solved,
      in_progress: entry.inProgress,
      residents_visited: entry.residentsVisited,
    };
    const limits: typeof values = {
      registered: countyRow.registered,
      solved: countyRow.solved,
      in_progress: countyRow.inProgress,
      residents_visited: countyRow.residentsVisited,
    };
    for (const column of LEDGER_COUNT_COLUMNS) {
      const value = values[column];
      const limit = limits[column];
      if (value === undefined || limit === undefined) continue;
      const before = sum[column] ?? 0;
      sum[column] = before + value;
      if (before <= limit && before + value > limit) {
        ctx.report({
          file,
          line: entry.line,
          column,
          problem: `${entry.county.name}所辖乡镇街道${formatPeriod(entry.period)}${quote(entry.kind)}的${COLUMN_WORDS[column]}合计 ${before + value},超过${entry.county.name}本级一行(第 ${countyRow.line} 行)的 ${limit}`,
          allowed: "乡镇街道各行之和不超过所属县级区划同一时期、同一台账的数字",
        });
      }
    }
  }
}
