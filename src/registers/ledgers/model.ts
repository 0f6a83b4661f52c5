import type { Region } from "../../data/regions.ts";
import type { Period } from "../../indicators/period.ts";
import type { LedgerKind } from "./vocabulary.ts";

/** One row of ledgers.csv, resolved. */
export interface LedgerEntry {
  region: Region;
  /** The county the figures belong to: the region itself, or a township's county. */
  county: Region;
  township: boolean;
  period: Period;
  kind: LedgerKind;
  registered: number;
  solved: number;
  inProgress: number;
  /** undefined: not counted (never 0). */
  residentsVisited: number | undefined;
  /** 0–100; undefined: not surveyed. */
  satisfaction: number | undefined;
  source: string;
  sourceUrl: string | undefined;
  note: string | undefined;
  line: number;
}
