// Writes the demo site's sample 阳光问廉 register: data/hearings.csv (episodes),
// data/hearing-problems.csv (problems raised) and data/hearing-problem-updates.csv (their
// timelines). Every episode, problem and count is fictional, generated from a fixed seed so
// the committed files are reproducible; the site marks them as sample data. No person is
// named anywhere: accountability is counts by kind. Counties are read from data/regions.csv
// and the city's name from data/site.json, so the script holds no city of its own.
// Run: `npx node scripts/sample-data/hearings.ts`.
import { readFileSync, writeFileSync } from "node:fs";
import Papa from "papaparse";
import { addDays, daysBetween } from "../../src/data/dates.ts";
import { columnEntries } from "../../src/data/table.ts";
import {
  hearingProblemsTable,
  hearingUpdatesTable,
  hearingsTable,
} from "../../src/registers/hearings/schema.ts";
import type { HearingProblemStatus } from "../../src/registers/hearings/vocabulary.ts";
import { Draw } from "../../src/bench/random.ts";

interface County {
  code: string;
  name: string;
}

/** One kind of problem the programme exposes, with the words its rows are made from. */
interface Theme {
  theme: string;
  problems: readonly {
    /** The department questioned, after the county's name. */
    unit: string;
    title: string;
    exposed: string;
    commitment: string;
    measures: string;
  }[];
}

/**
 * What the episodes are about. `{county}` and `{place}` are filled per problem; the texts
 * are written for this demo and describe no real case.
 */
