import type { IsoDate } from "../../data/dates.ts";
import type { DataIssue } from "../../data/issues.ts";
import { quote } from "../../data/issues.ts";
import type { TimelineEvent } from "../timeline.ts";
import { ADJUSTED, ADJUSTMENT_KIND, commitmentStatuses } from "./vocabulary.ts";
import type { CommitmentEventKind, CommitmentStatus } from "./vocabulary.ts";

export type CommitmentEvent = TimelineEvent<CommitmentStatus, CommitmentEventKind>;

export interface CommitmentTimelineInput {
  /** Files as named in messages, e.g. `data/commitments.csv`. */
  itemsFile: string;
  timelineFile: string;
  item: {
    id: string;
    line: number;
    status: CommitmentStatus;
    listedOn: IsoDate;
    adjustmentReason: string | undefined;
  };
  /** The item's events, oldest first. */
  events: readonly CommitmentEvent[];
}

/** The forward order without 已调整, for messages. */
const FORWARD_ORDER = commitmentStatuses.values.filter((status) => status !== ADJUSTED).join(" → ");

/**
 * The shared timeline rules (src/registers/register.ts `checkTimeline`) with the one
 * exception this register has:
 * - no event is dated before the commitment was listed;
 * - statuses move forward in 未启动 → 推进中 → 未按期完成 → 已完成, or stay; 已调整 may follow
 *   any status, and after 已调整 any status may follow (the re-planned commitment starts over);
 * - only an event of kind 调整 sets 已调整, and every 调整 event sets it, so each adjustment is
 *   a dated event with its reason in the summary;
 * - a commitment that was ever 已调整 carries its `adjustment_reason`, and one that never was
 *   carries none;
 * - the commitment's `status` equals the newest status-setting event's.
 */
export function checkCommitmentTimeline(input: CommitmentTimelineInput): DataIssue[] {
  const { item, timelineFile, itemsFile } = input;
  const issues: DataIssue[] = [];
  let reached: CommitmentEvent | undefined;
  let latest: CommitmentEvent | undefined;
  let adjusted = item.status === ADJUSTED;
  for (const event of input.events) {
    if (event.date < item.listedOn) {
      issues.push({
        file: timelineFile,
        line: event.line,
        column: "date",
        problem: `日期 ${event.date} 早于事项 ${item.id} 的列入日期 ${item.listedOn}`,
        allowed: "不早于事项的列入日期（listed_on）",
      });
    }
    if (event.kind === ADJUSTMENT_KIND && event.status !== ADJUSTED) {
      issues.push({
        file: timelineFile,
        line: event.line,
        column: "status",
        problem: `「调整」事件的状态是${event.status === undefined ? "空的" : quote(event.status)}`,
        allowed: "「调整」事件的状态填已调整",
      });
    }
    if (event.status === undefined) continue;
    latest = event;
    if (event.status === ADJUSTED) {
      adjusted = true;
      if (event.kind !== ADJUSTMENT_KIND) {
        issues.push({
          file: timelineFile,
          line: event.line,
          column: "kind",
          problem: `事件类型${quote(event.kind)}把状态改成了「已调整」`,
          allowed: "只有「调整」事件把状态改为已调整，并在说明里写明原因",
        });
      }
      // The re-planned commitment starts over: any status may follow.
      reached = undefined;
      continue;
    }
    if (
      reached?.status !== undefined &&
      commitmentStatuses.rank(event.status) < commitmentStatuses.rank(reached.status)
    ) {
      issues.push({
        file: timelineFile,
        line: event.line,
        column: "status",
        problem: `状态${quote(event.status)}倒退：事项 ${item.id} 在第 ${reached.line} 行（${reached.date}）已是${quote(reached.status)}`,
        allowed: `状态按 ${FORWARD_ORDER} 的顺序前进或保持不变；只有经「调整」事件改为已调整后才可重新开始`,
      });
      continue;
    }
    reached = event;
  }
  if (latest?.status !== undefined && latest.status !== item.status) {
    issues.push({
      file: itemsFile,
      line: item.line,
      column: "status",
      problem: `状态${quote(item.status)}与时间线最新状态${quote(latest.status)}（${timelineFile}:${latest.line}）不一致`,
      allowed: "与时间线中该事项最新一条填了状态的事件相同",
    });
  }
  if (adjusted && item.adjustmentReason === undefined && item.status !== ADJUSTED) {
    // (For status 已调整 the row check has already asked for the reason.)
    issues.push({
      file: itemsFile,
      line: item.line,
      column: "adjustment_reason",
      problem: `事项 ${item.id} 在时间线中曾经调整，但没有填调整原因`,
      allowed: "事项调整过就填写调整原因，调整后重新办理也保留",
    });
  }
  if (!adjusted && item.adjustmentReason !== undefined) {
    issues.push({
      file: itemsFile,
      line: item.line,
      column: "adjustment_reason",
      problem: `填了调整原因，但事项 ${item.id} 的状态和时间线中都没有「已调整」`,
      allowed:
        "事项经批准调整时，在时间线加一条「调整」事件（状态填已调整）并填写原因；没有调整时留空",
    });
  }
  return issues;
}
