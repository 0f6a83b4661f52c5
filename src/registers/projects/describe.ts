import type { IsoDate } from "../../data/dates.ts";
import { formatChineseDate } from "../../data/dates.ts";
import { formatCount } from "../../figures/registry.ts";
import type { Project } from "./load.ts";

/**
 * How project figures read. Investment is kept in 万元 (the unit editors enter) in tables
 * and files; running text switches to 亿元 from 1 亿元 up, with two decimals, because a
 * reader compares 510 亿元 with 51,000,000 万元 badly.
 */

/** 万元 as text: `8,600 万元` below 1 亿元, `12.35 亿元` from there. */
export function formatInvestment(wan: number): string {
  if (Math.abs(wan) >= 10_000) return `${(wan / 10_000).toFixed(2)} 亿元`;
  return `${formatCount(Math.round(wan))} 万元`;
}

/** 万元 → 亿元 with two decimals, for chart values (a chart has one unit). */
export function toYi(wan: number): number {
  return Math.round(wan / 100) / 100;
}

/** A share as a percentage with one decimal, e.g. `86.4%`; `—` when undefined. */
export function formatShare(share: number | undefined): string {
  return share === undefined ? "—" : `${(share * 100).toFixed(1)}%`;
}

/** A percentage (0–100) with one decimal, or whole when it is whole. */
export function formatPercent(percent: number | undefined): string {
  if (percent === undefined) return "—";
  return Number.isInteger(percent) ? `${percent}%` : `${percent.toFixed(1)}%`;
}

export interface Standing {
  text: string;
  /** Marks the ones to notice: behind, overdue, finished late. */
  alert: boolean;
}

/** How a project stands against its straight-line plan, in one sentence (see derive.ts). */
export function scheduleStanding(item: Project, asOf: IsoDate): Standing {
  if (item.status === "终止") {
    return { text: "项目已终止,不再与计划对比", alert: false };
  }
  const planned = formatPercent(Math.round(item.plannedProgress * 10) / 10);
  const actual = `${item.progress}%`;
  if (item.status === "建成" || item.status === "投用") {
    return item.finishedLate
      ? { text: `比计划建成日期晚 ${item.daysLate ?? 0} 天建成`, alert: true }
      : { text: "按计划建成", alert: false };
  }
  if (item.overdue) {
    return {
      text: `已过计划建成日期 ${item.daysOverdue ?? 0} 天,实物形象进度 ${actual}`,
      alert: true,
    };
  }
  if (item.behind) {
    return {
      text: `按计划截至${formatChineseDate(asOf)}应完成 ${planned},实际 ${actual},落后 ${(item.behindBy ?? 0).toFixed(1)} 个百分点`,
      alert: true,
    };
  }
  if (item.plannedProgress === 0) {
    return {
      text: `计划 ${formatChineseDate(item.plannedStartOn)}开工,尚未到计划开工日期`,
      alert: false,
    };
  }
  return { text: `按计划应完成 ${planned},实际 ${actual},不落后于计划`, alert: false };
}
