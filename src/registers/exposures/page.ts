import type { TimelineEntry } from "../timeline.ts";
import type { Fact } from "../facts.ts";
import { dateFact } from "../facts.ts";
import { facetBase } from "../listing.ts";
import { EXPOSURES_BASE } from "./listing.ts";
import type { Exposure } from "./model.ts";
import { exposureStatuses } from "./vocabulary.ts";

/** What the item page shows of an exposed problem: its facts, in reading order. */
export function exposureFacts(
  item: Exposure,
  episode: { number: number } | undefined,
): readonly Fact[] {
  const status = exposureStatuses.get(item.status);
  return [
    { label: "编号", value: item.id },
    {
      label: "区县",
      value: [
        {
          text: item.county.name,
          href: facetBase({ base: EXPOSURES_BASE }, "county", item.county.code),
        },
      ],
    },
    { label: "地点", value: item.location },
    { label: "类别", value: item.category },
    {
      label: "曝光",
      value: [
        { date: item.exposedOn },
        { text: "，" },
        { text: item.media, href: item.mediaUrl, external: true },
        ...(episode
          ? [
              { text: "（" },
              { text: "节目介绍", href: `${EXPOSURES_BASE}episodes/${episode.number}/` },
              { text: "）" },
            ]
          : []),
      ],
    },
    { label: "责任单位", value: item.responsibleUnit },
    { label: "整改期限", value: dateFact(item.deadline, "未设期限") },
    { label: "状态", value: `${status.value}：${status.description}` },
    { label: "整改完成", value: dateFact(item.rectifiedOn, "—") },
    { label: "销号", value: dateFact(item.closedOn, "—") },
    ...(item.daysToRectify === undefined
      ? []
      : [{ label: "整改用时", value: `从曝光到整改完成 ${item.daysToRectify} 天` }]),
  ];
}

/** The problem's timeline as the kit's Timeline shows it. */
export function exposureTimeline(item: Exposure): TimelineEntry[] {
  return item.timeline.map((event) => ({
    date: event.date,
    kind: event.kind,
    status:
      event.status === undefined
        ? undefined
        : { label: event.status, tone: exposureStatuses.get(event.status).tone },
    summary: event.summary,
    sourceUrl: event.sourceUrl,
  }));
}
