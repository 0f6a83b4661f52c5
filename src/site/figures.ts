import { defineFigures } from "../figures/registry.ts";
import type { FigureValue, NamedFigure } from "../figures/registry.ts";
import { indicatorFigures } from "../indicators/figures.ts";
import { registers } from "../registers/index.ts";
import type { Dataset } from "./dataset.ts";
import { INDICATORS_SECTION } from "./sections.ts";
import { openDataFigures, regionFigures, siteFigures } from "./site-figures.ts";

/**
 * Every figure prose may quote: the site's, each register's (under its key, from the
 * registry), the indicators'. A register's figures exist only on a site that runs it.
 */
export const figureCatalogue: readonly NamedFigure<Dataset>[] = [
  ...siteFigures,
  ...regionFigures,
  ...openDataFigures,
  ...registers.flatMap((register) =>
    defineFigures<Dataset>(
      register.key,
      Object.fromEntries(
        Object.entries(register.module.figures).map(([name, figure]) => [
          name,
          {
            doc: figure.doc,
            compute: (dataset: Dataset) => {
              const data = dataset.registerData.get(register.key);
              if (data === undefined)
                throw new Error(`figure ${register.key}.${name} on a site without the register`);
              return figure.compute({ data, env: dataset });
            },
          },
        ]),
      ),
      { section: register.key },
    ),
  ),
  ...defineFigures<Dataset>(
    "indicators",
    Object.fromEntries(
      Object.entries(indicatorFigures).map(([name, figure]) => [
        name,
        {
          doc: figure.doc,
          compute: ({ indicators }: Dataset) => {
            if (!indicators) throw new Error(`figure indicators.${name} on a site without them`);
            return figure.compute(indicators);
          },
        },
      ]),
    ),
    { section: INDICATORS_SECTION.key },
  ),
];

const byName = new Map<string, NamedFigure<Dataset>>();
for (const figure of figureCatalogue) {
  if (byName.has(figure.name)) throw new Error(`figures: "${figure.name}" is defined twice`);
  byName.set(figure.name, figure);
}

export const figureNames: ReadonlySet<string> = new Set(byName.keys());

/** Whether the site publishes the section a figure belongs to. */
export function isAvailable(dataset: Dataset, figure: NamedFigure<Dataset>): boolean {
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
