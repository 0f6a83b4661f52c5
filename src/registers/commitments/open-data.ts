import type { Region } from "../../data/regions.ts";
import { publishTable } from "../../open-data/published-table.ts";
import type { PublishedTable } from "../../open-data/published-table.ts";
import type { RegisterFeedSource } from "../../open-data/register-feeds.ts";
import { facetBase } from "../listing.ts";
import { COMMITMENTS_BASE } from "./listing.ts";
import type { CommitmentRegister } from "./load.ts";
import { commitmentRegister, commitmentUpdatesTable, commitmentsTable } from "./schema.ts";
import type { CommitmentRow } from "./schema.ts";

/**
 * The 民生实事 register as open data: its two files in the editors' own columns (the
 * register's order, each commitment's events oldest first), and its feeds.
 */
export function commitmentTables(register: CommitmentRegister): PublishedTable[] {
  const path = (record: { id?: unknown }) => `${COMMITMENTS_BASE}${String(record.id)}/`;
  return [
    publishTable({
      name: "commitments",
      title: commitmentsTable.title,
      description:
        "民生实事计划和为民办事清单中的每一项承诺：清单与层级、责任单位、所在区县、承诺内容、列入和承诺完成日期、办理状态、调整原因、完成日期与办理结果。",
      spec: commitmentsTable,
      rows: register.items.map((item): CommitmentRow => ({
        id: item.id,
        year: item.year,
        list: item.list,
        level: item.level,
        responsible_unit: item.responsibleUnit,
        post: item.post,
        region_code: item.county.code,
        title: item.title,
        promise: item.promise,
        listed_on: item.listedOn,
        due_on: item.dueOn,
        adjusted_due_on: item.adjustedDueOn,
        status: item.status,
        adjustment_reason: item.adjustmentReason,
        completed_on: item.completedOn,
        result: item.result,
        evidence_url: item.evidenceUrl,
      })),
      recordPath: path,
    }),
    publishTable({
      name: "commitment-updates",
      title: commitmentUpdatesTable.title,
      description:
        "每项承诺的时间线：列入、按周报半月报月报报告的进展、调整、完成、督查等事件的日期、类型、事件后的状态、说明和公开来源。",
      spec: commitmentUpdatesTable,
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

export function commitmentFeedSource(register: CommitmentRegister): RegisterFeedSource {
  return {
    key: "commitments",
    title: commitmentRegister.title,
    noun: "事项",
    listPath: COMMITMENTS_BASE,
    countyPath: (county: Region) => facetBase({ base: COMMITMENTS_BASE }, "county", county.code),
    items: register.items.map((item) => ({
      id: item.id,
      title: item.title,
      path: `${COMMITMENTS_BASE}${item.id}/`,
      county: item.county,
      openedOn: item.listedOn,
      status: item.status,
      events: item.timeline,
    })),
    eventFeeds: [{ slug: "done", title: "新办完的事项", kinds: ["完成"] }],
  };
}
