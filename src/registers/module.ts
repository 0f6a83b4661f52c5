import type { WrittenFile } from "../bench/random.ts";
import type { SynthesisScope } from "../bench/scope.ts";
import type { DataContext } from "../data/context.ts";
import type { IsoDate } from "../data/dates.ts";
import type { Region } from "../data/regions.ts";
import type { SiteConfig } from "../data/site-config.ts";
import type { TableDescription } from "../data/tables.ts";
import type { FigureDefinition } from "../figures/registry.ts";
import type { Cells } from "../history/records.ts";
import type { RegisterFeedSource } from "../open-data/register-feeds.ts";
import type { PublishedTable } from "../open-data/published-table.ts";
import type { RegisterListingData } from "./listing.ts";
import { withStalledFlag } from "./stalled.ts";
import type { StatusVocabulary } from "./vocabulary.ts";

/**
 * What a register's code receives about the site it is built into: the configuration and the
 * regions, already read and checked by the data path.
 */
export interface RegisterEnvironment {
  site: SiteConfig;
  /** The jurisdiction's own row of regions.csv. */
  jurisdiction: Region;
  /** County-level divisions in the editors' order. */
  counties: readonly Region[];
  regionsByCode: ReadonlyMap<string, Region>;
  /**
   * The newest date of something that happened (not a deadline) in a record's rows of a data
   * file: an item's own dates in its file, its events' in its timeline (src/data/context.ts).
   */
  latestDate: (file: string, id: string) => IsoDate | undefined;
}

/** One figure on the home page's card for a register. */
export interface HeadlineFigure {
  label: string;
  /** Already formatted (src/format/). */
  value: string;
  /** A list that shows the items counted, when there is one. */
  href?: string;
  /** Draws the reader's eye (overdue and unanswered counts). */
  alert?: boolean;
}

/** A register's card on the home page. */
export interface RegisterHeadline {
  /** One sentence on what the register tracks. */
  summary: string;
  figures: readonly HeadlineFigure[];
  /** Further links under the card (statistics, downloads). */
  links: readonly { href: string; label: string }[];
}

/**
 * A register (台账) as the site composes it: everything the collectors (data loading, editor
 * guide, downloads, data package, feeds, prose figures, navigation, home page) need, in one
 * object per register. A register is its folder under `src/registers/<key>/` plus one line in
 * `src/registers/index.ts`; nothing else in the code names it. Pages are thin route files under
 * `src/pages/<key>/` built from the shared components in `src/components/register/`.
 *
 * `Data` is what `load` returns: the register's validated, derived records and statistics.
 */
