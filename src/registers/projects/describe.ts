import type { IsoDate } from "../../data/dates.ts";
import { formatChineseDate } from "../../data/dates.ts";
import { NO_VALUE, formatCount, formatShare } from "../../format/numbers.ts";
import type { Project } from "./model.ts";

/**
 * How project figures read, on the site's one number format (src/format/numbers.ts).
 * Investment is kept in 万元 (the unit editors enter) in tables and files; running text
 * switches to 亿元 from 1 亿元 up, with two decimals, because readers compare 510 亿元 with
 * 5,100,000 万元 badly. Percentages (progress, share of plan) follow the site's rate rule.
 */

/** 万元 as text: `8,600 万元` below 1 亿元, `12.35 亿元` from there. */
export function formatInvestment(wan: number): string {
  if (Math.abs(wan) >= 10_000) {
    // toYi has rounded; toFixed only writes the two decimals out (1.2 → 1.20).
    const [whole = "0", fraction = "00"] = toYi(wan).toFixed(2).split(".");
    return `${formatCount(Number(whole))}.${fraction} 亿元`;
  }
  return `${formatCount(Math.round(wan))} 万元`;
}

/** 万元 → 亿元, rounded half up to two decimals, for charts and sentences (one unit each). */
export function toYi(wan: number): number {
  return Math.floor(Number((wan / 100).toPrecision(15)) + 0.5) / 100;
}

/** A percentage (0–100), e.g. progress: `37.5%`, by the site's rate rule. */
export function formatPercent(percent: number | undefined): string {
  return percent === undefined ? NO_VALUE : formatShare(percent / 100);
}

/** Percentage points with one decimal, e.g. `12.3`, rounded as rates are. */
export function formatPoints(points: number | undefined): string {
  return points === undefined ? NO_VALUE : formatShare(points / 100).replace("%", "");
}

export interface Standing {
  text: string;
  /** Marks the ones to notice: behind, overdue, finished late. */
  alert: boolean;
}

/** How a project stands against its straight-line plan, in one sentence (see derive.ts). */
export function scheduleStanding(item: Project, asOf: IsoDate): Standing {
  if (item.status === "终止") {
    return { text: "项目已终止，不再与计划对比", alert: false };
  }
  const planned = formatPercent(item.plannedProgress);
  const actual = formatPercent(item.progress);
  if (item.status === "建成" || item.status === "投用") {
    return item.finishedLate
      ? { text: `比计划建成日期晚 ${formatCount(item.daysLate ?? 0)} 天建成`, alert: true }
      : { text: "按计划建成", alert: false };
  }
  if (item.overdue) {
    return {
      text: `已过计划建成日期 ${formatCount(item.daysOverdue ?? 0)} 天仍未建成，实物形象进度 ${actual}`,
      alert: true,
    };
  }
  if (item.behind) {
    return {
      text: `按计划截至${formatChineseDate(asOf)}应完成 ${planned}，实际 ${actual}，落后 ${formatPoints(item.behindBy)} 个百分点`,
      alert: true,
    };
  }
  if (item.plannedProgress === 0) {
    return {
      text: `计划${formatChineseDate(item.plannedStartOn)}开工，还没到计划开工日期`,
      alert: false,
    };
  }
  return { text: `按计划应完成 ${planned}，实际 ${actual}，不落后于计划`, alert: false };
}
