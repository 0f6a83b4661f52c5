import { fromDayNumber, toDayNumber } from "../../data/dates.ts";
import type { SynthesisScope } from "../../bench/scope.ts";
import { Draw, writeTable } from "../../bench/random.ts";
import type { CsvRow, WrittenFile } from "../../bench/random.ts";
import { measuresText, place } from "../../bench/text.ts";
import { projectUpdatesTable, projectsTable } from "./schema.ts";
import { projectCategories } from "./vocabulary.ts";
import type { ProjectEventKind, ProjectStatus } from "./vocabulary.ts";

/** Programme start; projects are listed evenly from here to shortly before the as-of date. */
const FIRST_DAY = "2018-01-05";

/** What a project of each category is called after its place. */
const WORKS: Record<string, readonly string[]> = {
  交通: ["公路改建工程", "桥梁新建工程", "公交换乘中心", "停车场建设项目"],
  水利: ["集中供水工程", "灌区节水改造", "防洪堤工程", "水库除险加固"],
  产业: ["标准化厂房项目", "农产品加工园", "冷链物流中心"],
  城建: ["老旧小区改造", "农贸市场改造", "雨污分流工程", "滨河公园"],
  教育: ["幼儿园新建项目", "中学扩建项目", "学生宿舍建设"],
  医疗: ["卫生院改扩建", "医院住院楼建设", "急救站建设"],
  生态: ["污水处理站提标改造", "垃圾转运站建设", "河道综合治理"],
  文化: ["综合文化站", "图书馆新馆", "文物保护利用项目"],
  体育: ["全民健身中心", "健身步道", "社区运动场"],
  养老: ["敬老院改扩建", "社区养老服务中心", "日间照料中心"],
};

type ItemRow = CsvRow<typeof projectsTable.columns>;
type EventRow = CsvRow<typeof projectUpdatesTable.columns>;

interface Event {
  day: number;
  kind: ProjectEventKind;
  status?: ProjectStatus;
  investment?: number;
  progress?: number;
  summary: string;
}

/**
 * 对标补短 at benchmark scale: `count` projects in every county, category and status, listed
 * since 2018, each with a timeline (listed, started, progress reports, built, in use, or a
 * pause or an end) that passes the register's checks: no update before listing or after an
 * end, stages only forward, cumulative investment never falling and within the total, the
 * row's status the timeline's latest, nothing after the as-of date except planned dates.
 */
