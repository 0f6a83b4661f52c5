// Writes the demo site's sample 民生实事 register: data/commitments.csv and
// data/commitment-updates.csv, one commitment per matter in src/registers/commitments/matters.ts
// (each matter used once, so no two items read alike), spread over every county, list, level,
// year and status, with timelines that pass the register's checks. A fixed seed makes the
// committed files reproducible. Run: `npx node scripts/sample-data/commitments.ts`.
import { readFileSync, writeFileSync } from "node:fs";
import Papa from "papaparse";
import {
  addDays,
  daysBetween,
  formatChineseDate,
  fromDayNumber,
  toDayNumber,
} from "../../src/data/dates.ts";
import type { IsoDate } from "../../src/data/dates.ts";
import {
  commitmentUpdatesTable,
  commitmentsTable,
} from "../../src/registers/commitments/schema.ts";
import type {
  CommitmentEventKind,
  CommitmentLevel,
  CommitmentList,
  CommitmentStatus,
} from "../../src/registers/commitments/vocabulary.ts";
import type { Columns } from "../../src/data/fields.ts";
import { columnEntries } from "../../src/data/table.ts";
import type { TableSpec } from "../../src/data/table.ts";
import { toCsv } from "../../src/open-data/csv.ts";
import type { CsvCell } from "../../src/open-data/csv.ts";
import { Draw } from "../../src/bench/random.ts";
import type { CsvRow } from "../../src/bench/random.ts";
import { COMMUNITIES, MATTERS, TOWNS, VILLAGES } from "../../src/registers/commitments/matters.ts";
import type { Matter, WorkKind } from "../../src/registers/commitments/matters.ts";

const DATA_DIR = "data";
const FIRST_YEAR = 2021;

type ItemRow = CsvRow<typeof commitmentsTable.columns>;
type EventRow = CsvRow<typeof commitmentUpdatesTable.columns>;

/**
 * How a commitment ends up, as of the data's date. Each outcome decides the status, the
 * dates and the timeline; the generator picks outcomes that fit the dates (nothing can be
 * overdue before its promised date).
 */
type Outcome =
  | "not-started"
  | "in-progress"
  | "done-on-time"
  | "done-on-due-day"
  | "done-late"
  | "not-done-on-time"
  | "stale-overdue"
  | "adjusted"
  | "adjusted-resumed"
  | "adjusted-done"
  | "due-today";

const PAST_DUE: readonly (readonly [Outcome, number])[] = [
  ["done-on-time", 52],
  ["done-on-due-day", 3],
  ["done-late", 12],
  ["not-done-on-time", 8],
  ["stale-overdue", 5],
  ["adjusted", 7],
  ["adjusted-done", 6],
  ["adjusted-resumed", 3],
];
const NOT_YET_DUE: readonly (readonly [Outcome, number])[] = [
  ["not-started", 20],
  ["in-progress", 50],
  ["done-on-time", 18],
  ["adjusted", 4],
  ["adjusted-resumed", 4],
];

/** Progress reports by kind of work, as weekly, half-monthly and monthly reports word them. */
const PROGRESS: Record<WorkKind, readonly string[]> = {
  works: [
    "完成现场踏勘和测量，施工方案经群众议事会讨论通过。",
    "施工单位进场，材料已运到现场，按计划分段施工。",
    "主体工程完成约六成，雨天停工两天，工期仍在计划内。",
    "完成主体工程，正在进行附属设施施工和场地清理。",
    "工程招标完成，中标单位已签订合同。",
    "施工期间设置了临时便道，保证群众正常通行。",
  ],
  service: [
    "完成摸底登记，服务对象名单经村（社区）公示无异议。",
    "场地落实，设施设备采购完成，正在安装调试。",
    "工作人员和志愿者完成培训，服务流程已在公示栏张贴。",
    "试运行一周，根据群众意见调整了开放时间。",
    "服务对象名单已录入台账，逐一明确联系人。",
  ],
  coordination: [
    "召开协调会，相关部门、物业和群众代表到场，初步形成解决方案。",
    "逐户走访听取意见，整理出需要协调的三个问题。",
    "相关部门到现场会商，明确了各方责任和完成时间。",
    "解决方案经群众代表签字确认，正在按方案推进。",
  ],
};

const START = [
  "责任单位召开专题会研究，明确专人负责，事项开始办理。",
  "成立工作专班，制定办理方案，事项启动。",
  "分管负责同志到现场调研后部署办理，事项进入推进阶段。",
  "办理方案报备，责任人和时间节点在清单中公示，开始办理。",
];

