import { formatChineseDate } from "../data/dates.ts";
import { formatCount, formatShare } from "../format/numbers.ts";
import type { IsoDate } from "../data/dates.ts";

/**
 * Named figures: numbers and dates that prose quotes from the data. An MDX page writes
 * `<Figure name="regions.countyCount" />` instead of typing 11, so the text can never
 * disagree with the data it describes. Each register (and the site itself) defines its
 * figures with `defineFigures`; `catalogue.ts` lists them all, and a page naming a figure
 * that is not there fails the build with the file and line (see src/prose/check.ts).
 */

/** What a figure evaluates to; the type decides how it reads in running text. */
export type FigureValue =
  /** A count of things: `11`. */
  | { type: "count"; value: number }
  /** A share from 0 to 1, shown as a percentage; undefined when there is nothing to divide by. */
  | { type: "rate"; value: number | undefined }
  | { type: "date"; value: IsoDate }
  | { type: "text"; value: string };

/** A figure, computed from `Source` (a register's data, the indicators, the whole site). */
export interface FigureDefinition<Source> {
  /** What the figure is, in one line an editor understands (listed in the editor guide). */
  doc: string;
  /** Computes the figure from the validated data. Derivations belong to the data modules. */
  compute: (source: Source) => FigureValue;
  /** The site section the figure needs; on a site without it the figure does not exist. */
  section?: string;
}

export interface NamedFigure<Source> extends FigureDefinition<Source> {
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
export function defineFigures<Source>(
  namespace: string,
  figures: Readonly<Record<string, FigureDefinition<Source>>>,
  options: { section?: string } = {},
): NamedFigure<Source>[] {
  if (!KEY.test(namespace))
    throw new Error(`figures: namespace "${namespace}" must be camelCase ASCII`);
  return Object.entries(figures).map(([key, definition]) => {
    if (!KEY.test(key)) throw new Error(`figures: "${namespace}.${key}" must be camelCase ASCII`);
    const figure: NamedFigure<Source> = { name: `${namespace}.${key}`, ...definition };
    if (options.section !== undefined) figure.section = options.section;
    return figure;
  });
}

/** How a figure reads in running Chinese text. */
export function formatFigure(figure: FigureValue): string {
  switch (figure.type) {
    case "count":
      return formatCount(figure.value);
    case "rate":
      return figure.value === undefined ? "暂无数据" : formatShare(figure.value);
    case "date":
      return formatChineseDate(figure.value);
    case "text":
      return figure.value;
  }
}

/** The machine-readable value for `<data value>` / `<time datetime>`. */
export function machineValue(figure: FigureValue): string | undefined {
  if (figure.type === "text") return undefined;
  if (figure.type === "rate" && figure.value === undefined) return undefined;
  return String(figure.value);
}
