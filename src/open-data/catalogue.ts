import type { Dataset } from "../data/dataset.ts";
import { regionsTable } from "../data/regions.ts";
import { publishTable } from "./published-table.ts";
import type { PublishedTable } from "./published-table.ts";

/**
 * Every dataset the site publishes, in the order the /data/ page lists them. A register
 * adds its tables here (public projections only for registers with personal data); the
 * files, the data package, the /data/ page and the tests all follow from this list.
 */
export function publishedTables(dataset: Dataset): PublishedTable[] {
  return [
    publishTable({
      name: "regions",
      title: regionsTable.title,
      description: `本站覆盖的行政区划:${dataset.jurisdiction.name}及所辖县级区划,按 GB/T 2260 代码。其他数据集中的区划代码列都指向这里。`,
      spec: regionsTable,
      rows: dataset.regionsByCode.values(),
    }),
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