const DONE = [
  "责任单位报告事项办完，办理结果在清单中公示。",
  "事项办结，责任单位提交办结报告和现场照片。",
  "办理完毕，经群众代表现场查看后报告办结。",
  "责任单位报告已按承诺办完，办结材料报送备查。",
];

const INSPECTION = [
  "督查组回访，群众对办理结果表示满意。",
  "纪检监察机关抽查办结情况，现场核实属实。",
  "群众评议会对办理结果进行评议，满意率较高。",
  "督查室电话回访受益群众，未发现反弹。",
];

const LATE_REASON = [
  "涉及的用地手续未办妥，未能按期完成，正在加快办理。",
  "施工受连续降雨影响，未能按期完成，责任单位已调整施工计划。",
  "资金到位晚于预期，未能按期完成，已申请追加预算。",
  "相关部门意见不一致，协调时间较长，未能按期完成。",
  "设备到货延迟，未能按期完成，供货方已承诺补发。",
];

const ADJUSTMENTS: readonly { reason: string; moves: boolean }[] = [
  { reason: "原选址涉及基本农田，经批准改换选址，完成日期相应顺延。", moves: true },
  { reason: "与上级统筹实施的同类项目合并办理，不再单独列项。", moves: false },
  { reason: "受汛期影响无法施工，经批准推迟完成日期。", moves: true },
  { reason: "群众议事会提出调整建设内容，经批准按新方案实施，完成日期顺延。", moves: true },
  { reason: "资金改由下一年度预算安排，经批准完成日期顺延。", moves: true },
  { reason: "所涉问题已由其他单位在专项整治中解决，经批准撤销。", moves: false },
  { reason: "责任单位机构调整，事项改由新组建的单位继续办理，完成日期顺延。", moves: true },
];

const LISTED = [
  "列入{list}，向社会公布，承诺{due}前完成。",
  "经群众点单、单位领办，列入{list}并公示，承诺完成日期为{due}。",
  "在征求群众意见的基础上列入{list}，明确责任人和完成时限（{due}）。",
  "列入{list}，在政务公开栏和网站同步公布，完成时限为{due}。",
];

interface Region {
  code: string;
  name: string;
}

function readCsv(path: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path, "utf8").replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

const site = JSON.parse(readFileSync(`${DATA_DIR}/site.json`, "utf8")) as {
  asOf: IsoDate;
  jurisdiction: { code: string };
};
const asOf = site.asOf;
const lastYear = Number(asOf.slice(0, 4));
const counties: Region[] = readCsv(`${DATA_DIR}/regions.csv`)
  .filter((row) => row["parent"] === site.jurisdiction.code)
  .map((row) => ({ code: row["code"] ?? "", name: row["name"] ?? "" }));
if (counties.length === 0) throw new Error("no counties in regions.csv");

const draw = new Draw(20210701);

