// Writes the demo site's sample 对标补短 register: data/projects.csv and
// data/project-updates.csv. What each project is comes from projects-catalogue.ts (written
// by hand, one distinct text per project); its dates, money, fate and timeline are drawn here
// from a fixed seed, so the committed files are reproducible. Every project passes the
// register's checks (src/registers/projects/checks.ts); the script refuses to write a
// register that misses a county or a status. Run: `npx node scripts/sample-data/projects.ts`.
import { readFileSync, writeFileSync } from "node:fs";
import Papa from "papaparse";
import { fromDayNumber, toDayNumber } from "../../src/data/dates.ts";
import type { IsoDate } from "../../src/data/dates.ts";
import { columnEntries } from "../../src/data/table.ts";
import { projectUpdatesTable, projectsTable } from "../../src/registers/projects/schema.ts";
import { projectStatuses } from "../../src/registers/projects/vocabulary.ts";
import type {
  ProjectCategory,
  ProjectEventKind,
  ProjectStatus,
} from "../../src/registers/projects/vocabulary.ts";
import { Draw } from "../../src/bench/random.ts";
import { catalogue } from "./projects-catalogue.ts";
import type { CatalogueProject } from "./projects-catalogue.ts";

const PROJECTS_FILE = "data/projects.csv";
const UPDATES_FILE = "data/project-updates.csv";

/** How long a category's projects take to build (days), and what building them involves. */
interface CategoryProfile {
  duration: readonly [number, number];
  /** Works in the order they are done: early, middle, late. */
  works: readonly [readonly string[], readonly string[], readonly string[]];
  /** What acceptance is called for this kind of project. */
  acceptance: string;
}

const profiles: Record<ProjectCategory, CategoryProfile> = {
  交通: {
    duration: [720, 1460],
    works: [
      ["路基土石方", "桥梁桩基", "涵洞和边沟"],
      ["路面基层", "桥梁墩柱和梁板架设", "挡墙和防护工程"],
      ["沥青路面摊铺", "交通标志标线", "安保护栏和绿化"],
    ],
    acceptance: "通过交工验收",
  },
  水利: {
    duration: [360, 900],
    works: [
      ["导流围堰", "取水口基础", "渠道开挖"],
      ["渠道衬砌", "输水管道铺设", "泵站主体结构"],
      ["机电设备安装调试", "闸门安装", "试通水"],
    ],
    acceptance: "通过完工验收",
  },
  产业: {
    duration: [360, 900],
    works: [
      ["场地平整", "厂房基础"],
      ["钢结构厂房主体", "园区道路和管网"],
      ["生产设备安装", "供电和消防设施", "附属工程"],
    ],
    acceptance: "通过竣工验收",
  },
  城建: {
    duration: [240, 640],
    works: [
      ["管网沟槽开挖", "拆除和场地清理"],
      ["管网铺设", "主体结构", "外立面改造"],
      ["路面恢复", "景观绿化", "配套设施安装"],
    ],
    acceptance: "通过竣工验收",
  },
  教育: {
    duration: [300, 720],
    works: [
      ["桩基施工", "基础工程"],
      ["教学楼主体结构", "宿舍楼主体结构"],
      ["内外装饰", "运动场面层", "教学设备安装"],
    ],
    acceptance: "通过竣工验收",
  },
  医疗: {
    duration: [540, 1100],
    works: [
      ["桩基施工", "地下室结构"],
      ["主体结构", "机电管线预埋"],
      ["医用气体和净化工程", "装饰装修", "医疗设备安装调试"],
    ],
    acceptance: "通过竣工验收和消防验收",
  },
  生态: {
    duration: [240, 640],
    works: [
      ["截污管沟槽开挖", "河道清淤", "整地挖穴"],
      ["管网铺设", "生态护岸砌筑", "苗木栽植"],
      ["设备调试", "补植补造", "监测设施安装"],
    ],
    acceptance: "通过竣工验收",
  },
  文化: {
    duration: [300, 760],
    works: [
      ["基础施工", "文物建筑测绘和加固"],
      ["主体结构", "钢结构屋盖"],
      ["幕墙和装饰", "展陈布置", "舞台和灯光设备安装"],
    ],
    acceptance: "通过竣工验收",
  },
  体育: {
    duration: [300, 720],
    works: [
      ["场地平整", "基础施工"],
      ["看台主体", "场馆钢结构"],
      ["塑胶跑道和场地面层", "灯光音响安装"],
    ],
    acceptance: "通过竣工验收",
  },
  养老: {
    duration: [240, 560],
    works: [
      ["基础施工", "原有房屋加固"],
      ["主体结构", "屋面工程"],
      ["适老化装修", "护理设备安装", "呼叫系统调试"],
    ],
    acceptance: "通过竣工验收和消防验收",
  },
};

