import { formatCount, percentOf } from "../../format/numbers.ts";
import { formatPeriod } from "../../indicators/period.ts";
import { defineRegister } from "../module.ts";
import { ledgerFigures } from "./figures.ts";
import { loadLedgers } from "./load.ts";
import { LEDGERS_BASE, countyAnchor, ledgerListingData } from "./listing.ts";
import { ledgerFeedSource, ledgerTables } from "./open-data.ts";
import { LEDGERS_TITLE, ledgersTable } from "./schema.ts";
import { reportStatuses } from "./vocabulary.ts";

/** 民情台账: aggregates of residents' problems registered and solved, per county and period. */
export const ledgers = defineRegister({
  key: "ledgers",
  title: LEDGERS_TITLE,
  base: LEDGERS_BASE,
  noun: "期汇总",
  // Aggregates, not matters: what changes is whether a county's figures for a period are in.
  statuses: reportStatuses,
  tables: [ledgersTable],
  load: (ctx, env) => loadLedgers(ctx, env),
  facetLinks: ["county"],
  // The county's rows of the one ledger page: there are no per-county list pages.
  countyPage: (code) => `${LEDGERS_BASE}#${countyAnchor(code)}`,
  primaryDataset: "ledgers",
  // Totals per county and period: no item pages, so no item downloads.
  itemBase: false,
  listing: (data, { counties }) => ledgerListingData(data, counties),
  openData: (data) => ledgerTables(data),
  feeds: (data, { site }) => ledgerFeedSource(data, site.asOf),
  figures: ledgerFigures,
  headline: ({ stats, periods }, { site }) => {
    const first = periods[0];
    const last = periods.at(-1);
    const span = first && last ? `${formatPeriod(first)}至${formatPeriod(last)}，` : "";
    return {
      summary: `村（社区）民情台账登记的群众问题和解决情况，按区县汇总${site.sample ? "（示例数据）" : ""}。`,
      figures: [
        {
          label: `个问题登记入账（${span}县级汇总）`,
          value: formatCount(stats.total.registered),
          href: LEDGERS_BASE,
        },
        {
          label: `解决率（已解决${formatCount(stats.total.solved)}个）`,
          value: percentOf(stats.total.solved, stats.total.registered),
          href: LEDGERS_BASE,
        },
      ],
      links: [{ href: LEDGERS_BASE, label: "各区县台账汇总与解决率" }],
    };
  },
});
