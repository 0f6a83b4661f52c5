import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import type { Columns } from "../../../src/data/fields.ts";
import { columnEntries } from "../../../src/data/table.ts";
import type { TableSpec } from "../../../src/data/table.ts";
import {
  indicatorSourcesTable,
  indicatorValuesTable,
  indicatorsTable,
} from "../../../src/indicators/schema.ts";
import type { Direction } from "../../../src/indicators/schema.ts";
import { Draw, writeTable } from "../../../src/bench/random.ts";
import type { CsvRow, WrittenFile } from "../../../src/bench/random.ts";

/**
 * Indicators for the benchmark: the demo city's own indicator files (十零 board, published
 * figures, a rate), plus synthetic monthly county indicators, one per 200 items, so a
 * province-sized site has a board of hundreds of indicators with charts. Each synthetic
 * indicator has a value per county per month for three years, a few months missing.
 */
export const ITEMS_PER_INDICATOR = 200;
const MONTHS = 36;
const LAST = { year: 2026, month: 10 };
const SOURCE_ID = "gongshi-bench-sample";

const NAMES = [
  "12345热线工单量",
  "信访事项受理量",
  "群众来信办结量",
  "道路积水点数",
  "空气质量超标天数",
  "河流断面超标次数",
  "食品抽检不合格批次",
  "农村公路塌方处",
  "安全隐患整改项",
  "政务服务好差评差评数",
];
const GROUPS = ["民生服务", "生态环境", "安全生产", "政务服务"];
const DIRECTIONS: readonly Direction[] = ["越低越好", "越高越好", "不评优劣"];

export function generateIndicators(
  items: number,
  dataDir: string,
  counties: readonly string[],
): WrittenFile[] {
  const draw = new Draw(20261031);
  const count = Math.max(1, Math.round(items / ITEMS_PER_INDICATOR));
  const files: WrittenFile[] = [];

  const sources: CsvRow<typeof indicatorSourcesTable.columns>[] = [
    {
      id: SOURCE_ID,
      kind: "示例数据",
      title: "基准测试生成的虚构指标数值",
      note: "npm run bench 生成,只用于测量构建规模,不代表任何地方的真实情况。",
    },
  ];
  const indicators: CsvRow<typeof indicatorsTable.columns>[] = [];
  const values: CsvRow<typeof indicatorValuesTable.columns>[] = [];
  for (let n = 1; n <= count; n++) {
    const id = `bench-indicator-${String(n).padStart(4, "0")}`;
    const base = draw.int(0, 40);
    indicators.push({
      id,
      name: `${NAMES[(n - 1) % NAMES.length] ?? "指标"}(第${n}项)`,
      group: GROUPS[(n - 1) % GROUPS.length] ?? "其他",
      unit: "件",
      direction: draw.pick(DIRECTIONS),
      definition: "当月各县区统计的件数,由基准测试按固定种子生成。",
      method_notes: "全市数为各县区之和;任一县区当月没有数据时,全市当月记为无数据。",
      source: SOURCE_ID,
      city_total: "是",
    });
    for (const county of counties) {
      for (let i = 0; i < MONTHS; i++) {
        const index = LAST.year * 12 + LAST.month - 1 - (MONTHS - 1 - i);
        const period = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
        const gap = draw.chance(0.01);
        values.push({
          indicator_id: id,
          region_code: county,
          period,
          value: gap ? "" : String(base + draw.int(0, 20)),
          source: SOURCE_ID,
          note: gap ? "示例:当月未报送" : "",
        });
      }
    }
  }
  // The demo city's indicator rows come first, as committed (they are valid already).
  files.push(appendTable(dataDir, indicatorSourcesTable, sources));
  files.push(appendTable(dataDir, indicatorsTable, indicators));
  files.push(appendTable(dataDir, indicatorValuesTable, values));
  return files;
}

/** The demo file's rows followed by the generated ones, under the schema's header. */
function appendTable<C extends Columns>(
  dataDir: string,
  spec: TableSpec<C>,
  rows: readonly CsvRow<C>[],
): WrittenFile {
  const parsed = Papa.parse<Record<string, string>>(
    readFileSync(join("data", spec.file), "utf8").replace(/^\uFEFF/, ""),
    { header: true, skipEmptyLines: true },
  );
  const known = new Set(columnEntries(spec.columns).map(([name]) => name));
  const unknown = (parsed.meta.fields ?? []).filter((name) => !known.has(name));
  if (parsed.errors.length > 0 || unknown.length > 0) {
    throw new Error(
      `data/${spec.file}: cannot extend it (${parsed.errors[0]?.message ?? `columns not in the schema: ${unknown.join(", ")}`})`,
    );
  }
  return writeTable(dataDir, spec, [...(parsed.data as CsvRow<C>[]), ...rows]);
}