/** Listing dates of the yearly batches, and how many projects each year lists. */
const batches: readonly { year: number; on: IsoDate; count: number }[] = [
  { year: 2018, on: "2018-03-16", count: 13 },
  { year: 2019, on: "2019-02-27", count: 8 },
  { year: 2020, on: "2020-03-20", count: 7 },
  { year: 2021, on: "2021-03-12", count: 6 },
  { year: 2022, on: "2022-02-25", count: 7 },
  { year: 2023, on: "2023-03-10", count: 7 },
  { year: 2024, on: "2024-03-08", count: 7 },
  { year: 2025, on: "2025-03-14", count: 6 },
  { year: 2026, on: "2026-03-13", count: 5 },
];

const prepMilestones: readonly ((c: TextContext) => string)[] = [
  (c) => `项目建议书获${c.approver}批复，同意开展前期工作。`,
  (c) => `可行性研究报告获${c.approver}批复，明确建设规模和总投资。`,
  () => "取得用地预审与选址意见书，完成地形测量和地质初勘。",
  () => "环境影响评价文件获生态环境部门批复。",
  (c) => `初步设计和概算获批复，批复概算 ${c.total} 万元。`,
  () => "施工图设计通过审查，施工图预算编制完成。",
  (c) => `完成施工招标，确定施工单位，中标价 ${c.bid} 万元。`,
];

const pauseReasons: readonly string[] = [
  "项目选址与新一轮国土空间规划冲突，需重新选址论证",
  "地质勘察发现大范围溶洞，施工方案需重新设计和评审",
  "配套资金来源未落实，经县政府常务会议研究暂缓实施",
  "施工中发现古代墓葬，按文物部门要求暂停施工，开展考古发掘",
  "用地报批涉及永久基本农田调整，等待上级审批",
  "主要建设内容与新启动的上级项目重叠，暂缓待统筹",
];

const endReasons: readonly string[] = [
  "上级专项规划调整后，项目功能已由省级项目覆盖，经市政府常务会议研究终止实施，已完成的勘察设计费用据实结算",
  "选址区域被划入地质灾害高风险区，原址不再建设，另行选址立项",
  "经重新评估，周边新建设施已能满足群众需求，终止实施",
  "社会资本方退出，项目无法按原合作模式实施，决定终止",
  "项目所在片区整体纳入城市更新规划，原方案终止，建设内容并入片区项目",
];

const holdUps: readonly string[] = [
  "连续降雨",
  "汛期河道水位上涨",
  "冬季低温",
  "钢材价格上涨、供应紧张",
  "征地拆迁遗留问题",
  "管线迁改协调",
];

interface ProgressContext {
  works: string;
  next: string;
  unit: string;
  crew: number;
  share: number;
  hold: string;
}

/** Reports while the main works are under way, in several wordings. */
function progressTemplates(): readonly ((c: ProgressContext) => string)[] {
  return [
    (c) => `${c.works}已完成，正在进行${c.next}。`,
    (c) => `本季度完成${c.works},${c.next}同步推进。`,
    (c) => `${c.unit}报送：${c.works}基本完成，现场施工人员约 ${c.crew} 人。`,
    (c) => `${c.works}通过中间验收，${c.next}开始施工。`,
    (c) => `完成${c.works}，累计完成投资约占总投资的 ${c.share}%。`,
    (c) => `${c.works}完工，下一步开始${c.next}。`,
    (c) => `市对标补短工作督查组现场查看：${c.works}正在施工，要求提前做好${c.next}的准备。`,
    (c) => `${c.unit}组织质量安全检查，${c.works}未发现质量问题。`,
  ];
}