const THEMES: readonly Theme[] = [
  {
    theme: "聚焦惠民惠农资金落实",
    problems: [
      {
        unit: "农业农村局",
        title: "产业扶持资金拨付拖延近一年",
        exposed:
          "{place}的茶叶种植户反映,前年申报的产业扶持资金迟迟没有到账。记者暗访发现,资金早已下达到县,卡在审核环节近一年,经办人员说“材料还在走流程”。",
        commitment: "一个月内完成全部审核和拨付,逐户公示到账情况,并倒查拖延原因。",
        measures: "开通资金审核绿色通道,已逐户拨付到账并张榜公示;对审核环节建立限时办结制度。",
      },
      {
        unit: "农业农村局",
        title: "耕地地力保护补贴面积核定不准",
        exposed:
          "{place}多户村民的补贴面积与实际承包地不符,有的多报、有的漏报。村组干部承认“几年没有重新丈量,照旧表填的”。",
        commitment: "两个月内对全乡补贴面积重新核实,多发的追回,少发的补齐。",
        measures: "组织逐户复核承包地面积,更正补贴台账,多发资金全部追回,漏发的已补发。",
      },
      {
        unit: "交通运输局",
        title: "村级公益项目验收走过场",
        exposed:
          "{place}一条村道硬化工程验收合格不到半年就出现大面积开裂。镜头显示,验收记录上的签字日期早于完工日期。",
        commitment: "立即组织第三方检测,责成施工方返工,对验收程序开展专项检查。",
        measures: "第三方检测后施工方全线返工,扣减质保金;全县村级项目验收改为随机抽取专家参与。",
      },
    ],
  },
  {
    theme: "聚焦群众办事难",
    problems: [
      {
        unit: "自然资源局",
        title: "不动产登记窗口“一件事跑三趟”",
        exposed:
          "记者以办事群众身份到{county}政务服务中心办理房屋转移登记,窗口三次要求补交不同材料,前后跑了三趟仍未受理,而办事指南上并没有这些要求。",
        commitment: "一周内公布统一的材料清单,实行一次性告知,超出清单的材料一律不得索要。",
        measures: "公布并张贴统一材料清单,实行一次性告知和首问负责;开通周末预约办理。",
      },
      {
        unit: "人力资源和社会保障局",
        title: "社保卡补办需等一个月",
        exposed:
          "{place}多名老人反映,社保卡丢失补办要等一个多月,期间看病取药无法结算。暗访发现,乡镇经办点说卡要送到市里制作,“急也没办法”。",
        commitment: "半个月内在县级经办大厅实现社保卡即时制卡,乡镇经办点开通临时结算凭证。",
        measures: "县级大厅配置即时制卡设备,补卡当场领取;乡镇经办点可出具临时结算凭证。",
      },
      {
        unit: "医疗保障局",
        title: "医保报销材料反复退回",
        exposed:
          "一位在外地住院的{county}患者家属,三次寄送报销材料均被退回,理由每次不同。节目现场,经办负责人无法说清到底需要哪些材料。",
        commitment: "十个工作日内梳理异地就医报销材料清单,退件必须一次性书面说明全部原因。",
        measures: "印发异地就医报销材料清单,退件实行一次性书面告知,并开通线上提交渠道。",
      },
    ],
  },
  {
    theme: "聚焦农村人居环境",
    problems: [
      {
        unit: "住房和城乡建设局",
        title: "新建污水处理站建成未运行",
        exposed:
          "{place}投资数百万元的污水处理站建成两年,设备锈迹斑斑,污水绕过处理站直接排进小河。管护单位说“一直没有移交,不知道谁来运行”。",
        commitment: "一个月内明确运营单位并恢复运行,同步排查全县同类站点。",
        measures: "明确由县水务公司统一运营,站点已恢复运行并接入在线监测;全县同类站点逐一排查。",
      },
      {
        unit: "综合行政执法局",
        title: "垃圾转运站长期满溢",
        exposed:
          "{place}垃圾转运站周边堆满生活垃圾,夏天蚊蝇成群、臭味刺鼻。附近村民说清运车“半个月来一次”。",
        commitment: "三天内清理积存垃圾,建立每日清运制度,清运情况向村民公示。",
        measures: "积存垃圾已清运,转运站加装压缩设备,实行每日清运并公示清运记录。",
      },
      {
        unit: "水利局",
        title: "河道清淤工程停工半年",
        exposed:
          "{place}一段河道清淤工程挖开后停工半年,淤泥堆在河岸,汛期来临前存在堵塞行洪的隐患。",
        commitment: "汛期前完成清淤并清理岸边淤泥,对停工原因开展调查。",
        measures: "工程已复工完成清淤,岸边淤泥全部外运;对工程管理失职问题移交纪检监察机关。",
      },
    ],
  },
  {
    theme: "聚焦教育医疗民生",
    problems: [
      {
        unit: "教育局",
        title: "学校食堂食材进货台账缺失",
        exposed:
          "暗访{place}一所中学食堂,冷库里的肉类没有检验检疫证明,进货台账几个月没有记录,学生家长对饭菜质量意见较大。",
        commitment: "立即对全县学校食堂开展食品安全检查,一个月内完成整改并向家长公开。",
        measures: "全县学校食堂完成拉网式检查,统一配送食材并建立电子台账,家长代表定期陪餐监督。",
      },
      {
        unit: "卫生健康局",
        title: "乡镇卫生院夜间无人值班",
        exposed:
          "记者夜间到{place}卫生院求诊,急诊室大门紧锁,值班电话无人接听。附近群众说晚上看病“只能往城里跑”。",
        commitment: "一周内落实 24 小时值班制度,值班人员和联系方式在院门口公示。",
        measures: "落实 24 小时值班和院领导带班制度,县卫生健康局每月夜间暗访抽查。",
      },
      {
        unit: "教育局",
        title: "校外培训机构违规收费",
        exposed:
          "{county}城区几家培训机构以“会员卡”名义一次性收取一年以上费用,家长要求退费被拒。主管部门称“没有接到投诉”。",
        commitment: "半个月内对城区培训机构全面排查,违规预收费用的责令限期退还。",
        measures: "排查城区培训机构,违规预收费用已退还,预收费全部纳入资金监管账户。",
      },
    ],
  },
  {
    theme: "聚焦城市管理和安全生产",
    problems: [
      {
        unit: "住房和城乡建设局",
        title: "老旧小区消防通道被占",
        exposed:
          "{county}城区一处老旧小区消防通道被车辆和杂物长期占用,消防栓无水。居民多次反映,物业和社区相互推诿。",
        commitment: "立即清理消防通道,一个月内完成消防设施维修,并建立常态巡查机制。",
        measures: "清理占道车辆和杂物,施划禁停标线,维修消防栓并恢复供水;社区每周巡查。",
      },
      {
        unit: "交通运输局",
        title: "农村客运班线停运无人过问",
        exposed:
          "{place}至县城的客运班线停运三个月,沿线学生和老人只能搭乘无资质的“黑车”,存在安全隐患。",
        commitment: "半个月内恢复班线运营,同时对沿线非法营运车辆开展整治。",
        measures: "班线已恢复并加密上学放学时段班次,联合公安开展非法营运专项整治。",
      },
      {
        unit: "住房和城乡建设局",
        title: "工地夜间施工扰民屡禁不止",
        exposed:
          "{county}城区一处在建工地多次在深夜浇筑混凝土,周边居民整夜难眠。执法人员说“处罚过了,但管不住”。",
        commitment: "立即责令停止夜间违规施工,建立夜间施工审批公示和联合执法机制。",
        measures: "对施工单位依法处罚并记入信用档案;夜间施工一律审批公示,接到投诉 30 分钟内到场。",
      },
    ],
  },
];

