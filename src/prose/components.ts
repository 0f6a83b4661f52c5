import { dataTables } from "../site/tables.ts";
import { figureNames } from "../site/figures.ts";
import type { ComponentCheck } from "./check.ts";

/** What the prose components may name, checked at build time (see check.ts). */
export const proseChecks: readonly ComponentCheck[] = [
  { component: "Figure", attribute: "name", known: figureNames, what: "数字", inline: true },
  {
    component: "TableColumns",
    attribute: "table",
    known: new Set(dataTables.map((table) => table.file)),
    what: "数据表",
  },
];