/** Reports of a project falling behind, alternating so two never read alike. */
const slowTemplates: readonly ((c: ProgressContext) => string)[] = [
  (c) => `受${c.hold}影响，${c.works}进度滞后，${c.unit}督促施工单位增加作业班组。`,
  (c) =>
    `${c.works}因${c.hold}多次停工，工期已明显滞后，市对标补短工作领导小组办公室约谈施工单位。`,
  (c) => `${c.hold}问题尚未解决，${c.works}只完成一部分，${c.unit}已制定赶工计划。`,
];

/** Reports in the last stretch, when what comes next is acceptance. */
const finishingTemplates: readonly ((c: ProgressContext) => string)[] = [
  (c) => `${c.works}已完成，正在做竣工验收前的准备。`,
  (c) => `${c.works}进入收尾，${c.unit}组织参建单位预验收。`,
  (c) => `剩余的${c.works}抓紧施工，计划近期申请验收。`,
  (c) => `完成${c.works}，累计完成投资约占总投资的 ${c.share}%。`,
];

interface TextContext {
  name: string;
  unit: string;
  approver: string;
  total: number;
  bid: number;
}

interface Event {
  date: IsoDate;
  kind: ProjectEventKind;
  status: ProjectStatus | "";
  investment: number | undefined;
  progress: number | undefined;
  summary: string;
}

/** A number of 万元 as editors write it: whole, rounded to tens. */
const wan = (value: number) => Math.max(10, Math.round(value / 10) * 10);

const day = (date: IsoDate) => toDayNumber(date);
/** `2019年5月`, as running text names a month. */
const monthText = (dayNumber: number) => {
  const [year, month] = fromDayNumber(dayNumber).split("-");
  return `${year}年${Number(month)}月`;
};
const date = (dayNumber: number) => fromDayNumber(dayNumber);

const site = JSON.parse(readFileSync("data/site.json", "utf8")) as { asOf: IsoDate };
const asOf = day(site.asOf);
const regions = Papa.parse<Record<string, string>>(readFileSync("data/regions.csv", "utf8"), {
  header: true,
  skipEmptyLines: true,
}).data;
const codeOf = new Map(regions.map((row) => [row["name"] ?? "", row["code"] ?? ""]));

// Of the seeds 1–30, the one whose draw spreads the statuses most evenly over the demo.
const draw = new Draw(4);

/** Listing years, one per catalogue entry, shuffled so every county gets old and new projects. */
const years = batches.flatMap((batch) => Array.from({ length: batch.count }, () => batch));
if (years.length !== catalogue.length) {
  throw new Error(`batches list ${years.length} projects, the catalogue ${catalogue.length}`);
}
for (let i = years.length - 1; i > 0; i--) {
  const j = draw.int(0, i);
  const [a, b] = [years[i], years[j]];
  if (a === undefined || b === undefined) throw new Error("shuffle out of range");
  years[i] = b;
  years[j] = a;
}

const serials = new Map<number, number>();
const projectRows: Record<string, string>[] = [];
const updateRows: Record<string, string>[] = [];
let overrunDone = false;
let resumedDone = false;
let adjustedCount = 0;
let pauses = 0;
let ends = 0;

