import type { DataContext } from "../data/context.ts";
import { quote } from "../data/issues.ts";
import type { Region } from "../data/regions.ts";
import { rateAgrees } from "../data/plausibility.ts";
import type { SiteConfig } from "../data/site-config.ts";
import { RATE_DECIMALS, fillPeriods, noData, roundTo, sumCounties, zeroStatus } from "./derive.ts";
import type {
  Indicator,
  IndicatorData,
  IndicatorFigures,
  IndicatorGroup,
  IndicatorSource,
  Observation,
  Series,
} from "./model.ts";
import { PERIOD_KIND_NAMES, comparePeriods, periodRange } from "./period.ts";
import type { Period } from "./period.ts";
import {
  INDICATORS_FILE,
  SOURCES_FILE,
  VALUES_FILE,
  indicatorSourcesTable,
  indicatorValuesTable,
  indicatorsTable,
} from "./schema.ts";
import type { IndicatorValueRow } from "./schema.ts";

/** What the indicators are checked against: the site and its own regions. */
export interface IndicatorScope {
  site: SiteConfig;
  counties: readonly Region[];
  regionsByCode: ReadonlyMap<string, Region>;
}

/**
 * Where a value is. Figures about the jurisdiction carry a region code checked against
 * regions.csv; figures a source publishes about another place (昆明, 贡井区, 四川省) belong
 * to an indicator whose `place` names it, and their region code stays empty. That keeps
 * regions.csv the city's own list (a second city's site inherits no foreign regions), keeps
 * every region code strictly checked, and means a figure from elsewhere can never be drawn
 * as if it were one of the city's counties. `OTHER_PLACE` is that empty code as a map key.
 */
const OTHER_PLACE = "";

interface LocatedValue {
  line: number;
  row: IndicatorValueRow;
  source: IndicatorSource;
  /** The value as written, so a stated rate is checked at the precision written (35.0). */
  written: string | undefined;
}

/**
 * Reads indicator-sources.csv, indicators.csv and indicator-values.csv through the data
 * path, checks what spans them (places, duplicate periods, one period kind and one kind of
 * source per indicator, rates against their counts) and derives the figures pages show.
 */
