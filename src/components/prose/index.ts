import Figure from "./Figure.astro";
import FigureList from "./FigureList.astro";
import TableColumns from "./TableColumns.astro";

/**
 * Components MDX prose can use without importing them. Pages that render MDX pass these:
 * `<Content components={proseComponents} />`. Names and attributes are checked when the
 * MDX is compiled (src/prose/components.ts).
 */
export const proseComponents = { Figure, FigureList, TableColumns };
