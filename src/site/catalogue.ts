import { regionsTable } from "../data/regions.ts";
import {
  indicatorSourcesTable,
  indicatorsTable,
  indicatorValuesTable,
} from "../indicators/schema.ts";
import { periodsSpan } from "../indicators/period.ts";
import { publishTable } from "../open-data/published-table.ts";
import type { PublishedTable } from "../open-data/published-table.ts";
import { registers } from "../registers/index.ts";
import type { Dataset } from "./dataset.ts";

/**
 * Every dataset the site publishes, in the order the /data/ page lists them: regions, each
 * running register's tables (its `openData`: for a register with personal data, its public
 * projection only), the indicators. The files, the data package, the /data/ page and the
 * tests all follow from this list. A section the site does not run publishes nothing.
 */
export function publishedTables(dataset: Dataset): PublishedTable[] {
  const { indicators } = dataset;
  return [
    publishTable({
      name: "regions",
      title: regionsTable.title,
      description: `本站覆盖的行政区划:${dataset.jurisdiction.name}及所辖县级区划,按 GB/T 2260 代码。其他数据集中的区划代码列都指向这里。`,
      spec: regionsTable,
      rows: dataset.regionsByCode.values(),
    }),
    ...registers.flatMap((register) => {
      const data = dataset.registerData.get(register.key);
      return data === undefined ? [] : register.module.openData(data, dataset);
    }),
    ...(indicators === undefined
      ? []
      : [
          publishTable({
            name: "indicators",
            title: indicatorsTable.title,
            description:
              "公开发布的工作指标:名称、分组、单位、方向、目标、定义与口径,以及出处。比率指标注明分子和分母指标。",
            spec: indicatorsTable,
            rows: indicators.rows.indicators,
            recordPath: (record) => `/indicators/${String(record["id"])}/`,
          }),
          publishTable({
            name: "indicator-values",
            title: indicatorValuesTable.title,
            description:
              "各指标逐期的数值,按行政区划。数值留空表示没有数据,不是 0;限定词保留出处的说法(如「余」「以上」)。全市合计与比率等派生值不在此表,见各指标页的下载。",
            spec: indicatorValuesTable,
            rows: indicators.rows.values,
            encode: { period: (period) => period.code },
            // Its time is in periods (2021-Q1), not date columns.
            temporalCoverage: periodsSpan(indicators.rows.values.map((row) => row.period)),
          }),
          publishTable({
            name: "indicator-sources",
            title: indicatorSourcesTable.title,
            description:
              "指标和数值的出处:发布者、标题、日期与网址。类型为「示例数据」的出处,其数值是演示用的虚构数字。",
            spec: indicatorSourcesTable,
            rows: indicators.sources,
          }),
        ]),
  ];
}

const cache = new WeakMap<Dataset, PublishedTable[]>();

/** The catalogue, built once per dataset (several routes read it). */
export function getPublishedTables(dataset: Dataset): PublishedTable[] {
  let tables = cache.get(dataset);
  if (!tables) {
    tables = publishedTables(dataset);
    cache.set(dataset, tables);
  }
  return tables;
}