export function readIndicators(ctx: DataContext, scope: IndicatorScope): IndicatorData {
  const { site } = scope;
  const jurisdictionCode = site.jurisdiction.code;
  const sourcesFile = ctx.displayPath(SOURCES_FILE);
  const indicatorsFile = ctx.displayPath(INDICATORS_FILE);
  const valuesFile = ctx.displayPath(VALUES_FILE);

  const sources = new Map<string, IndicatorSource>();
  for (const { line, row } of ctx.read(indicatorSourcesTable)) {
    const isSample = row.kind === "示例数据";
    if (isSample && !site.sample) {
      ctx.report({
        file: sourcesFile,
        line,
        column: "kind",
        problem: "site.json 的 sample 为 false(正式站),不能有示例数据出处",
        allowed: "正式站只发布有出处的真实数字;演示站把 sample 设为 true",
      });
    }
    sources.set(row.id, { ...row, isSample });
  }

  const indicatorRows = ctx.read(indicatorsTable);
  const indicators = new Map<string, { line: number; indicator: Indicator }>();
  for (const { line, row } of indicatorRows) {
    const source = sources.get(row.source);
    if (!source) continue; // reported by checkReferences
    indicators.set(row.id, {
      line,
      indicator: {
        id: row.id,
        name: row.name,
        group: row.group,
        unit: row.unit,
        direction: row.direction,
        target: row.target,
        targetValue: numericTarget(row.target, row.unit),
        definition: row.definition,
        methodNotes: row.method_notes,
        source,
        place: row.place,
        cityTotal: row.city_total ?? false,
        rateOf:
          row.numerator !== undefined && row.denominator !== undefined
            ? { numerator: row.numerator, denominator: row.denominator }
            : undefined,
      },
    });
  }
  for (const { line, indicator } of indicators.values()) {
    if (!indicator.rateOf) continue;
    for (const column of ["numerator", "denominator"] as const) {
      const count = indicators.get(indicator.rateOf[column])?.indicator;
      if (!count) continue; // reported by checkReferences
      if (count.rateOf) {
        ctx.report({
          file: indicatorsFile,
          line,
          column,
          problem: `${quote(count.id)} 本身是比率`,
          allowed: "分子和分母须为计数指标",
        });
      }
      if (count.place !== indicator.place) {
        ctx.report({
          file: indicatorsFile,
          line,
          column,
          problem: `${quote(count.id)} 的地方(${count.place ?? "本市"})与本指标(${indicator.place ?? "本市"})不同`,
          allowed: "分子、分母与比率指标说的是同一个地方",
        });
      }
    }
  }

  // Values, checked and bucketed by indicator.
  const valuesByIndicator = new Map<string, LocatedValue[]>();
  const firstLine = new Map<string, number>();
  const periodKindOf = new Map<string, { kind: Period["kind"]; line: number }>();
  const sourceKindOf = new Map<string, { sample: boolean; line: number }>();
  const valueRows = ctx.read(indicatorValuesTable);
  for (const { line, row, cells } of valueRows) {
    const entry = indicators.get(row.indicator_id);
    const source = sources.get(row.source);
    if (!entry || !source) continue; // reported by checkReferences
    const { indicator } = entry;
    const report = (column: string, problem: string, allowed: string) =>
      ctx.report({ file: valuesFile, line, column, problem, allowed });

    let ok = true;
    if (indicator.place !== undefined) {
      if (row.region_code !== undefined) {
        report(
          "region_code",
          `指标 ${quote(indicator.id)} 说的是${indicator.place},不是本市的区划`,
          "本市以外的指标,区划代码留空",
        );
        ok = false;
      }
    } else if (row.region_code === undefined) {
      report(
        "region_code",
        "本市指标的数值须写明区划",
        `本市代码 ${jurisdictionCode} 或县级区划代码`,
      );
      ok = false;
    } else {
      const region = scope.regionsByCode.get(row.region_code);
      const isCounty = scope.counties.some((county) => county.code === row.region_code);
      if (region && row.region_code !== jurisdictionCode && !isCounty) {
        report(
          "region_code",
          `${region.name}不是本市或本市的县级区划`,
          `本市代码 ${jurisdictionCode} 或县级区划代码`,
        );
        ok = false;
      }
      if (indicator.cityTotal && row.region_code === jurisdictionCode) {
        report(
          "region_code",
          `指标 ${quote(indicator.id)} 的全市数由各县区相加得出,不另填全市一行`,
          "县级区划代码",
        );
        ok = false;
      }
    }
    if (indicator.direction === "零目标" && row.value !== undefined && row.value < 0) {
      report("value", `零目标指标的数值 ${row.value} 小于 0`, "不小于 0 的数;没有数据就留空");
      ok = false;
    }

    const key = `${row.indicator_id}|${row.region_code ?? OTHER_PLACE}|${row.period.code}`;
    const first = firstLine.get(key);
    if (first !== undefined) {
      report(
        "period",
        `与第 ${first} 行是同一指标、同一地方、同一时期`,
        "每个指标每个地方每个时期只有一行",
      );
      ok = false;
    } else firstLine.set(key, line);

    const kind = periodKindOf.get(row.indicator_id);
    if (!kind) periodKindOf.set(row.indicator_id, { kind: row.period.kind, line });
    else if (kind.kind !== row.period.kind) {
      report(
        "period",
        `指标 ${quote(indicator.id)} 在第 ${kind.line} 行按${PERIOD_KIND_NAMES[kind.kind]}填写,这一行按${PERIOD_KIND_NAMES[row.period.kind]}`,
        "同一指标的时期统一按年、按季度或按月",
      );
      ok = false;
    }

    // A chart draws one indicator: real and sample figures in it would read as one series.
    const sourceKind = sourceKindOf.get(row.indicator_id);
    if (!sourceKind) sourceKindOf.set(row.indicator_id, { sample: source.isSample, line });
    else if (sourceKind.sample !== source.isSample) {
      report(
        "source",
        `指标 ${quote(indicator.id)} 第 ${sourceKind.line} 行是${sourceKind.sample ? "示例数据" : "公开报道"},这一行是${source.isSample ? "示例数据" : "公开报道"}`,
        "同一指标的数值不能混用示例数据和公开报道;真实数字另建一个指标",
      );
      ok = false;
    }

    if (!ok) continue;
    const list = valuesByIndicator.get(row.indicator_id) ?? [];
    list.push({ line, row, source, written: cells?.["value"] });
    valuesByIndicator.set(row.indicator_id, list);
  }

  const figures: IndicatorFigures[] = [];
  for (const { indicator } of indicators.values()) {
    const byPlace = observationsByPlace(valuesByIndicator.get(indicator.id) ?? []);
    if (indicator.rateOf) {
      const own = valuesByIndicator.get(indicator.id) ?? [];
      addRates(ctx, valuesFile, byPlace, own, indicator.rateOf, valuesByIndicator);
    }
    figures.push(buildFigures(indicator, byPlace, scope));
  }

  const groups: IndicatorGroup[] = [];
  for (const figure of figures) {
    let group = groups.find((g) => g.name === figure.indicator.group);
    if (!group) {
      group = { name: figure.indicator.group, zeroBoard: true, indicators: [] };
      groups.push(group);
    }
    group.indicators.push(figure);
    if (figure.indicator.direction !== "零目标") group.zeroBoard = false;
  }
  return {
    sources: [...sources.values()],
    rows: {
      indicators: indicatorRows.map(({ row }) => row),
      values: valueRows.map(({ row }) => row),
    },
    indicators: figures,
    groups,
    byId: new Map(figures.map((figure) => [figure.indicator.id, figure])),
  };
}