export function generateProjects(count: number, scope: SynthesisScope): WrittenFile[] {
  const draw = new Draw(20180105 + count);
  const asOf = toDayNumber(scope.asOf);
  const first = toDayNumber(FIRST_DAY);
  const lastListing = asOf - 30;
  const listings = Array.from({ length: count }, () => draw.int(first, lastListing)).sort(
    (a, b) => a - b,
  );
  const serials = new Map<number, number>();
  const items: ItemRow[] = [];
  const events: EventRow[] = [];

  listings.forEach((listed, index) => {
    const listedOn = fromDayNumber(listed);
    const year = Number(listedOn.slice(0, 4));
    const serial = (serials.get(year) ?? 0) + 1;
    serials.set(year, serial);
    if (serial > 9999) throw new Error(`projects: more than 9999 projects listed in ${year}`);
    const id = `DB-${year}-${String(serial).padStart(4, "0")}`;
    // Round robin, so the smallest run has every county and category.
    const county = scope.counties[index % scope.counties.length];
    if (!county) throw new Error("projects: no counties in regions.csv");
    const category = projectCategories.values[index % projectCategories.values.length] ?? "交通";
    const spot = place(draw, county.name);
    const name = `${county.name}${spot.township}${draw.pick(WORKS[category] ?? ["建设项目"])}`;
    const unit = `${county.name}${draw.pick(["发展和改革局", "住房和城乡建设局", "交通运输局", "水务局", "教育局", "卫生健康局", "民政局"])}`;
    const total = 10 * draw.int(100, 40_000);

    const plannedStart = listed + draw.int(30, 240);
    const plannedDays = draw.int(240, 1200);
    const plannedFinish = plannedStart + plannedDays;
    const start = plannedStart + draw.int(-20, 300);
    const buildDays = Math.round(plannedDays * (0.9 + draw.next() * 1.1));
    const finish = start + buildDays;
    const open = finish + draw.int(15, 300);
    const room = Math.min(asOf, finish) - listed;
    const fate =
      room < 60
        ? "plain"
        : draw.weighted([
            ["plain", 89],
            ["pause", 6],
            ["end", 5],
          ] as const);
    const decisionDay = fate === "plain" ? undefined : listed + draw.int(20, room - 1);
    const stop = decisionDay ?? asOf;
    const started = start <= stop;
    const built = started && finish <= stop;
    const inUse = built && open <= stop;
    const settle = 0.9 + draw.next() * 0.1;
    const progressAt = (day: number) =>
      Math.min(99, Math.max(1, Math.round((100 * (day - start)) / buildDays)));
    const investmentAt = (progress: number) =>
      10 * Math.floor((total * settle * (0.03 + 0.97 * (progress / 100))) / 10);

    const timeline: Event[] = [
      {
        day: listed,
        kind: "列入计划",
        status: "前期",
        summary: `${name}列入对标补短项目计划,由${unit}负责实施。`,
      },
    ];
    if (started) {
      timeline.push({
        day: start,
        kind: "开工",
        status: "在建",
        investment: investmentAt(0),
        summary: `${name}开工,${measuresText(draw, 40, unit)}`,
      });
      const reportEnd = built ? finish : stop;
      const reports = Math.min(4, Math.floor((reportEnd - start) / 120));
      for (let k = 1; k <= reports; k++) {
        const day = start + Math.floor((k * (reportEnd - start)) / (reports + 1));
        const progress = progressAt(day);
        timeline.push({
          day,
          kind: "进度",
          investment: investmentAt(progress),
          progress,
          summary: `${unit}报送进度:${measuresText(draw, draw.int(30, 90), unit)}`,
        });
      }
    }
    if (built) {
      timeline.push({
        day: finish,
        kind: "完工验收",
        status: "建成",
        investment: investmentAt(100),
        progress: 100,
        summary: "主体工程完工,通过竣工验收。",
      });
    }
    if (inUse) {
      timeline.push({ day: open, kind: "投入使用", status: "投用", summary: `${name}投入使用。` });
    }
    let reason: string | undefined;
    if (decisionDay !== undefined) {
      reason =
        fate === "pause"
          ? "配套资金来源未落实,经研究暂缓实施。"
          : "选址区域规划调整,经研究终止实施。";
      timeline.push({
        day: decisionDay,
        kind: fate === "pause" ? "暂缓" : "终止",
        status: fate === "pause" ? "暂缓" : "终止",
        summary: reason,
      });
    }
    timeline.sort((a, b) => a.day - b.day);
    const status = timeline.findLast((event) => event.status !== undefined)?.status ?? "前期";

    items.push({
      id,
      name,
      category,
      region_code: county.code,
      responsible_unit: unit,
      shortfall: measuresText(draw, draw.int(30, 80), unit),
      scope: measuresText(draw, draw.int(60, 200), unit),
      total_investment: total,
      listed_on: listedOn,
      planned_start_on: fromDayNumber(plannedStart),
      planned_finish_on: fromDayNumber(plannedFinish),
      status,
      status_reason: status === "暂缓" || status === "终止" ? reason : undefined,
      started_on: started && status !== "前期" ? fromDayNumber(start) : undefined,
      completed_on: status === "建成" || status === "投用" ? fromDayNumber(finish) : undefined,
    });
    for (const event of timeline) {
      events.push({
        item_id: id,
        date: fromDayNumber(event.day),
        kind: event.kind,
        status: event.status,
        investment_to_date: event.investment,
        progress: event.progress,
        summary: event.summary.slice(0, 500),
      });
    }
  });
  return [
    writeTable(scope.dataDir, projectsTable, items),
    writeTable(scope.dataDir, projectUpdatesTable, events),
  ];
}