/** Episode themes in broadcast order (a theme may come back years later). */
const SCHEDULE = [0, 1, 2, 3, 4, 1, 0, 2] as const;
const FIRST_AIRED = "2022-05-10";
const EPISODE_GAP_DAYS = 225;
const PROBLEMS_PER_EPISODE = [5, 4, 5, 5, 4, 5, 4, 5] as const;

const site = JSON.parse(readFileSync("data/site.json", "utf8")) as {
  asOf: string;
  jurisdiction: { name: string };
};
const regions = Papa.parse<Record<string, string>>(
  readFileSync("data/regions.csv", "utf8").replace(/^\uFEFF/, ""),
  { header: true, skipEmptyLines: true },
).data;
const counties: County[] = regions
  .filter((row) => row["level"] === "县")
  .map((row) => ({ code: row["code"] ?? "", name: row["name"] ?? "" }));
const townshipsOf = (county: County) =>
  regions
    .filter((row) => row["level"] === "乡" && row["parent"] === county.code)
    .map((row) => row["name"] ?? "");
const GENERIC_PLACES = ["一个行政村", "城郊一个社区", "山区一个村", "一个移民安置点", "一个集镇"];

const draw = new Draw(20160701);
const asOf = site.asOf;
const city = site.jurisdiction.name;

type Cells = Record<string, string>;
const hearings: Cells[] = [];
const problems: Cells[] = [];
const updates: Cells[] = [];

// Every county is questioned at least once: counties are dealt from a shuffled deck.
let deck: County[] = [];
function nextCounty(): County {
  if (deck.length === 0) deck = [...counties].sort(() => draw.next() - 0.5);
  const county = deck.pop();
  if (!county) throw new Error("no counties in data/regions.csv");
  return county;
}

function fill(text: string, county: County): string {
  const townships = townshipsOf(county);
  const place =
    townships.length > 0 && draw.chance(0.5)
      ? `${county.name}${draw.pick(townships)}`
      : `${county.name}${draw.pick(GENERIC_PLACES)}`;
  return text.replaceAll("{county}", county.name).replaceAll("{place}", place);
}

const min = (a: string, b: string) => (a < b ? a : b);

