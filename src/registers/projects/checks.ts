import type { IsoDate } from "../../data/dates.ts";
import type { DataIssue } from "../../data/issues.ts";
import { quote } from "../../data/issues.ts";
import type { ProjectEvent } from "./model.ts";
import { PROJECT_STAGES, BUILT_STATUSES } from "./vocabulary.ts";
import type { ProjectStatus } from "./vocabulary.ts";

/** What the timeline checks need to know about the project row. */
export interface ProjectFacts {
  id: string;
  line: number;
  status: ProjectStatus;
  listedOn: IsoDate;
  totalInvestment: number;
  overrunReason: string | undefined;
}

export interface ProjectCheckInput {
  /** Files as named in messages, e.g. `data/projects.csv`. */
  projectsFile: string;
  updatesFile: string;
  project: ProjectFacts;
  /** The project's updates, oldest first (same day: file order). */
  events: readonly ProjectEvent[];
}

/** How statuses may follow one another, as every status message states it. */
export const STATUS_RULE =
  "阶段按 前期 → 在建 → 建成 → 投用 前进或保持不变；建成前可以暂缓或终止，暂缓后回到暂缓前的阶段或之后；终止后不再改变";

const stageRank = (status: ProjectStatus) => PROJECT_STAGES.indexOf(status);

/**
 * The checks on one project's timeline:
 * - no update is dated before the project was listed, and none follows its termination
 *   (the project's life runs from `listed_on` to the as-of date, or to 终止);
 * - statuses follow `STATUS_RULE` (a stage is never undone; a pause resumes where it was);
 * - the project's `status` equals the status its newest status-setting update left it in;
 * - cumulative investment never decreases from one report to the next;
 * - cumulative investment exceeds the total investment only with `overrun_reason` filled,
 *   and `overrun_reason` is filled only when it does;
 * - a 建成 or 投用 project's latest reported physical progress is 100%.
 * Progress outside 0–100 and dates after the as-of date are rejected by the column schemas.
 */
export function checkProjectTimeline(input: ProjectCheckInput): DataIssue[] {
  const { project, updatesFile, projectsFile } = input;
  const issues: DataIssue[] = [];
  const at = (event: ProjectEvent, column: string, problem: string, allowed: string) =>
    issues.push({ file: updatesFile, line: event.line, column, problem, allowed });

  /** Furthest stage reached, and the status-setting event that reached it. */
  let stage: ProjectEvent | undefined;
  /** The newest status-setting update, accepted or not: the row must agree with it. */
  let latest: ProjectEvent | undefined;
  let terminated: ProjectEvent | undefined;
  let lastInvestment: ProjectEvent | undefined;
  let lastProgress: ProjectEvent | undefined;
  let overrun = false;

  for (const event of input.events) {
    if (event.date < project.listedOn) {
      at(
        event,
        "date",
        `日期 ${event.date} 早于项目 ${project.id} 的列入计划日期 ${project.listedOn}`,
        "不早于项目的列入计划日期（listed_on）",
      );
    } else if (terminated && event.date > terminated.date) {
      at(
        event,
        "date",
        `日期 ${event.date} 晚于项目 ${project.id} 的终止日期 ${terminated.date}（第 ${terminated.line} 行）`,
        "项目终止后不再有进展；后续报道请记在终止当天或之前",
      );
      // Outside the project's life: its figures and status are not judged against the rest.
      continue;
    }

    if (event.investmentToDate !== undefined) {
      const before = lastInvestment?.investmentToDate;
      if (lastInvestment && before !== undefined && event.investmentToDate < before) {
        at(
          event,
          "investment_to_date",
          `累计完成投资 ${event.investmentToDate} 万元少于第 ${lastInvestment.line} 行（${lastInvestment.date}）已报的 ${before} 万元`,
          "累计数只增不减：填自项目开始到当日的累计完成投资，不是本期新增",
        );
      }
      if (event.investmentToDate > project.totalInvestment) {
        overrun = true;
        if (project.overrunReason === undefined) {
          at(
            event,
            "investment_to_date",
            `累计完成投资 ${event.investmentToDate} 万元超过项目 ${project.id} 的总投资 ${project.totalInvestment} 万元`,
            "不超过总投资；确需超出时，在 projects.csv 的 overrun_reason 写明原因",
          );
        }
      }
      lastInvestment = event;
    }
    if (event.progress !== undefined) lastProgress = event;

    const status = event.status;
    if (status === undefined) continue;
    latest = event;
    if (terminated) {
      at(
        event,
        "status",
        `项目 ${project.id} 已在第 ${terminated.line} 行（${terminated.date}）终止，不能再改为${quote(status)}`,
        STATUS_RULE,
      );
      continue;
    }
    const reached = stage?.status;
    if (stageRank(status) >= 0) {
      if (reached !== undefined && stageRank(status) < stageRank(reached)) {
        at(
          event,
          "status",
          `状态${quote(status)}倒退：项目 ${project.id} 在第 ${stage?.line} 行（${stage?.date}）已到${quote(reached)}阶段`,
          STATUS_RULE,
        );
        continue;
      }
      stage = event;
    } else if (reached !== undefined && BUILT_STATUSES.has(reached)) {
      at(
        event,
        "status",
        `项目 ${project.id} 在第 ${stage?.line} 行（${stage?.date}）已${quote(reached)}，不能再${quote(status)}`,
        STATUS_RULE,
      );
      continue;
    }
    if (status === "终止") terminated = event;
  }

  if (latest !== undefined && latest.status !== project.status) {
    issues.push({
      file: projectsFile,
      line: project.line,
      column: "status",
      problem: `状态${quote(project.status)}与时间线最新状态${quote(latest.status ?? "")}（${updatesFile}:${latest.line}）不一致`,
      allowed: "与时间线中该项目最新一条填了状态的进展相同",
    });
  }
  if (project.overrunReason !== undefined && !overrun) {
    issues.push({
      file: projectsFile,
      line: project.line,
      column: "overrun_reason",
      problem: `项目 ${project.id} 的累计完成投资没有超过总投资 ${project.totalInvestment} 万元，却填了超出原因`,
      allowed: "只在时间线中累计完成投资超过总投资时填写；没有超出时留空",
    });
  }
  if (
    BUILT_STATUSES.has(project.status) &&
    lastProgress?.progress !== undefined &&
    lastProgress.progress < 100
  ) {
    at(
      lastProgress,
      "progress",
      `项目 ${project.id} 状态为${quote(project.status)}，最新报送的实物形象进度却是 ${lastProgress.progress}%`,
      "建成或投用的项目实物形象进度为 100",
    );
  }
  return issues;
}