/**
 * The number a target text begins with, when the unit follows it (`100%`, `100%（承诺…）`,
 * `0 起`): a target worded otherwise (`每月 0 起`, a sentence) has no line to draw.
 */
export function numericTarget(target: string | undefined, unit: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(.*)$/.exec(target?.trim() ?? "");
  if (!match || !(match[2] ?? "").startsWith(unit)) return undefined;
  return Number(match[1]);
}

type ByPlace = Map<string, Map<string, Observation>>;

function observationsByPlace(values: readonly LocatedValue[]): ByPlace {
  const byPlace: ByPlace = new Map();
  for (const { row, source } of values) {
    const place = row.region_code ?? OTHER_PLACE;
    const periods = byPlace.get(place) ?? new Map<string, Observation>();
    byPlace.set(place, periods);
    periods.set(row.period.code, {
      ...noData(row.period),
      value: row.value,
      origin: row.value === undefined ? "none" : "reported",
      qualifier: row.qualifier,
      source,
      note: row.note,
    });
  }
  return byPlace;
}

/**
 * Rates from their counts: where both counts are exact (a value, no qualifier such as 余)
 * and the whole is not 0, the rate is computed, and a rate the source states for the same
 * place and period must agree with it to the source's own rounding; a disagreement is a
 * build error at the stated rate's row. Where the source gives counts but no rate, the
 * computed rate is published and marked as computed.
 */
