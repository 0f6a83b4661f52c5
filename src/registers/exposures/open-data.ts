import type { Region } from "../../data/regions.ts";
import { publishTable } from "../../open-data/published-table.ts";
import type { PublishedTable } from "../../open-data/published-table.ts";
import type { RegisterFeedSource } from "../../open-data/register-feeds.ts";
import { facetBase } from "../listing.ts";
import { EXPOSURES_BASE } from "./listing.ts";
import type { ExposureRegister } from "./load.ts";
import { exposureRegister, exposuresTable, exposureUpdatesTable } from "./schema.ts";
import type { ExposureRow } from "./schema.ts";

/**
 * The exposure register as open data: its two files in the editors' own columns (newest
 * problem first, each problem's events oldest first), and its feeds.
 */
export function exposureTables(register: ExposureRegister): PublishedTable[] {
  const path = (record: { id?: unknown }) => `${EXPOSURES_BASE}${String(record.id)}/`;
  return [
    publishTable({
      name: "exposures",
      title: exposuresTable.title,
      description:
        "环保曝光台曝光的每一个生态环境问题：曝光日期与媒体、所在区县与地点、类别、责任单位、整改期限、状态及完成和销号日期。",
      spec: exposuresTable,
      rows: register.items.map((item): ExposureRow => ({
        id: item.id,
        title: item.title,
        exposed_on: item.exposedOn,
        media: item.media,
        media_url: item.mediaUrl,
        region_code: item.county.code,
        location: item.location,
        category: item.category,
        problem: item.problem,
        responsible_unit: item.responsibleUnit,
        deadline: item.deadline,
        status: item.status,
        rectified_on: item.rectifiedOn,
        closed_on: item.closedOn,
        measures: item.measures,
      })),
      recordPath: path,
    }),
    publishTable({
      name: "exposure-updates",
      title: exposureUpdatesTable.title,
      description:
        "每个问题的时间线：曝光、交办、进展、回音壁回访、验收等事件的日期、类型、事件后的状态、说明和公开来源。",
      spec: exposureUpdatesTable,
      rows: register.items.flatMap((item) =>
        item.timeline.map((event) => ({
          item_id: event.itemId,
          date: event.date,
          kind: event.kind,
          status: event.status,
          summary: event.summary,
          source_url: event.sourceUrl,
        })),
      ),
    }),
  ];
}

export function exposureFeedSource(register: ExposureRegister): RegisterFeedSource {
  return {
    key: "exposures",
    title: exposureRegister.title,
    noun: "问题",
    listPath: EXPOSURES_BASE,
    countyPath: (county: Region) => facetBase({ base: EXPOSURES_BASE }, "county", county.code),
    items: register.items.map((item) => ({
      id: item.id,
      title: item.title,
      path: `${EXPOSURES_BASE}${item.id}/`,
      county: item.county,
      openedOn: item.exposedOn,
      status: item.status,
      events: item.timeline,
    })),
  };
}