SCHEDULE.forEach((themeIndex, episode) => {
  const number = episode + 1;
  const id = `WL-${String(number).padStart(3, "0")}`;
  const aired = addDays(FIRST_AIRED, episode * EPISODE_GAP_DAYS + draw.int(-12, 12));
  const theme = THEMES[themeIndex];
  if (!theme || aired > asOf) return;
  const count = PROBLEMS_PER_EPISODE[episode] ?? 4;
  const units = new Set<string>();
  for (let serial = 1; serial <= count; serial++) {
    const county = nextCounty();
    const template = draw.pick(theme.problems);
    const unit = `${county.name}${template.unit}`;
    units.add(unit);
    const problemId = `${id}-${String(serial).padStart(2, "0")}`;
    const deadline = addDays(aired, draw.pick([30, 45, 60, 90, 120]));
    const elapsed = daysBetween(aired, asOf);
    // Older episodes are mostly settled; a few stay overdue or were settled late.
    const fate = draw.weighted<"closed" | "rectified" | "late" | "overdue" | "open">([
      ["closed", elapsed > 300 ? 6 : 1],
      ["rectified", elapsed < 200 ? 1 : 2],
      ["late", 1],
      ["overdue", elapsed > 200 ? 1 : 0],
      ["open", elapsed < 200 ? 12 : 0],
    ]);
    let status: HearingProblemStatus = "未整改";
    let rectified: string | undefined;
    let closed: string | undefined;
    const events: Cells[] = [
      {
        date: aired,
        kind: "质询",
        status: "未整改",
        summary: `第 ${number} 期节目曝光这一问题,${unit}负责人到场接受质询并作出承诺。`,
      },
    ];
    const assigned = addDays(aired, draw.int(1, 4));
    if (assigned <= asOf) {
      events.push({
        date: assigned,
        kind: "交办",
        status: "",
        summary: `${city}纪委监委将问题交${unit}办理,要求在${deadline.slice(0, 4)}年${Number(deadline.slice(5, 7))}月${Number(deadline.slice(8))}日前整改到位。`,
      });
    }
    const started = addDays(aired, draw.int(6, 15));
    if (fate !== "open" || draw.chance(0.6)) {
      if (started <= asOf) {
        status = "整改中";
        events.push({
          date: started,
          kind: "进展",
          status: "整改中",
          summary: `${unit}制定整改方案,明确责任人和时间表,整改工作已经启动。`,
        });
      }
    }
    if (fate === "closed" || fate === "rectified" || fate === "late") {
      const span = daysBetween(aired, deadline);
      const done =
        fate === "late"
          ? addDays(deadline, draw.int(10, 60))
          : addDays(aired, draw.int(Math.floor(span / 2), span));
      if (done <= asOf && done > started) {
        rectified = done;
        status = "已整改";
        events.push({
          date: done,
          kind: "进展",
          status: "已整改",
          summary: `${unit}报告整改完成,${template.measures.split(/[,;]/)[0] ?? "整改措施"}等措施已经落实。`,
        });
        const visit = addDays(done, draw.int(10, 40));
        if (visit <= asOf && draw.chance(0.5)) {
          events.push({
            date: visit,
            kind: "回访",
            status: "",
            summary: "节目组回访问题现场,群众反映情况已有明显改善。",
          });
        }
        const closeOn = addDays(done, draw.int(15, 50));
        if (fate === "closed" && closeOn <= asOf) {
          closed = closeOn;
          status = "已销号";
          events.push({
            date: closeOn,
            kind: "验收",
            status: "已销号",
            summary: "督办组现场核查,确认整改到位,问题销号。",
          });
        }
      }
    }
    // Accountability: counts by kind only, announced a few weeks after the broadcast.
    const held = draw.chance(0.65);
    const counts = {
      accountable_admonition: held ? draw.int(0, 4) : 0,
      accountable_party_discipline: held ? draw.int(0, 2) : 0,
      accountable_government_discipline: held ? draw.int(0, 2) : 0,
      accountable_organisational: held && draw.chance(0.3) ? draw.int(1, 2) : 0,
      accountable_other: held ? draw.int(0, 3) : 0,
    };
    const people = Object.values(counts).reduce((sum, n) => sum + n, 0);
    let announced: string | undefined;
    if (people > 0) {
      const on = min(addDays(aired, draw.int(20, 75)), asOf);
      announced = on;
      const parts = (
        [
          ["诫勉谈话", counts.accountable_admonition],
          ["党纪处分", counts.accountable_party_discipline],
          ["政务处分", counts.accountable_government_discipline],
          ["组织处理", counts.accountable_organisational],
          ["其他方式问责", counts.accountable_other],
        ] as const
      )
        .filter(([, n]) => n > 0)
        .map(([kind, n]) => `${kind} ${n} 人`);
      events.push({
        date: on,
        kind: "问责",
        status: "",
        summary: `${city}纪委监委通报问责结果:共 ${people} 人被问责,其中${parts.join("、")}。`,
      });
    }
    events.sort((a, b) => ((a["date"] ?? "") < (b["date"] ?? "") ? -1 : 1));
    for (const event of events) updates.push({ item_id: problemId, source_url: "", ...event });
    problems.push({
      id: problemId,
      hearing_id: id,
      title: template.title,
      region_code: county.code,
      unit_questioned: unit,
      exposed: fill(template.exposed, county),
      commitment: template.commitment,
      deadline,
      status,
      rectified_on: rectified ?? "",
      closed_on: closed ?? "",
      measures: status === "未整改" ? "" : template.measures,
      accountable_admonition: String(counts.accountable_admonition),
      accountable_party_discipline: String(counts.accountable_party_discipline),
      accountable_government_discipline: String(counts.accountable_government_discipline),
      accountable_organisational: String(counts.accountable_organisational),
      accountable_other: String(counts.accountable_other),
      accountability_announced_on: announced ?? "",
    });
  }
  hearings.push({
    id,
    number: String(number),
    aired_on: aired,
    broadcaster: `${city}广播电视台(示例)`,
    theme: theme.theme,
    units_questioned: [...units].join("、"),
    video_url: "",
    summary: `本期直播${theme.theme.replace(/^聚焦/, "围绕")},现场质询 ${units.size} 个单位,市民代表和特约评议员现场打分。`,
  });
});

