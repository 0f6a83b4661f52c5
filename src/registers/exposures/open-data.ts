import type { Region } from "../../data/regions.ts";
import type { TableDescription } from "../../data/tables.ts";
import { publishTable, publishView } from "../../open-data/published-table.ts";
import type { PublishedTable, PublishedValue } from "../../open-data/published-table.ts";
import type { RegisterFeedSource } from "../../open-data/register-feeds.ts";
import { facetBase } from "../listing.ts";
import { timelinessColumns, timelinessRecord } from "../timeliness.ts";
import type { Exposure } from "./model.ts";
import { EXPOSURES_BASE } from "./listing.ts";
import type { ExposureRegister } from "./load.ts";
import { exposureRegister, exposuresTable, exposureUpdatesTable } from "./schema.ts";
import type { ExposureRow } from "./schema.ts";

const c = exposuresTable.columns;
const YES_NO = { kind: "boolean", values: ["是", "否"], allowed: "是 或 否" } as const;

/**
 * `/data/exposures.csv`: the editors' columns under the same names, then the figures the pages
 * compute from them, so a download carries what the screen shows.
 */
export const exposuresView: TableDescription = {
  file: exposuresTable.file,
  title: exposuresTable.title,
  primaryKey: "id",
  columns: {
    ...c,
    region_name: {
      kind: "text",
      required: true,
      doc: "区县名称（由 region_code 得出）",
      allowed: "regions.csv 中的名称",
    },
    ...timelinessColumns,
    due: { ...YES_NO, required: true, doc: "是否已到整改期限（计入按期整改率）" },
    overdue: { ...YES_NO, required: true, doc: "截至数据日期已过期限仍未整改" },
    rectified_late: { ...YES_NO, required: true, doc: "整改完成晚于期限" },
    days_to_rectify: {
      kind: "integer",
      required: false,
      doc: "从曝光到整改完成的天数；尚未整改为空",
      allowed: "不小于 0 的整数",
    },
  },
};

function exposureRecord(item: Exposure): Record<string, PublishedValue> {
  const row: ExposureRow = {
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
  };
  return {
    ...row,
    region_name: item.county.name,
    ...timelinessRecord(item.timeliness),
    due: item.due,
    overdue: item.overdue,
    rectified_late: item.rectifiedLate,
    days_to_rectify: item.daysToRectify,
  };
}

/**
 * The exposure register as open data: its two files in the editors' own columns (newest
 * problem first, each problem's events oldest first), and its feeds.
 */
export function exposureTables(register: ExposureRegister): PublishedTable[] {
  const path = (record: { id?: unknown }) => `${EXPOSURES_BASE}${String(record.id)}/`;
  return [
    publishView({
      name: "exposures",
      title: exposuresView.title,
      description:
        "环保曝光台曝光的每一个生态环境问题：曝光日期与媒体、所在区县与地点、类别、责任单位、整改期限、状态及完成和销号日期，以及本站按数据截至日期算出的按期情况、超期或逾期天数和整改用时（与网页上显示的相同）。",
      spec: exposuresView,
      records: register.items.map(exposureRecord),
      recordPath: path,
    }),
    publishTable({
      name: "exposure-updates",
      title: exposureUpdatesTable.title,
      description:
        "每个问题的时间线:曝光、交办、进展、回音壁回访、验收等事件的日期、类型、事件后的状态、说明和公开来源。",
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
