import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { addDays, daysBetween, fromDayNumber, toDayNumber } from "../../data/dates.ts";
import { lettersTable } from "./schema.ts";
import { letterStatuses, letterTopics, mailboxLevels, satisfactionLevels } from "./vocabulary.ts";
import type { LetterStatus, MailboxLevel } from "./vocabulary.ts";
import type { SynthesisScope } from "../../bench/scope.ts";
import { Draw, writeTable } from "../../bench/random.ts";
import type { CsvRow, WrittenFile } from "../../bench/random.ts";
import { letterText, place, replyText } from "../../bench/text.ts";

/**
 * The first day letters are received: reply times count working days, so every letter
 * must fall in a year the demo holidays.csv covers (copied alongside).
 */
const FIRST_DAY = "2021-01-04";
const HOLIDAYS_FILE = "holidays.csv";

const UNITS = [
  "住房和城乡建设局",
  "生态环境局",
  "教育局",
  "卫生健康局",
  "人力资源和社会保障局",
  "交通运输局",
  "农业农村局",
  "行政审批局",
];

const TITLES: Record<string, readonly string[]> = {
  城建: ["路灯长期不亮", "小区道路坑洼积水", "工地夜间施工扰民"],
  环保: ["河道漂浮垃圾", "加工厂气味刺鼻", "餐馆油烟扰民"],
  教育: ["孩子入学难", "校门口交通拥堵", "校外培训乱收费"],
  医疗: ["卫生院周末不开门", "医保报销手续繁琐", "村卫生室缺医生"],
  社保: ["养老待遇认证不便", "低保审核太慢", "失业金申领咨询"],
  交通: ["公交班次太少", "农村公路无人管护", "路口缺少红绿灯"],
  农业农村: ["灌溉渠堵塞", "土地流转租金拖欠", "村里自来水经常停"],
  政务服务: ["办事材料反复要求", "网上办事系统难用", "窗口排队时间长"],
  住房: ["房产证迟迟办不下来", "公租房维修不及时", "物业费收取不规范"],
};

type LetterRow = CsvRow<typeof lettersTable.columns>;

/**
 * 书记信箱 at benchmark scale: `count` letters to the city, county and township
 * secretaries' mailboxes since 2021, in every county, topic and status, most with a reply,
 * about half published with the writer's consent. Each row passes the register's checks
 * (dates in order, reply fields together, mailbox named after its county, ids by year).
 */
export function generateLetters(count: number, scope: SynthesisScope): WrittenFile[] {
  const draw = new Draw(2021 + count);
  const { asOf, counties, jurisdiction } = scope;
  const first = toDayNumber(FIRST_DAY);
  const span = toDayNumber(asOf) - first;
  const days = Array.from({ length: count }, () => first + draw.int(0, span)).sort((a, b) => a - b);
  const statuses = letterStatuses.values;
  const serials = new Map<number, number>();
  const rows: LetterRow[] = [];

  days.forEach((day, index) => {
    const receivedOn = fromDayNumber(day);
    const year = Number(receivedOn.slice(0, 4));
    const serial = (serials.get(year) ?? 0) + 1;
    serials.set(year, serial);
    const county = counties[index % counties.length];
    if (!county) throw new Error("letters: no counties in regions.csv");
    const spot = place(draw, county.name);
    const level: MailboxLevel =
      index < mailboxLevels.values.length
        ? (mailboxLevels.values[index] ?? "县")
        : draw.weighted<MailboxLevel>([
            ["市", 2],
            ["县", 5],
            ["乡", 3],
          ]);
    const cityWide = level === "市" && draw.chance(0.3);
    const mailbox =
      level === "市"
        ? "市委书记信箱"
        : level === "县"
          ? `${county.name}委书记信箱`
          : `${spot.township}党委书记信箱`;
    const topic = draw.pick(letterTopics.values);
    const age = daysBetween(receivedOn, asOf);
    const status: LetterStatus =
      index < statuses.length
        ? (statuses[index] ?? "待回复")
        : age < 20
          ? draw.weighted<LetterStatus>([
              ["待回复", 6],
              ["已回复", 3],
              ["已办结", 1],
            ])
          : draw.weighted<LetterStatus>([
              ["待回复", 1],
              ["已回复", 4],
              ["已办结", 10],
            ]);
    const replied = status !== "待回复";
    const repliedOn = replied ? addDays(receivedOn, Math.min(age, draw.int(1, 40))) : undefined;
    const unitName = `${level === "市" ? `${jurisdiction.name}` : county.name}${draw.pick(UNITS)}`;
    const principal = draw.chance(0.25);
    const instructionOn =
      principal && draw.chance(0.5)
        ? addDays(receivedOn, Math.min(age, draw.int(0, 5)))
        : undefined;
    const titles = TITLES[topic] ?? ["反映一个问题", "咨询一件事", "提一条建议"];
    rows.push({
      id: `SJ-${year}-${String(serial).padStart(4, "0")}`,
      received_on: receivedOn,
      mailbox_level: level,
      mailbox,
      region_code: cityWide ? jurisdiction.code : county.code,
      topic,
      title: `${spot.township}${draw.pick(titles)}`,
      content: letterText(draw, draw.int(150, 400), { township: spot.township, place: spot.text }),
      consent_to_publish: draw.chance(0.55) ? "是" : "否",
      handled_by_principal: principal ? "是" : "否",
      instruction_on: instructionOn,
      replied_on: repliedOn,
      reply_unit: replied || draw.chance(0.5) ? unitName : undefined,
      reply: replied ? replyText(draw, draw.int(100, 300), unitName) : undefined,
      reply_identifies_person: replied ? (draw.chance(0.05) ? "是" : "否") : undefined,
      status,
      satisfaction: replied && draw.chance(0.6) ? draw.pick(satisfactionLevels.values) : undefined,
    });
  });
  // Reply times count working days by the State Council's notices: the demo calendar.
  copyFileSync(join("data", HOLIDAYS_FILE), join(scope.dataDir, HOLIDAYS_FILE));
  return [writeTable(scope.dataDir, lettersTable, rows)];
}