export interface RegisterModule<Data> {
  /**
   * Section key in `site.json` `sections`, URL segment (`/<key>/`), feed folder and figure
   * namespace. Never change it once published.
   */
  key: string;
  /** The register's name as readers know it, e.g. 环保曝光台. */
  title: string;
  /** Site path of the register's list page, e.g. `/exposures/`. */
  base: string;
  /** What one item is called in running text, e.g. 问题, 来信. */
  noun: string;
  /** The statuses an item moves through (legend, badges, facets). */
  statuses: StatusVocabulary<string>;
  /** The files editors maintain for this register, in the order the editor guide shows them. */
  tables: readonly TableDescription[];
  /**
   * The file whose rows are the register's items (those with pages), when it is not the first
   * of `tables` with a key (e.g. 阳光问廉 lists its episodes first and its problems are the items).
   */
  itemsFile?: string;
  /**
   * Reads, checks and derives the register's records through the one data path. Reports
   * problems on `ctx` (never throws for bad data). Called only when the site runs the section,
   * so a city without it needs none of its files.
   */
  load: (ctx: DataContext, env: RegisterEnvironment) => Data;
  /** Facets whose values list pages link to, in this order (e.g. county, status). */
  facetLinks: readonly string[];
  /**
   * Where one county's part of the register is, for the county pages (/counties/<code>/);
   * without it, the list's county facet page (`<base>county/<code>/`).
   */
  countyPage?: (countyCode: string) => string;
  /** Name of the register's main published dataset (`/data/<name>.csv`), linked from lists. */
  primaryDataset: string;
  /**
   * Where each item's page and its JSON download live (`<itemBase><id>/`, `<itemBase><id>.json`)
   * when not under `base` (阳光问廉's problems: `/hearings/problems/`); `false` for a register
   * whose rows have no pages of their own (民情台账's totals). The downloads are written after
   * the pages, for every register (src/integrations/item-downloads.ts).
   */
  itemBase?: string | false;
  /** How the register is listed, filtered and sorted, with every row (memoised per data). */
  listing: (data: Data, env: RegisterEnvironment) => RegisterListingData;
  /**
   * Name of the dataset holding the items' timelines (rows with `item_id`), if the register
   * publishes one; an item's JSON carries its rows.
   */
  timelineDataset?: string;
  /** The register's published datasets (public projections only), in /data/ order. */
  openData: (data: Data, env: RegisterEnvironment) => PublishedTable[];
  /** The register's feeds: items as they change, per county, and chosen kinds of events. */
  feeds: (data: Data, env: RegisterEnvironment) => RegisterFeedSource;
  /** Figures prose may quote as `<Figure name="<key>.<name>" />`. */
  figures: Readonly<Record<string, FigureDefinition<RegisterFigureSource<Data>>>>;
  /** The register's card on the home page. */
  headline: (data: Data, env: RegisterEnvironment) => RegisterHeadline;
  /**
   * What the change history (修改记录, src/history/) may show, for a register whose files are
   * not public in full. Without it every column of the register's files is public, as in its
   * downloads.
   */
  history?: RegisterHistoryRules;
  /**
   * Deterministic synthetic data for the benchmark (`npm run bench`): `weight` is the register's
   * share of the items relative to the others'; `generate` writes its files under `scope.dataDir`.
   */
  synthetic?: {
    weight: number;
    generate: (items: number, scope: SynthesisScope) => WrittenFile[];
  };
}

/**
 * History's privacy rules for a register: the columns readers may ever see, and which of them
 * one version of a row may show (e.g. a letter's text only with its writer's consent).
 */
export interface RegisterHistoryRules {
  /** The columns of a file that history may show; the rest are never read into it. */
  publicColumns: (file: string) => readonly string[];
  /**
   * Of those, the ones one version of a row may show, given the record's current row
   * (undefined once it has left the data). A column is shown only where every version
   * involved allows it.
   */
  visible?: (
    file: string,
    version: Cells,
    current: Cells | undefined,
  ) => (column: string) => boolean;
  /** Columns `visible` reads besides the public ones (consent flags). */
  contextColumns?: (file: string) => readonly string[];
}

/** What a register's figures compute from: its data and the environment. */
export interface RegisterFigureSource<Data> {
  data: Data;
  env: RegisterEnvironment;
}

/**
 * A register module with its data type erased, for collectors that only pass the data from
 * `load` back to the same module's functions. `defineRegister` is the only way to make one, so
 * the pairing of data and module is checked where the module is written.
 */
export interface AnyRegister {
  readonly key: string;
  readonly title: string;
  readonly base: string;
  readonly noun: string;
  readonly tables: readonly TableDescription[];
  readonly module: RegisterModule<unknown>;
}

/**
 * Declares a register. The returned object carries the typed module (for the register's own
 * pages) and erases its data type for the registry.
 */
export function defineRegister<Data>(
  module: RegisterModule<Data>,
): AnyRegister & { typed: RegisterModule<Data> } {
  // What the kit adds to every register's listing: the stalled flag (久未更新).
  const kitted: RegisterModule<Data> = {
    ...module,
    listing: (data, env) => withStalledFlag(module.listing(data, env), module.tables, env),
  };
  return {
    key: module.key,
    title: module.title,
    base: module.base,
    noun: module.noun,
    tables: module.tables,
    // Sound: every function of `module` receives only the value its own `load` returned
    // (src/site/dataset.ts stores it under this module and hands it back to this module).
    module: kitted as unknown as RegisterModule<unknown>,
    typed: kitted,
  };
}
