import { formatCount } from "../../format/numbers.ts";
import type { Fact } from "../facts.ts";
import { dateFact } from "../facts.ts";
import { facetBase } from "../listing.ts";
import type { TimelineEntry } from "../timeline.ts";
import { formatInvestment, formatPercent } from "./describe.ts";
import { PROJECTS_BASE } from "./listing.ts";
import type { Project, ProjectEvent } from "./model.ts";
import { projectCategories, projectStatuses } from "./vocabulary.ts";

/** What the item page shows of a project: its facts, in reading order. */
export function projectFacts(item: Project): readonly Fact[] {
  const status = projectStatuses.get(item.status);
  const link = (facet: string, value: string, text: string) => [
    { text, href: facetBase({ base: PROJECTS_BASE }, facet, value) },
  ];
  return [
    { label: "编号", value: item.id },
    { label: "区县", value: link("county", item.county.code, item.county.name) },
    {
      label: "类别",
      value: link("category", projectCategories.get(item.category).slug, item.category),
    },
    { label: "责任单位", value: item.responsibleUnit },
    { label: "总投资", value: `${formatCount(item.totalInvestment)} 万元` },
    { label: "列入计划", value: dateFact(item.listedOn, "—") },
    {
      label: "计划工期",
      value: [
        { date: item.plannedStartOn },
        { text: "开工，" },
        { date: item.plannedFinishOn },
        { text: "建成" },
      ],
    },
    { label: "状态", value: `${status.value}：${status.description}` },
    ...(item.statusReason === undefined
      ? []
      : [{ label: item.status === "暂缓" ? "暂缓原因" : "终止原因", value: item.statusReason }]),
    { label: "实际开工", value: dateFact(item.startedOn, "尚未开工") },
    { label: "实际建成", value: dateFact(item.completedOn, "尚未建成") },
    {
      label: "累计完成投资",
      value:
        item.investmentReportedOn === undefined
          ? "尚未报送"
          : [
              {
                text: `${formatCount(item.investmentToDate)} 万元（占总投资 ${formatPercent((item.investmentToDate / item.totalInvestment) * 100)}），截至 `,
              },
              { date: item.investmentReportedOn },
            ],
    },
    {
      label: "实物形象进度",
      value:
        item.progressReportedOn === undefined
          ? item.status === "建成" || item.status === "投用"
            ? "已建成（按 100% 计）"
            : "尚未报送（按 0% 计）"
          : [{ text: `${formatPercent(item.progress)}，截至 ` }, { date: item.progressReportedOn }],
    },
    ...(item.overrunReason === undefined
      ? []
      : [{ label: "超出总投资的原因", value: item.overrunReason }]),
  ];
}

/** An update's figures, in words, after its summary. */
function figuresText(event: ProjectEvent): string {
  const parts = [
    event.investmentToDate === undefined
      ? undefined
      : `累计完成投资 ${formatInvestment(event.investmentToDate)}`,
    event.progress === undefined ? undefined : `实物形象进度 ${formatPercent(event.progress)}`,
  ].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? "" : `（${parts.join("，")}）`;
}

/** The project's updates as the kit's Timeline shows them, the reported figures in words. */
export function projectTimeline(item: Project): TimelineEntry[] {
  return item.timeline.map((event) => ({
    date: event.date,
    kind: event.kind,
    status:
      event.status === undefined
        ? undefined
        : { label: event.status, tone: projectStatuses.get(event.status).tone },
    summary: `${event.summary}${figuresText(event)}`,
    sourceUrl: event.sourceUrl,
  }));
}
