import type { Dataset } from "../data/dataset.ts";
import type { FigureValue, NamedFigure } from "./registry.ts";
import { openDataFigures, regionFigures, siteFigures } from "./site-figures.ts";
import { indicatorFigures } from "../indicators/figures.ts";
import { exposureFigures } from "../registers/exposures/figures.ts";
import { letterFigures } from "../registers/letters/figures.ts";

/** Every figure prose may quote. A register adds its `defineFigures(…)` list here. */
export const figureCatalogue: readonly NamedFigure[] = [
  ...siteFigures,
  ...regionFigures,
  ...openDataFigures,
  ...exposureFigures,
  ...letterFigures,
  ...indicatorFigures,
];

const byName = new Map<string, NamedFigure>();
for (const figure of figureCatalogue) {
  if (byName.has(figure.name)) throw new Error(`figures: "${figure.name}" is defined twice`);
  byName.set(figure.name, figure);
}

export const figureNames: ReadonlySet<string> = new Set(byName.keys());

export function findFigure(name: string): NamedFigure | undefined {
  return byName.get(name);
}

/** Whether the site publishes the section a figure belongs to. */
export function isAvailable(dataset: Dataset, figure: NamedFigure): boolean {
  return figure.section === undefined || dataset.site.sections.includes(figure.section);
}

const values = new WeakMap<Dataset, Map<string, FigureValue>>();

/** A figure's value for this dataset, computed once per build. */
export function figureValue(dataset: Dataset, name: string): FigureValue {
  const figure = byName.get(name);
  if (!figure) throw new Error(`没有名为「${name}」的数字(可用:${[...figureNames].join("、")})`);
  if (!isAvailable(dataset, figure)) {
    throw new Error(
      `数字「${name}」属于本站未开设的板块 ${figure.section}(site.json 的 sections 未列出),不能引用`,
    );
  }
  let computed = values.get(dataset);
  if (!computed) {
    computed = new Map();
    values.set(dataset, computed);
  }
  let value = computed.get(name);
  if (!value) {
    value = figure.compute(dataset);
    computed.set(name, value);
  }
  return value;
}