function shuffled<T>(list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = draw.int(0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Names drawn without repeats until the pool is used up, so neighbours differ. */
class Pool {
  private left: string[] = [];
  private readonly names: readonly string[];
  constructor(names: readonly string[]) {
    this.names = names;
  }
  next(): string {
    if (this.left.length === 0) this.left = shuffled(this.names);
    const name = this.left.pop();
    if (name === undefined) throw new Error("empty name pool");
    return name;
  }
}

const towns = new Pool(TOWNS);
const villages = new Pool(VILLAGES);
const communities = new Pool(COMMUNITIES);

/** The county's kind of government, for posts: 区 → 副区长, 县 → 副县长, 市 → 副市长. */
function countySuffix(county: Region): string {
  return county.name.endsWith("区") ? "区" : county.name.endsWith("市") ? "市" : "县";
}

function fill(text: string, places: { t: string; v: string; c: string; n: number }): string {
  return text
    .replaceAll("{t}", places.t)
    .replaceAll("{v}", places.v)
    .replaceAll("{c}", places.c)
    .replaceAll("{n}", String(places.n));
}

/** Level and list: plans mostly by units and branches, tasks by leaders and members. */
function whoAndWhich(
  matter: Matter,
  index: number,
): { level: CommitmentLevel; list: CommitmentList } {
  if (matter.kind === "plan") {
    return { level: draw.chance(0.55) ? "领导班子" : "基层党组织", list: "民生实事计划" };
  }
  // Every eighth task is on a leadership team's own list (as a standing committee's is).
  if (index % 8 === 3) return { level: "领导班子", list: "为民办事清单" };
  return { level: draw.chance(0.5) ? "班子成员" : "党员", list: "为民办事清单" };
}

function unitAndPost(
  matter: Matter,
  level: CommitmentLevel,
  county: Region,
  places: { t: string; v: string; c: string },
): { unit: string; post: string | undefined } {
  const where = matter.title.includes("{v}")
    ? "village"
    : matter.title.includes("{c}")
      ? "community"
      : matter.title.includes("{t}")
        ? "town"
        : "county";
  const department = `${county.name}${matter.department}`;
  const suffix = countySuffix(county);
  switch (level) {
    case "领导班子":
      return { unit: department, post: undefined };
    case "基层党组织":
      return {
        unit:
          where === "village"
            ? `${places.t}${places.v}党总支`
            : where === "community"
              ? `${places.c}社区党委`
              : where === "town"
                ? `${places.t}党委`
                : `${department}机关党支部`,
        post: undefined,
      };
    case "班子成员": {
      if (where === "town" || (where === "village" && draw.chance(0.5))) {
        const street = places.t.endsWith("街道");
        return {
          unit: street ? `${county.name}${places.t}党工委` : `${county.name}${places.t}党委`,
          post: draw.pick(
            street
              ? ["党工委书记", "党工委副书记", "办事处主任"]
              : ["党委书记", "党委副书记", "镇长"],
          ),
        };
      }
      if (draw.chance(0.3)) {
        return {
          unit: `${county.name}人民政府`,
          post: draw.pick([`副${suffix}长`, `${suffix}委常委、副${suffix}长`]),
        };
      }
      return {
        unit: department,
        post: draw.pick(["党组书记、局长", "党组成员、副局长", "副局长"]),
      };
    }
    case "党员":
      return {
        unit:
          where === "village"
            ? `${places.v}党支部`
            : where === "community"
              ? `${places.c}社区党委第${draw.pick(["一", "二", "三"])}支部`
              : `${department}机关党支部`,
        post: undefined,
      };
  }
}

function day(date: IsoDate): number {
  return toDayNumber(date);
}

/** A day in [from, to], both included. */
function between(from: IsoDate, to: IsoDate): IsoDate {
  return fromDayNumber(draw.int(day(from), Math.max(day(from), day(to))));
}

interface Planned {
  matter: Matter;
  county: Region;
  listedOn: IsoDate;
  dueOn: IsoDate;
}

const matters = shuffled(MATTERS);
const years = lastYear - FIRST_YEAR + 1;

/** Dates first: years in turn (the last two a little fuller), plans listed early in the year. */
const planned: Planned[] = matters.map((matter, index) => {
  const county = counties[index % counties.length] as Region;
  const turn = index % (years + 2);
  const year = turn < years ? FIRST_YEAR + turn : lastYear - (turn - years);
  const isPlan = matter.kind === "plan";
  // Plans are published at the start of the year (some the December before); tasks any time.
  let listedOn = isPlan
    ? draw.chance(0.15)
      ? between(`${year - 1}-12-01`, `${year - 1}-12-28`)
      : between(`${year}-01-08`, `${year}-04-20`)
    : year === lastYear
      ? between(`${year}-06-01`, asOf)
      : between(`${year}-02-01`, `${year}-09-30`);
  if (listedOn > addDays(asOf, -10)) listedOn = addDays(asOf, -draw.int(10, 40));
  // Annual plans are mostly due at the end of their year, some at the half or a quarter.
  const planYear = Number(listedOn.slice(0, 4)) + (listedOn.slice(5, 7) === "12" ? 1 : 0);
  const dueOn = isPlan
    ? draw.weighted([
        [`${planYear}-06-30`, planYear === lastYear ? 0 : 2],
        [`${planYear}-09-30`, planYear === lastYear ? 1 : 2],
        [`${planYear}-11-30`, 2],
        [`${planYear}-12-31`, 5],
      ] as const)
    : addDays(listedOn, draw.int(30, 110));
  return { matter, county, listedOn, dueOn };
});

/**
 * Cases the tests and pages need at least once, whatever the draw gives, given to items
 * spread through the list (each with dates made to fit).
 */
const REQUIRED: readonly Outcome[] = [
  "due-today",
  "done-on-due-day",
  "adjusted-resumed",
  "adjusted-done",
  "stale-overdue",
  "not-done-on-time",
];
const NEEDS_PAST_DUE: readonly Outcome[] = [
  "done-on-due-day",
  "done-late",
  "not-done-on-time",
  "stale-overdue",
  "adjusted-done",
];

function outcomeFor(plan: Planned, index: number): { outcome: Outcome; plan: Planned } {
  const forced = index % 17 === 5 ? REQUIRED[Math.floor(index / 17)] : undefined;
  if (forced === undefined) {
    const outcome = plan.dueOn < asOf ? draw.weighted(PAST_DUE) : draw.weighted(NOT_YET_DUE);
    return { outcome, plan };
  }
  if (forced === "due-today") {
    const listedOn = addDays(asOf, -draw.int(60, 200));
    return { outcome: forced, plan: { ...plan, listedOn, dueOn: asOf } };
  }
  if (NEEDS_PAST_DUE.includes(forced) && plan.dueOn >= addDays(asOf, -60)) {
    const listedOn = between(`${lastYear - 2}-02-01`, `${lastYear - 2}-06-30`);
    return {
      outcome: forced,
      plan: { ...plan, listedOn, dueOn: addDays(listedOn, plan.matter.kind === "plan" ? 240 : 75) },
    };
  }
  return { outcome: forced, plan };
}

type TimelineEntry = {
  date: IsoDate;
  kind: CommitmentEventKind;
  status?: CommitmentStatus;
  summary: string;
};
type GeneratedItem = ItemRow & { listed_on: IsoDate; year: number; timeline: TimelineEntry[] };

const items: GeneratedItem[] = planned.map((drawn, index) => {
  const { outcome, plan } = outcomeFor(drawn, index);
  const { matter, county, listedOn, dueOn } = plan;
  // A list published in December is the next year's list.
  const year = Number(listedOn.slice(0, 4)) + (listedOn.slice(5, 7) === "12" ? 1 : 0);
  const places = {
    t: towns.next(),
    v: villages.next(),
    c: communities.next(),
    n: matter.n ? draw.int(matter.n[0], matter.n[1]) : 0,
  };
  const { level, list } = whoAndWhich(matter, index);
  const { unit, post } = unitAndPost(matter, level, county, places);
  const timeline: TimelineEntry[] = [
    {
      date: listedOn,
      kind: "列入",
      status: "未启动",
      summary: draw
        .pick(LISTED)
        .replace("{list}", `${year}年${list}`)
        .replace("{due}", formatChineseDate(dueOn)),
    },
  ];
  const row: GeneratedItem = {
    id: "",
    year,
    list,
    level,
    responsible_unit: unit,
    post,
    region_code: county.code,
    title: fill(matter.title, places),
    promise: fill(matter.promise, places),
    listed_on: listedOn,
    due_on: dueOn,
    status: "未启动",
    timeline,
  };
  const clip = (date: IsoDate) => (date > asOf ? asOf : date);
  const start = clip(addDays(listedOn, draw.int(4, 30)));
  const progress = (from: IsoDate, to: IsoDate, count: number) => {
    const pool = shuffled(PROGRESS[matter.work]);
    let at = from;
    for (let i = 0; i < count && daysBetween(at, to) > 6; i++) {
      at = between(addDays(at, 3), addDays(to, -3));
      timeline.push({
        date: at,
        kind: "进展",
        summary: `${draw.pick(["周报", "半月报", "月报"])}:${pool[i % pool.length] ?? ""}`,
      });
    }
  };
  const begin = () =>
    timeline.push({ date: start, kind: "进展", status: "推进中", summary: draw.pick(START) });
  const complete = (completedOn: IsoDate) => {
    timeline.push({ date: completedOn, kind: "完成", status: "已完成", summary: draw.pick(DONE) });
    const inspected = addDays(completedOn, draw.int(7, 40));
    if (draw.chance(0.45) && inspected <= asOf) {
      timeline.push({ date: inspected, kind: "督查", summary: draw.pick(INSPECTION) });
    }
    row.status = "已完成";
    row.completed_on = completedOn;
    row.result = fill(matter.result, places);
  };
  const adjust = (on: IsoDate, moves: boolean) => {
    const adjustment = draw.pick(ADJUSTMENTS.filter((candidate) => candidate.moves === moves));
    timeline.push({
      date: on,
      kind: "调整",
      status: "已调整",
      summary: `经批准调整:${adjustment.reason}`,
    });
    row.adjustment_reason = adjustment.reason;
    row.status = "已调整";
  };

  switch (outcome) {
    case "not-started":
      break;
    case "in-progress":
    case "due-today":
      begin();
      progress(start, asOf, draw.int(0, 2));
      row.status = "推进中";
      break;
    case "done-on-time":
    case "done-on-due-day": {
      begin();
      const target =
        outcome === "done-on-due-day" ? dueOn : between(addDays(start, 10), addDays(dueOn, -3));
      const completedOn = clip(target > start ? target : addDays(start, 1));
      progress(start, completedOn, draw.int(0, 2));
      complete(completedOn);
      break;
    }
    case "done-late": {
      begin();
      progress(start, dueOn, draw.int(1, 2));
      complete(clip(addDays(dueOn, draw.int(8, 90))));
      break;
    }
    case "not-done-on-time": {
      begin();
      progress(start, dueOn, draw.int(0, 2));
      timeline.push({
        date: clip(addDays(dueOn, draw.int(2, 20))),
        kind: "进展",
        status: "未按期完成",
        summary: draw.pick(LATE_REASON),
      });
      row.status = "未按期完成";
      break;
    }
    case "stale-overdue":
      begin();
      progress(start, dueOn, 1);
      row.status = "推进中";
      break;
    case "adjusted": {
      begin();
      // Past its date, an adjustment that is still the status is a merger or a withdrawal;
      // a new date is only set while it lies ahead.
      const newDue = addDays(dueOn, draw.int(60, 200));
      const moves = newDue > asOf && draw.chance(0.6);
      adjust(clip(between(addDays(start, 10), addDays(dueOn, 20))), moves);
      if (moves) row.adjusted_due_on = newDue;
      break;
    }
    case "adjusted-resumed": {
      begin();
      const on = clip(between(addDays(start, 5), addDays(start, 40)));
      adjust(on, true);
      row.adjusted_due_on = addDays(asOf, draw.int(30, 150));
      timeline.push({
        date: clip(addDays(on, draw.int(3, 20))),
        kind: "进展",
        status: "推进中",
        summary: "按调整后的方案重新启动办理。",
      });
      row.status = "推进中";
      break;
    }
    case "adjusted-done": {
      begin();
      const on = clip(addDays(dueOn, -draw.int(5, 30)));
      adjust(on > start ? on : start, true);
      const newDue = addDays(dueOn, draw.int(60, 150));
      row.adjusted_due_on = newDue;
      const restart = clip(addDays(on, draw.int(3, 15)));
      timeline.push({
        date: restart,
        kind: "进展",
        status: "推进中",
        summary: "按调整后的方案继续办理。",
      });
      const earliest =
        addDays(dueOn, 5) > addDays(restart, 3) ? addDays(dueOn, 5) : addDays(restart, 3);
      complete(clip(between(earliest, addDays(newDue, -5))));
      break;
    }
  }
  // Oldest first; a stable sort keeps same-day events in the order they happened.
  timeline.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return row;
});

// Ids follow the list year and the day listed, so MS-2023-0001 is that year's first.
const ordered = items
  .map((item, index) => ({ item, index }))
  .sort((a, b) =>
    a.item.year !== b.item.year
      ? a.item.year - b.item.year
      : a.item.listed_on !== b.item.listed_on
        ? a.item.listed_on < b.item.listed_on
          ? -1
          : 1
        : a.index - b.index,
  )
  .map(({ item }) => item);
const serials = new Map<number, number>();
for (const item of ordered) {
  const serial = (serials.get(item.year) ?? 0) + 1;
  serials.set(item.year, serial);
  item.id = `MS-${item.year}-${String(serial).padStart(4, "0")}`;
}
const eventRows: EventRow[] = ordered.flatMap((item) =>
  item.timeline.map((event) => ({
    item_id: item.id,
    date: event.date,
    kind: event.kind,
    status: event.status,
    summary: event.summary,
  })),
);

/** Writes rows under the table's own header, as the other data files are: no BOM, LF. */
function write<C extends Columns>(spec: TableSpec<C>, rows: readonly CsvRow<C>[]): void {
  const names = columnEntries(spec.columns).map(([name]) => name);
  const text = toCsv(
    names,
    rows.map((row) => names.map((name) => (row as Record<string, CsvCell>)[name])),
  )
    .replace(/^\uFEFF/, "")
    .replaceAll("\r\n", "\n");
  writeFileSync(`${DATA_DIR}/${spec.file}`, text);
  console.log(`${DATA_DIR}/${spec.file}: ${rows.length} 行`);
}

write(commitmentsTable, ordered);
write(commitmentUpdatesTable, eventRows);