/**
 * Chinese text takes full-width punctuation (GB/T 15834): an ASCII comma, colon, semicolon,
 * question or exclamation mark after a Chinese character or closing quote, and brackets
 * around Chinese text, become their full-width forms.
 */
const CJK = "[\\u4e00-\\u9fff\\u3001\\u3002\\u201d\\u300d]";
const PUNCT: Record<string, string> = {
  ",": "\uff0c",
  ":": "\uff1a",
  ";": "\uff1b",
  "?": "\uff1f",
  "!": "\uff01",
};
function fullWidth(text: string): string {
  return text
    .replace(new RegExp(`(?<=${CJK}\\s?)[,:;?!]`, "g"), (mark) => PUNCT[mark] ?? mark)
    .replace(/\(([^()]*[\u4e00-\u9fff][^()]*)\)/g, "\uff08$1\uff09");
}

function write(file: string, columns: readonly string[], rows: readonly Cells[]): void {
  const text = Papa.unparse(
    rows.map((row) => columns.map((name) => fullWidth(row[name] ?? ""))),
    { newline: "\n", quotes: false },
  );
  writeFileSync(`data/${file}`, `${columns.join(",")}\n${text}\n`, "utf8");
  console.log(`data/${file}: ${rows.length} 行`);
}
const names = (spec: { columns: Parameters<typeof columnEntries>[0] }) =>
  columnEntries(spec.columns).map(([name]) => name);
write(hearingsTable.file, names(hearingsTable), hearings);
write(hearingProblemsTable.file, names(hearingProblemsTable), problems);
write(hearingUpdatesTable.file, names(hearingUpdatesTable), updates);