catalogue.forEach((entry: CatalogueProject, index) => {
  const batch = years[index];
  const county = codeOf.get(entry.county);
  if (!batch || !county) throw new Error(`no batch or county for ${entry.name}`);
  const profile = profiles[entry.category];
  const serial = (serials.get(batch.year) ?? 0) + 1;
  serials.set(batch.year, serial);
  const id = `DB-${batch.year}-${String(serial).padStart(3, "0")}`;

  // Plan. One in five projects joins its year's list later, as a supplement (增补).
  const supplement = draw.chance(0.2);
  const listed = day(batch.on) + (supplement ? draw.int(90, 200) : 0);
  const plannedStart = listed + draw.int(45, 300);
  const plannedDays = draw.int(profile.duration[0], profile.duration[1]);
  const plannedFinish = plannedStart + plannedDays;
  let total = wan(entry.investment * (0.88 + draw.next() * 0.24));

  // What actually happens: start delay, pace, and rare pauses and ends.
  const delay = draw.weighted<readonly [number, number]>([
    [[-30, 0], 15],
    [[0, 90], 40],
    [[90, 300], 30],
    [[300, 800], 15],
  ]);
  let start = plannedStart + draw.int(delay[0], delay[1]);
  const pace = draw.weighted<readonly [number, number]>([
    [[0.9, 1.15], 45],
    [[1.15, 1.5], 30],
    [[1.5, 2.1], 15],
    [[2.2, 3.5], 10],
  ]);
  const buildDays = Math.round(plannedDays * (pace[0] + draw.next() * (pace[1] - pace[0])));
  let finish = start + buildDays;
  // Handing over takes weeks, or for fitted-out buildings (equipment, licences) much longer.
  const handover = draw.weighted<readonly [number, number]>([
    [[15, 90], 55],
    [[90, 480], 45],
  ]);
  let open = finish + draw.int(handover[0], handover[1]);
  const gamma = 0.85 + draw.next() * 0.3;
  const settle = 0.93 + draw.next() * 0.07;
  const prepShare = 0.01 + draw.next() * 0.05;

  // Pauses and ends need room in the project's life before the as-of date.
  const room = Math.min(asOf, finish) - listed;
  // About one project in six is paused or ended; capped so the demo stays mostly on course.
  const drawn =
    room < 240
      ? "plain"
      : draw.weighted([
          ["plain", 76],
          ["pause", 12],
          ["end", 12],
        ] as const);
  const fate =
    (drawn === "pause" && pauses >= 5) || (drawn === "end" && ends >= 5) ? "plain" : drawn;
  if (fate === "pause") pauses++;
  if (fate === "end") ends++;
  const resumed = fate === "pause" && !resumedDone && room > 900;
  if (resumed) resumedDone = true;
  let pauseOn: number | undefined;
  let resumeOn: number | undefined;
  let endOn: number | undefined;
  if (fate === "pause") {
    // A resumed pause leaves time after it for the project to go on before the as-of date.
    pauseOn = listed + draw.int(120, room - (resumed ? 500 : 60));
    if (resumed) {
      resumeOn = pauseOn + draw.int(150, 400);
      const shift = resumeOn - pauseOn;
      if (start > pauseOn) start += shift;
      finish += shift;
      open += shift;
    }
  } else if (fate === "end") {
    endOn = listed + draw.int(90, room - 30);
  }

  // Where the project's recorded life stops: a pause without resumption, an end, or as-of.
  const stop = Math.min(asOf, endOn ?? asOf, resumed ? asOf : (pauseOn ?? asOf));
  const started = start <= stop;
  const built = started && finish <= stop;
  const inUse = built && open <= stop;

  const overrun =
    inUse &&
    !overrunDone &&
    index >= 8 &&
    ["交通", "医疗", "教育", "文化"].includes(entry.category);
  if (overrun) overrunDone = true;
  const finalShare = overrun ? 1.045 : settle;
  const adjusted =
    !overrun &&
    started &&
    Math.min(finish, stop) - start > 300 &&
    adjustedCount < 2 &&
    index % 7 === 3;
  const originalTotal = total;
  if (adjusted) {
    adjustedCount++;
    total = wan(total * (1.12 + draw.next() * 0.13));
  }

  const approver = `${entry.county}发展和改革局`;
  const text: TextContext = {
    name: entry.name,
    unit: entry.unit,
    approver,
    total: originalTotal,
    bid: wan(originalTotal * (0.55 + draw.next() * 0.25)),
  };
  const events: Event[] = [];
  const add = (event: Omit<Event, "status" | "investment" | "progress"> & Partial<Event>) =>
    events.push({ status: "", investment: undefined, progress: undefined, ...event });

  add({
    date: date(listed),
    kind: "列入计划",
    status: "前期",
    summary: draw.pick([
      `${supplement ? "增补" : ""}列入${batch.year}年对标补短项目计划，由${entry.unit}负责实施。`,
      `市对标补短工作领导小组审定，项目${supplement ? "作为增补项目" : ""}列入${batch.year}年度清单，计划${monthText(plannedStart)}开工。`,
      `项目纳入${batch.year}年对标补短计划，针对「${entry.shortfall.replace(/。$/, "")}」的问题。`,
    ]),
  });

  // Preparation: milestones in their order, spread over the time before the start.
  const prepEnd = Math.min(start, stop) - 10;
  const prepCount = Math.max(1, Math.min(3, Math.floor((prepEnd - listed) / 60)));
  const firstMilestone = draw.int(0, prepMilestones.length - prepCount);
  const prepSpend = wan(total * prepShare);
  for (let k = 0; k < prepCount; k++) {
    const on = listed + Math.round(((k + 1) * (prepEnd - listed)) / (prepCount + 1));
    if (on <= listed) continue;
    // Nothing moves while a project is paused.
    if (pauseOn !== undefined && on >= pauseOn && (resumeOn === undefined || on <= resumeOn)) {
      continue;
    }
    const milestone = prepMilestones[firstMilestone + k];
    if (!milestone) continue;
    add({
      date: date(on),
      kind: "前期工作",
      summary: milestone(text),
      ...(k === prepCount - 1 && draw.chance(0.6) ? { investment: wan(prepSpend * 0.6) } : {}),
    });
  }

  const activeDays = (at: number) => {
    let days = at - start;
    if (resumeOn !== undefined && pauseOn !== undefined && at > resumeOn && start < pauseOn) {
      days -= resumeOn - pauseOn;
    }
    return Math.max(0, days);
  };
  const progressAt = (at: number) =>
    Math.min(99, Math.max(1, Math.round(100 * (activeDays(at) / buildDays) ** gamma)));
  const investmentAt = (progress: number) =>
    wan(prepSpend + (total * finalShare - prepSpend) * (progress / 100) * 0.97);

  if (started) {
    add({
      date: date(start),
      kind: "开工",
      status: "在建",
      investment: prepSpend,
      summary: draw.pick([
        `项目开工，${draw.pick(profile.works[0])}同步展开。`,
        `施工单位进场，开始${draw.pick(profile.works[0])}。`,
        `举行开工仪式，首批施工人员约 ${draw.int(40, 260)} 人进场。`,
      ]),
    });
  }

  // Progress reports while building: at most seven, roughly quarterly.
  const reportEnd = Math.min(built ? finish : stop, stop);
  if (started && reportEnd - start > 60) {
    const span = reportEnd - start;
    const count = Math.min(7, Math.max(1, Math.floor(span / 100)));
    const templates = progressTemplates();
    let lastWorks = "";
    const offset = draw.int(0, templates.length - 1);
    for (let k = 1; k <= count; k++) {
      const at = start + Math.round((k * span) / (count + 1)) + draw.int(-8, 8);
      if (at <= start || at >= reportEnd) continue;
      if (pauseOn !== undefined && resumeOn !== undefined && at > pauseOn && at < resumeOn) {
        continue;
      }
      const progress = progressAt(at);
      const phase = progress < 30 ? 0 : progress < 70 ? 1 : 2;
      const choices = profile.works[phase].filter((works) => works !== lastWorks);
      const works = draw.pick(choices.length > 0 ? choices : profile.works[phase]);
      lastWorks = works;
      const next = draw.pick(profile.works[phase === 0 ? 1 : 2]);
      const slow = pace[0] >= 1.5 && k % 2 === 0;
      const wordings = phase === 2 ? finishingTemplates : templates;
      const template = slow
        ? slowTemplates[(k / 2) % slowTemplates.length]
        : wordings[(offset + k) % wordings.length];
      if (!template) continue;
      add({
        date: date(at),
        kind: "进度",
        investment: investmentAt(progress),
        progress,
        summary: template({
          works,
          next,
          unit: entry.unit,
          crew: draw.int(30, 420),
          share: Math.round((investmentAt(progress) / total) * 100),
          hold: draw.pick(holdUps),
        }),
      });
      if (adjusted && k === Math.ceil(count / 2) && at + 5 < reportEnd) {
        add({
          date: date(at + 5),
          kind: "调整",
          summary: `概算调整获批：总投资由 ${originalTotal} 万元调整为 ${total} 万元，主要是${draw.pick(["地质条件变化增加基础工程量", "建设标准按新规范提高", "征地拆迁补偿标准调整"])}。`,
        });
      }
    }
  }

  /** Why the project is paused or ended, when it still is. */
  let statusReason = "";
  if (pauseOn !== undefined) {
    const reason = draw.pick(pauseReasons);
    add({ date: date(pauseOn), kind: "暂缓", status: "暂缓", summary: `${reason}。` });
    if (resumeOn !== undefined) {
      add({
        date: date(resumeOn),
        kind: "恢复",
        status: start <= resumeOn ? "在建" : "前期",
        summary: "暂缓的原因已经消除，经领导小组同意恢复推进，工期相应顺延。",
      });
    } else {
      statusReason = `${reason}。`;
    }
  }
  if (endOn !== undefined) {
    const reason = draw.pick(endReasons);
    add({ date: date(endOn), kind: "终止", status: "终止", summary: `${reason}。` });
    statusReason = `${reason}。`;
  }
  if (built) {
    add({
      date: date(finish),
      kind: "完工验收",
      status: "建成",
      investment: investmentAt(100) > total && !overrun ? total : investmentAt(100),
      progress: 100,
      summary: draw.pick([
        `主体工程完工，${profile.acceptance}。`,
        `${draw.pick(profile.works[2])}完成，项目${profile.acceptance}，进入交付准备。`,
        `${profile.acceptance}，验收中提出的 ${draw.int(3, 17)} 项整改意见已落实。`,
      ]),
    });
  }
  if (inUse) {
    add({
      date: date(open),
      kind: "投入使用",
      status: "投用",
      investment: overrun ? wan(total * 1.045) : wan(total * finalShare),
      progress: 100,
      summary: entry.opening,
    });
  }

  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const last = [...events].reverse().find((event) => event.status !== "");
  const status: ProjectStatus = last?.status || "前期";

  // Investment reports never decrease: a report taken on a slow day never undoes one before it.
  let highest = 0;
  for (const event of events) {
    if (event.investment === undefined) continue;
    highest = Math.max(highest, event.investment);
    event.investment = highest;
  }

  projectRows.push({
    id,
    name: entry.name,
    category: entry.category,
    region_code: county,
    responsible_unit: entry.unit,
    shortfall: entry.shortfall,
    scope: entry.scope,
    total_investment: String(total),
    listed_on: date(listed),
    planned_start_on: date(plannedStart),
    planned_finish_on: date(plannedFinish),
    status,
    status_reason: status === "暂缓" || status === "终止" ? statusReason : "",
    started_on: started && status !== "前期" ? date(start) : "",
    completed_on: status === "建成" || status === "投用" ? date(finish) : "",
    overrun_reason: overrun
      ? "施工中遇到地下岩溶，桩基工程量增加，概算调增已报发展改革部门，尚待批复。"
      : "",
  });
  for (const event of events) {
    updateRows.push({
      item_id: id,
      date: event.date,
      kind: event.kind,
      status: event.status,
      investment_to_date: event.investment === undefined ? "" : String(event.investment),
      progress: event.progress === undefined ? "" : String(event.progress),
      summary: event.summary,
      source_url: "",
    });
  }
});