function addRates(
  ctx: DataContext,
  valuesFile: string,
  byPlace: ByPlace,
  rateValues: readonly LocatedValue[],
  rateOf: { numerator: string; denominator: string },
  valuesByIndicator: ReadonlyMap<string, LocatedValue[]>,
): void {
  const keyOf = (v: LocatedValue) => `${v.row.region_code ?? OTHER_PLACE}|${v.row.period.code}`;
  const index = (values: readonly LocatedValue[] | undefined) =>
    new Map((values ?? []).map((v) => [keyOf(v), v]));
  const statedRows = index(rateValues);
  const denominators = index(valuesByIndicator.get(rateOf.denominator));
  const exactCount = (v: LocatedValue | undefined): number | undefined =>
    v?.row.qualifier === undefined ? v?.row.value : undefined;

  for (const numerator of valuesByIndicator.get(rateOf.numerator) ?? []) {
    const key = keyOf(numerator);
    const denominator = denominators.get(key);
    const n = exactCount(numerator);
    const d = exactCount(denominator);
    if (n === undefined || d === undefined || d === 0 || !denominator) continue;
    const computed = (n / d) * 100;
    const stated = statedRows.get(key);
    const statedValue = stated?.row.value;
    if (stated && statedValue !== undefined && stated.row.qualifier === undefined) {
      const written = stated.written?.trim() ?? String(statedValue);
      if (!rateAgrees(written, n, d)) {
        ctx.report({
          file: valuesFile,
          line: stated.line,
          column: "value",
          problem: `所报比率 ${written}% 与计数不符:${n} ÷ ${d} × 100 = ${roundTo(computed, 3)}%(计数见第 ${numerator.line}、${denominator.line} 行)`,
          allowed: "比率须等于分子 ÷ 分母 × 100,按所报的小数位四舍五入",
        });
      }
    }
    const place = numerator.row.region_code ?? OTHER_PLACE;
    const periods = byPlace.get(place) ?? new Map<string, Observation>();
    byPlace.set(place, periods);
    const code = numerator.row.period.code;
    // A rate the source qualifies (95%以上) is kept as the source words it.
    const keepStated = stated?.row.qualifier !== undefined;
    periods.set(code, {
      ...(periods.get(code) ?? noData(numerator.row.period)),
      value: keepStated ? statedValue : roundTo(computed, RATE_DECIMALS),
      origin: statedValue === undefined ? "computed" : "reported",
      source: stated?.source ?? numerator.source,
      rate: { numerator: n, denominator: d, stated: statedValue },
    });
  }
}

function buildFigures(
  indicator: Indicator,
  byPlace: ByPlace,
  scope: IndicatorScope,
): IndicatorFigures {
  const { site } = scope;
  const jurisdictionCode = site.jurisdiction.code;
  const seen = new Map<string, Period>();
  for (const periods of byPlace.values()) {
    for (const observation of periods.values())
      seen.set(observation.period.code, observation.period);
  }
  const sorted = [...seen.values()].sort(comparePeriods);
  const first = sorted[0];
  const last = sorted.at(-1);
  const periods = first && last ? periodRange(first, last) : [];

  const seriesOf = (code: string, placeName: string): Series => ({
    regionCode: code === OTHER_PLACE ? undefined : code,
    placeName,
    observations: fillPeriods(periods, byPlace.get(code) ?? new Map()),
  });
  // A city total needs every county, including one with no rows at all (all no data).
  const countyRegions = indicator.cityTotal
    ? scope.counties
    : scope.counties.filter((county) => byPlace.has(county.code));
  const counties = countyRegions.map((region) => ({
    region,
    series: seriesOf(region.code, region.name),
  }));
  const jurisdictionName =
    scope.regionsByCode.get(jurisdictionCode)?.name ?? site.jurisdiction.name;
  // A figure published for one county only (and none for the city) is that county's
  // series; the chart then plots the county, and its title says so.
  const onlyCounty =
    !indicator.cityTotal && !byPlace.has(jurisdictionCode) && counties.length === 1
      ? counties[0]
      : undefined;
  const headline: Series = onlyCounty
    ? onlyCounty.series
    : indicator.cityTotal
      ? {
          regionCode: jurisdictionCode,
          placeName: jurisdictionName,
          observations: sumCounties(
            periods,
            counties.map((c) => c.series),
          ),
        }
      : indicator.place !== undefined
        ? seriesOf(OTHER_PLACE, indicator.place)
        : seriesOf(jurisdictionCode, jurisdictionName);

  const sources: IndicatorSource[] = [];
  for (const series of [headline, ...counties.map((c) => c.series)]) {
    for (const { source } of series.observations) {
      if (source && !sources.includes(source)) sources.push(source);
    }
  }
  return {
    indicator,
    periodKind: first?.kind,
    periods,
    headline,
    counties: counties.map((c) => c.series),
    sources,
    isSample: sources.some((source) => source.isSample),
    latest: headline.observations.findLast((o) => o.value !== undefined),
    zero:
      indicator.direction === "零目标"
        ? zeroStatus(periods, headline, counties, site.asOf)
        : undefined,
  };
}
