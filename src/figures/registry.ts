import type { Dataset } from "../data/dataset.ts";
import { formatChineseDate } from "../data/dates.ts";
import type { IsoDate } from "../data/dates.ts";
import type { Section } from "../data/site-config.ts";

/**
 * Named figures: numbers and dates that prose quotes from the data. An MDX page writes
 * `<Figure name="regions.countyCount" />` instead of typing 11, so the text can never
 * disagree with the data it describes. Each register (and the site itself) defines its
 * figures with `defineFigures`; `catalogue.ts` lists them all, and a page naming a figure
 * that is not there fails the build with the file and line (see `mdx-check.ts`).
 */

/** What a figure evaluates to; the type decides how it reads in running text. */
export type FigureValue =
  /** A count of things: `11`. */
  | { type: "count"; value: number }
  /** A share from 0 to 1, shown as a percentage; undefined when there is nothing to divide by. */
  | { type: "rate"; value: number | undefined }
  | { type: "date"; value: IsoDate }
  | { type: "text"; value: string };

export interface FigureDefinition {
  /** What the figure is, in one line an editor understands (listed in the editor guide). */
  doc: string;
  /** Computes the figure from the validated data. Derivations belong to the data modules. */
  compute: (dataset: Dataset) => FigureValue;
  /** The site section the figure needs; on a site without it the figure does not exist. */
  section?: Section;
}

export interface NamedFigure extends FigureDefinition {
  /** `<namespace>.<key>`, e.g. `exposures.onTimeRate`. A contract with every MDX page. */
  name: string;
}

const KEY = /^[a-z][A-Za-z0-9]*$/;

/**
 * Declares a namespace's figures: `defineFigures("regions", { countyCount: {…} })` makes
 * `regions.countyCount`. Names are checked here, at start-up, so a typo in a definition
 * fails before any page is built. A register's figures name its section, so a city that
 * does not run the register cannot quote them.
 */
export function defineFigures(
  namespace: string,
  figures: Record<string, FigureDefinition>,
  options: { section?: Section } = {},
): NamedFigure[] {
  if (!KEY.test(namespace))
    throw new Error(`figures: namespace "${namespace}" must be camelCase ASCII`);
  return Object.entries(figures).map(([key, definition]) => {
    if (!KEY.test(key)) throw new Error(`figures: "${namespace}.${key}" must be camelCase ASCII`);
    const figure: NamedFigure = { name: `${namespace}.${key}`, ...definition };
    if (options.section !== undefined) figure.section = options.section;
    return figure;
  });
}

/**
 * `12345` → `12,345`: thousands grouped with commas, as Chinese official statistics print
 * counts. Written out rather than left to `Intl`, whose output depends on the ICU data of
 * the Node that builds the site.
 */
export function formatCount(count: number): string {
  const [whole = "", fraction] = String(Math.abs(count)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ",");
  return `${count < 0 ? "-" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/** How a figure reads in running Chinese text. */
export function formatFigure(figure: FigureValue): string {
  switch (figure.type) {
    case "count":
      return formatCount(figure.value);
    case "rate":
      return figure.value === undefined ? "暂无数据" : formatPercent(figure.value);
    case "date":
      return formatChineseDate(figure.value);
    case "text":
      return figure.value;
  }
}

/** `0.875` → `87.5%`, `1` → `100%`: one decimal, dropped when it is zero. */
export function formatPercent(share: number): string {
  const percent = Math.round(share * 1000) / 10;
  return `${Number.isInteger(percent) ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

/** The machine-readable value for `<data value>` / `<time datetime>`. */
export function machineValue(figure: FigureValue): string | undefined {
  if (figure.type === "text") return undefined;
  if (figure.type === "rate" && figure.value === undefined) return undefined;
  return String(figure.value);
}