// Refuse a register the demo cannot show: every county and every status must be there.
const counties = regions.filter((row) => row["level"] === "县").map((row) => row["code"]);
const missingCounties = counties.filter(
  (code) => !projectRows.some((row) => row["region_code"] === code),
);
const missingStatuses = projectStatuses.values.filter(
  (status) => !projectRows.some((row) => row["status"] === status),
);
if (missingCounties.length > 0 || missingStatuses.length > 0 || !overrunDone || !resumedDone) {
  throw new Error(
    `sample projects miss counties [${missingCounties.join(", ")}] statuses [${missingStatuses.join(", ")}] overrun ${overrunDone} resumed ${resumedDone}: change the seed`,
  );
}

function write(file: string, columns: string[], rows: Record<string, string>[]) {
  writeFileSync(file, `${Papa.unparse(rows, { columns, newline: "\n" })}\n`, "utf8");
}
write(
  PROJECTS_FILE,
  columnEntries(projectsTable.columns).map(([name]) => name),
  projectRows,
);
write(
  UPDATES_FILE,
  columnEntries(projectUpdatesTable.columns).map(([name]) => name),
  updateRows,
);
const counts = projectStatuses.values
  .map((status) => `${status} ${projectRows.filter((row) => row["status"] === status).length}`)
  .join("、");
console.log(
  `${PROJECTS_FILE}: ${projectRows.length} 个项目（${counts}）；${UPDATES_FILE}: ${updateRows.length} 条进展`,
);
