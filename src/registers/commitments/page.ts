import type { Fact } from "../facts.ts";
import { dateFact } from "../facts.ts";
import { facetBase } from "../listing.ts";
import type { TimelineEntry } from "../timeline.ts";
import { formatDays } from "../../format/numbers.ts";
import { COMMITMENTS_BASE } from "./listing.ts";
import type { Commitment } from "./model.ts";
import { commitmentLevels, commitmentLists, commitmentStatuses } from "./vocabulary.ts";

const base = { base: COMMITMENTS_BASE };

/** What the item page shows of a commitment: who promised what by when, in reading order. */
export function commitmentFactsList(item: Commitment): readonly Fact[] {
  const status = commitmentStatuses.get(item.status);
  return [
    { label: "编号", value: item.id },
    {
      label: "清单",
      value: [
        { text: `${item.year}年`, href: facetBase(base, "year", String(item.year)) },
        { text: "的" },
        { text: item.list, href: facetBase(base, "list", commitmentLists.get(item.list).slug) },
      ],
    },
    {
      label: "承诺层级",
      value: [
        { text: item.level, href: facetBase(base, "level", commitmentLevels.get(item.level).slug) },
      ],
    },
    { label: "责任单位", value: item.responsibleUnit },
    // A leader is named by post only; a party member by the organisation above.
    ...(item.post === undefined ? [] : [{ label: "承诺人职务", value: item.post }]),
    {
      label: "区县",
      value: [{ text: item.county.name, href: facetBase(base, "county", item.county.code) }],
    },
    { label: "列入清单", value: [{ date: item.listedOn }] },
    { label: "承诺完成", value: [{ date: item.dueOn }, { text: "前（最初公布）" }] },
    ...(item.adjustedDueOn === undefined
      ? []
      : [{ label: "调整后完成", value: [{ date: item.adjustedDueOn }, { text: "前" }] }]),
    { label: "状态", value: `${status.value}：${status.description}` },
    ...(item.adjustmentReason === undefined
      ? []
      : [{ label: "调整原因", value: item.adjustmentReason }]),
    { label: "完成日期", value: dateFact(item.completedOn, "—") },
    ...(item.daysToComplete === undefined
      ? []
      : [{ label: "办理用时", value: `从列入清单到办完 ${formatDays(item.daysToComplete)} 天` }]),
    ...(item.evidenceUrl === undefined
      ? []
      : [
          {
            label: "证明材料",
            value: [{ text: "公开的办理材料", href: item.evidenceUrl, external: true }],
          },
        ]),
  ];
}

/** The commitment's timeline as the kit's Timeline shows it. */
export function commitmentTimeline(item: Commitment): TimelineEntry[] {
  return item.timeline.map((event) => ({
    date: event.date,
    kind: event.kind,
    status:
      event.status === undefined
        ? undefined
        : { label: event.status, tone: commitmentStatuses.get(event.status).tone },
    summary: event.summary,
    sourceUrl: event.sourceUrl,
  }));
}
