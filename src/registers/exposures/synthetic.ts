import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { addDays, daysBetween, toDayNumber, fromDayNumber } from "../../data/dates.ts";
import { exposureUpdatesTable, exposuresTable } from "./schema.ts";
import { exposureCategories, exposureStatuses } from "./vocabulary.ts";
import type { ExposureEventKind, ExposureStatus } from "./vocabulary.ts";
import type { SynthesisScope } from "../../bench/scope.ts";
import { Draw, writeTable } from "../../bench/random.ts";
import type { CsvRow, WrittenFile } from "../../bench/random.ts";
import { exposureTitle, measuresText, place, problemText } from "../../bench/text.ts";

/** The programme starts here; items are spread evenly over the years up to the as-of date. */
const FIRST_DAY = "2015-01-05";

const UNITS = [
  "生态环境局",
  "住房和城乡建设局",
  "水务局",
  "农业农村局",
  "自然资源局",
  "综合行政执法局",
];

type ItemRow = CsvRow<typeof exposuresTable.columns>;
type EventRow = CsvRow<typeof exposureUpdatesTable.columns>;

/**
 * 环保曝光台 at benchmark scale: `count` problems in every county, category and status,
 * exposed weekly since 2015, each with a timeline (exposed, assigned, progress, rectified,
 * inspected and closed, follow-ups) that passes the register's checks: no event before
 * exposure, statuses only forward, the row's status the timeline's latest, dates in order
 * and none after the as-of date except deadlines.
 */
export function generateExposures(count: number, scope: SynthesisScope): WrittenFile[] {
  const draw = new Draw(20150105 + count);
  const { asOf, counties } = scope;
  const first = toDayNumber(FIRST_DAY);
  const span = toDayNumber(asOf) - first;
  const days = Array.from({ length: count }, () => first + draw.int(0, span)).sort((a, b) => a - b);
  const city = scope.jurisdiction.name.replace(/市$/, "");
  const statuses = exposureStatuses.values;
  const serials = new Map<number, number>();

  const items: ItemRow[] = [];
  const events: EventRow[] = [];
  days.forEach((day, index) => {
    const exposedOn = fromDayNumber(day);
    const year = Number(exposedOn.slice(0, 4));
    const serial = (serials.get(year) ?? 0) + 1;
    serials.set(year, serial);
    if (serial > 9999) throw new Error(`exposures: more than 9999 items in ${year}`);
    const id = `HB-${year}-${String(serial).padStart(4, "0")}`;
    // Round robin, so the smallest run has every county.
    const county = counties[index % counties.length];
    if (!county) throw new Error("exposures: no counties in regions.csv");
    const category = draw.pick(exposureCategories.values);
    const spot = place(draw, county.name);
    const location = spot.text;
    const title = exposureTitle(draw, category, spot.township);
    const episode = Math.floor((day - first) / 7) + 1;
    const media = `${city}电视台《环保曝光台》第${episode}期`;
    const unit = draw.chance(0.3)
      ? `${county.name}${spot.township}人民政府`
      : `${county.name}${draw.pick(UNITS)}`;
    const age = daysBetween(exposedOn, asOf);

    // How far the problem got: recent ones are mostly open, old ones mostly done, and a
    // share of old ones is still open (overdue), as on a real register.
    const stage =
      index < statuses.length
        ? index
        : age < 45
          ? draw.weighted([
              [0, 5],
              [1, 4],
              [2, 1],
            ])
          : draw.weighted([
              [0, 1],
              [1, 2],
              [2, 3],
              [3, 6],
            ]);
    const status: ExposureStatus = statuses[Math.min(stage, statuses.length - 1)] ?? statuses[0];
    const deadline = draw.chance(0.9) ? addDays(exposedOn, draw.int(30, 120)) : undefined;

    // Event days: assigned within a week, the rest sorted within the next months (never
    // after the as-of date).
    const extraNotes = draw.int(0, 2);
    const steps = 1 + stage + extraNotes + (stage >= 2 && draw.chance(0.3) ? 1 : 0);
    const assigned = Math.min(age, draw.int(1, 7));
    const window = Math.min(age, assigned + draw.int(20, 240));
    const offsets = [
      assigned,
      ...Array.from({ length: steps - 1 }, () => draw.int(assigned, window)).sort((a, b) => a - b),
    ];
    const at = (i: number) => addDays(exposedOn, offsets[i] ?? window);
    const timeline: {
      date: string;
      kind: ExposureEventKind;
      status?: ExposureStatus;
      summary: string;
    }[] = [
      {
        date: exposedOn,
        kind: "曝光",
        status: "未整改",
        summary: `${media}播出报道,曝光“${title}”问题。`,
      },
      {
        date: at(0),
        kind: "交办",
        summary: `市生态环境保护委员会办公室将问题交办${unit},${deadline ? `要求在${deadline}前完成整改。` : "要求尽快整改并报告进展。"}`,
      },
    ];
    let step = 1;
    if (stage >= 1) {
      timeline.push({
        date: at(step++),
        kind: "进展",
        status: "整改中",
        summary: `${unit}制定整改方案,${measuresText(draw, 40, unit)}`,
      });
    }
    for (let note = 0; note < extraNotes; note++) {
      timeline.push({
        date: at(step++),
        kind: "进展",
        summary: `${unit}通报进展:${measuresText(draw, 60, unit)}`,
      });
    }
    let rectifiedOn: string | undefined;
    if (stage >= 2) {
      rectifiedOn = at(step++);
      timeline.push({
        date: rectifiedOn,
        kind: "进展",
        status: "已整改",
        summary: `${unit}报告整改完成,${measuresText(draw, 50, unit)}`,
      });
    }
    let closedOn: string | undefined;
    if (stage >= 3) {
      closedOn = at(step++);
      timeline.push({
        date: closedOn,
        kind: "验收",
        status: "已销号",
        summary: "主管部门组织现场核查,整改到位,群众代表参与验收,同意销号。",
      });
    }
    if (step < steps) {
      timeline.push({
        date: at(step),
        kind: "回音壁",
        summary: `《环保曝光台》回访${location.slice(0, 20)},${measuresText(draw, 40, unit)}`,
      });
    }

    items.push({
      id,
      title,
      exposed_on: exposedOn,
      media,
      media_url: draw.chance(0.2) ? `https://tv.example.cn/hbbgt/${episode}/` : undefined,
      region_code: county.code,
      location,
      category,
      problem: problemText(draw, draw.int(130, 330), {
        place: location,
        subject: title,
        county: county.name,
      }),
      responsible_unit: unit,
      deadline,
      status,
      rectified_on: rectifiedOn,
      closed_on: closedOn,
      measures: stage >= 1 ? measuresText(draw, draw.int(50, 150), unit) : undefined,
    });
    for (const event of timeline) {
      events.push({
        item_id: id,
        date: event.date,
        kind: event.kind,
        status: event.status,
        summary: event.summary.slice(0, 500),
      });
    }
  });
  // Episode write-ups are prose pages; the benchmark has none (their collection stays empty).
  mkdirSync(join(scope.contentDir, "episodes"), { recursive: true });
  return [
    writeTable(scope.dataDir, exposuresTable, items),
    writeTable(scope.dataDir, exposureUpdatesTable, events),
  ];
}
