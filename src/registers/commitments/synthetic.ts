import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { addDays, fromDayNumber, toDayNumber } from "../../data/dates.ts";
import { columnEntries } from "../../data/table.ts";
import type { SynthesisScope } from "../../bench/scope.ts";
import { Draw, writeTable } from "../../bench/random.ts";
import type { CsvRow, WrittenFile } from "../../bench/random.ts";
import { COMPARISONS_FILE, commitmentComparisonsTable } from "./comparisons.ts";
import { COMMUNITIES, MATTERS, TOWNS, VILLAGES } from "./matters.ts";
import { commitmentUpdatesTable, commitmentsTable } from "./schema.ts";
import type { CommitmentEventKind, CommitmentLevel, CommitmentStatus } from "./vocabulary.ts";

/** Lists are spread over these years up to the as-of date (at most 9,999 per year). */
const FIRST_DAY = "2016-01-04";

type ItemRow = CsvRow<typeof commitmentsTable.columns>;
type EventRow = CsvRow<typeof commitmentUpdatesTable.columns>;

/** How far a commitment got; chosen so every status and the overdue case occur. */
type Outcome = "listed" | "started" | "late" | "done" | "adjusted";

/**
 * 民生实事 at benchmark scale: `count` commitments over every county, list, level and
 * status, made from the demo's matters with drawn places and numbers, each with a timeline
 * that passes the register's checks (nothing before listing, statuses forward except after
 * an adjustment, the row's status the timeline's latest, no date after the as-of date except
 * promised ones). The comparisons file is written with its header only: the synthetic
 * indicators have no published completion figures to point at.
 */
export function generateCommitments(count: number, scope: SynthesisScope): WrittenFile[] {
  const draw = new Draw(20210701 + count);
  const { asOf, counties } = scope;
  const first = toDayNumber(FIRST_DAY);
  const span = toDayNumber(asOf) - first - 10;
  const days = Array.from({ length: count }, () => first + draw.int(0, span)).sort((a, b) => a - b);
  const serials = new Map<number, number>();
  const items: ItemRow[] = [];
  const events: EventRow[] = [];

  days.forEach((day, index) => {
    const listedOn = fromDayNumber(day);
    const year = Number(listedOn.slice(0, 4));
    const serial = (serials.get(year) ?? 0) + 1;
    serials.set(year, serial);
    if (serial > 9999) throw new Error(`commitments: more than 9999 items in ${year}`);
    const id = `MS-${year}-${String(serial).padStart(4, "0")}`;
    // Round robin, so the smallest run has every county.
    const county = counties[index % counties.length];
    if (!county) throw new Error("commitments: no counties in regions.csv");
    const matter = MATTERS[index % MATTERS.length];
    if (!matter) throw new Error("commitments: no matters");
    const places = {
      t: draw.pick(TOWNS),
      v: draw.pick(VILLAGES),
      c: draw.pick(COMMUNITIES),
      n: matter.n ? draw.int(matter.n[0], matter.n[1]) : 0,
    };
    const fill = (text: string) =>
      text
        .replaceAll("{t}", places.t)
        .replaceAll("{v}", places.v)
        .replaceAll("{c}", places.c)
        .replaceAll("{n}", String(places.n));
    const isPlan = matter.kind === "plan";
    const level: CommitmentLevel = isPlan
      ? draw.chance(0.5)
        ? "领导班子"
        : "基层党组织"
      : draw.chance(0.5)
        ? "班子成员"
        : "党员";
    const dueOn = addDays(listedOn, isPlan ? draw.int(120, 330) : draw.int(30, 110));
    const clip = (date: string) => (date > asOf ? asOf : date);
    const start = clip(addDays(listedOn, draw.int(3, 20)));
    const outcome: Outcome =
      index < 5
        ? ((["listed", "started", "late", "done", "adjusted"] as const)[index] ?? "done")
        : dueOn >= asOf
          ? draw.weighted([
              ["listed", 2],
              ["started", 5],
              ["done", 2],
              ["adjusted", 1],
            ])
          : draw.weighted([
              ["started", 1],
              ["late", 1],
              ["done", 8],
              ["adjusted", 1],
            ]);
    const timeline: {
      date: string;
      kind: CommitmentEventKind;
      status?: CommitmentStatus;
      summary: string;
    }[] = [{ date: listedOn, kind: "列入", status: "未启动", summary: `列入${year}年清单。` }];
    const row: ItemRow = {
      id,
      year,
      list: isPlan ? "民生实事计划" : "为民办事清单",
      level,
      responsible_unit: `${county.name}${matter.department}`,
      post: level === "班子成员" ? draw.pick(["副局长", "局长", "党组书记、局长"]) : undefined,
      region_code: county.code,
      title: fill(matter.title),
      promise: fill(matter.promise),
      listed_on: listedOn,
      due_on: dueOn,
      status: "未启动",
    };
    if (outcome !== "listed") {
      timeline.push({ date: start, kind: "进展", status: "推进中", summary: "开始办理。" });
      row.status = "推进中";
    }
    if (outcome === "late" && dueOn < asOf) {
      timeline.push({
        date: clip(addDays(dueOn, draw.int(1, 20))),
        kind: "进展",
        status: "未按期完成",
        summary: "未能按期完成，仍在办理。",
      });
      row.status = "未按期完成";
    }
    if (outcome === "done") {
      const completedOn = clip(addDays(start, draw.int(5, isPlan ? 300 : 100)));
      timeline.push({ date: completedOn, kind: "完成", status: "已完成", summary: "办结。" });
      Object.assign(row, {
        status: "已完成",
        completed_on: completedOn,
        result: fill(matter.result),
      });
    }
    if (outcome === "adjusted") {
      const reason = "经批准调整实施方案，完成日期顺延。";
      timeline.push({
        date: clip(addDays(start, draw.int(1, 30))),
        kind: "调整",
        status: "已调整",
        summary: reason,
      });
      Object.assign(row, {
        status: "已调整",
        adjustment_reason: reason,
        adjusted_due_on: addDays(dueOn, draw.int(30, 120)),
      });
    }
    items.push(row);
    for (const event of timeline) events.push({ item_id: id, ...event });
  });

  const header = columnEntries(commitmentComparisonsTable.columns).map(([name]) => name);
  writeFileSync(join(scope.dataDir, COMPARISONS_FILE), `${header.join(",")}\n`);
  return [
    writeTable(scope.dataDir, commitmentsTable, items),
    writeTable(scope.dataDir, commitmentUpdatesTable, events),
    { file: COMPARISONS_FILE, rows: 0, bytes: header.join(",").length + 1 },
  ];
}
