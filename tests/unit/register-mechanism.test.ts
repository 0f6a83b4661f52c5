import { describe, expect, it, test } from "vitest";
import { defineStatuses, defineVocabulary, describeOrder } from "../../src/registers/vocabulary.ts";
import { checkTimeline } from "../../src/registers/register.ts";
import type { TimelineEvent } from "../../src/registers/timeline.ts";
import { groupTimelines, latestStatus } from "../../src/registers/timeline.ts";
import { formatIssue } from "../../src/data/issues.ts";
import {
  buildFilterIndex,
  facetPagePaths,
  listPagePaths,
  pageHref,
  pageWindow,
  paginate,
} from "../../src/registers/listing.ts";
import type { ListRow, RegisterListing } from "../../src/registers/listing.ts";
import { applyFilter, readState, writeQuery } from "../../src/registers/filtering.ts";
import { csvCell, toCsv } from "../../src/open-data/csv.ts";
import { timeliness } from "../../src/registers/timeliness.ts";

const statuses = defineStatuses([
  { value: "待办", slug: "open", tone: "todo", description: "尚未办理" },
  { value: "办理中", slug: "working", tone: "progress", description: "正在办理" },
  { value: "办结", slug: "done", tone: "done", description: "已经办结" },
]);

function event(
  line: number,
  date: string,
  status?: "待办" | "办理中" | "办结",
): TimelineEvent<"待办" | "办理中" | "办结"> {
  return { itemId: "T-1", date, kind: "进展", status, summary: "记录", sourceUrl: undefined, line };
}

const base = {
  itemsFile: "data/things.csv",
  timelineFile: "data/thing-updates.csv",
  statuses,
  opened: { column: "opened_on", label: "登记日期" },
};

describe("a status vocabulary", () => {
  it("keeps its terms in order and finds them by word and by slug", () => {
    expect(statuses.values).toEqual(["待办", "办理中", "办结"]);
    expect(statuses.rank("办结")).toBe(2);
    expect(statuses.bySlug("working")?.value).toBe("办理中");
    expect(describeOrder(statuses)).toBe("待办 → 办理中 → 办结");
  });

  it("refuses duplicate slugs and slugs that are not ASCII", () => {
    expect(() =>
      defineVocabulary([
        { value: "甲", slug: "a", description: "" },
        { value: "乙", slug: "a", description: "" },
      ]),
    ).toThrow(/duplicate slug/);
    expect(() => defineVocabulary([{ value: "甲", slug: "甲", description: "" }])).toThrow(/ASCII/);
  });
});

describe("timelines", () => {
  it("orders each item's events by date, keeping file order within a day", () => {
    const events = [event(4, "2020-03-01"), event(2, "2020-01-05"), event(3, "2020-01-05")];
    expect(
      groupTimelines(events)
        .get("T-1")
        ?.map((e) => e.line),
    ).toEqual([2, 3, 4]);
  });

  it("takes the latest status from the newest event that set one", () => {
    const ordered = [
      event(2, "2020-01-01", "待办"),
      event(3, "2020-02-01", "办理中"),
      event(4, "2020-03-01"),
    ];
    expect(latestStatus(ordered)?.status).toBe("办理中");
    expect(latestStatus([event(5, "2020-01-01")])).toBeUndefined();
  });
});

describe("the shared timeline checks", () => {
  const item = { id: "T-1", status: "办结" as const, openedOn: "2020-01-01", line: 7 };

  it("accept statuses that move forward or repeat", () => {
    const events = [
      event(2, "2020-01-01", "待办"),
      event(3, "2020-02-01", "待办"),
      event(4, "2020-03-01", "办结"),
    ];
    expect(checkTimeline({ ...base, item, events })).toEqual([]);
  });

  it("report a status that goes backwards, at the event's line", () => {
    const events = [
      event(2, "2020-01-01", "待办"),
      event(3, "2020-02-01", "办结"),
      event(4, "2020-03-01", "办理中"),
      event(5, "2020-04-01", "办结"),
    ];
    expect(checkTimeline({ ...base, item, events }).map(formatIssue)).toEqual([
      "data/thing-updates.csv:4 status: 状态「办理中」倒退:事项 T-1 在第 3 行(2020-02-01)已是「办结」 (状态按 待办 → 办理中 → 办结 的顺序前进或保持不变)",
    ]);
  });

  it("report an event dated before the item entered the register", () => {
    const events = [event(2, "2019-12-31", "办结")];
    expect(checkTimeline({ ...base, item, events }).map(formatIssue)).toEqual([
      "data/thing-updates.csv:2 date: 日期 2019-12-31 早于事项 T-1 的登记日期 2020-01-01 (不早于事项的登记日期(opened_on))",
    ]);
  });

  it("report an item whose status differs from its timeline's latest status, at the item's line", () => {
    const events = [event(2, "2020-01-01", "待办"), event(3, "2020-02-01", "办理中")];
    expect(checkTimeline({ ...base, item, events }).map(formatIssue)).toEqual([
      "data/things.csv:7 status: 状态「办结」与时间线最新状态「办理中」(data/thing-updates.csv:3)不一致 (与时间线中该事项最新一条填了状态的事件相同)",
    ]);
  });

  it("accept an item with no status events at all", () => {
    expect(checkTimeline({ ...base, item, events: [event(2, "2020-05-01")] })).toEqual([]);
  });
});

const listing: RegisterListing = {
  base: "/things/",
  pageSize: 2,
  indexPath: "/things/filter-index.json",
  columns: [
    { kind: "title", label: "标题" },
    { kind: "facet", label: "状态", facet: "status" },
    { kind: "date", label: "日期", value: "date" },
    { kind: "days", label: "逾期天数", value: "overdue" },
  ],
  facets: [
    {
      key: "status",
      label: "状态",
      values: statuses.terms.map((t) => ({ value: t.slug, label: t.value, tone: t.tone })),
    },
    {
      key: "area",
      label: "区县",
      values: [
        { value: "a", label: "甲区" },
        { value: "b", label: "乙县" },
      ],
    },
  ],
  flags: [{ key: "overdue", label: "只看逾期" }],
  sorts: [
    { key: "new", label: "最新", value: "date", descending: true },
    { key: "overdue", label: "逾期最久", value: "overdue", descending: true },
  ],
};

function row(id: string, status: string, area: string, date: string, overdue?: number): ListRow {
  return {
    id,
    title: `事项 ${id}`,
    facets: { status, area },
    values: { date, overdue },
    flags: { overdue: overdue !== undefined },
  };
}

const rows = [
  row("T-5", "open", "a", "2021-05-01", 30),
  row("T-4", "done", "b", "2021-04-01"),
  row("T-3", "open", "b", "2021-03-01", 90),
  row("T-2", "working", "a", "2021-02-01"),
  row("T-1", "open", "a", "2021-01-01"),
];

describe("list pages", () => {
  it("put page 1 at the base path and later pages under page/<n>/", () => {
    expect(pageHref("/things/", 1)).toBe("/things/");
    expect(pageHref("/things/", 3)).toBe("/things/page/3/");
    expect(listPagePaths(listing, rows).map((p) => p.params.page)).toEqual([
      undefined,
      "page/2",
      "page/3",
    ]);
  });

  it("show the first, the last and two pages either side of the current one", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 9)).toEqual([1, 2, 3, "gap", 9]);
    expect(pageWindow(5, 9)).toEqual([1, "gap", 3, 4, 5, 6, 7, "gap", 9]);
    expect(pageWindow(4, 9)).toEqual([1, 2, 3, 4, 5, 6, "gap", 9]);
    expect(pageWindow(2000, 2000)).toEqual([1, "gap", 1998, 1999, 2000]);
  });

  it("still have one page when the list is empty", () => {
    expect(paginate([], 2, "/things/")).toEqual([
      { page: 1, totalPages: 1, total: 0, rows: [], base: "/things/" },
    ]);
  });

  it("give every facet value its pages, each row exactly once", () => {
    const paths = facetPagePaths(listing, rows, "status");
    expect(paths.map((p) => `${p.params.value}/${p.params.page ?? ""}`)).toEqual([
      "open/",
      "open/page/2",
      "working/",
      "done/",
    ]);
    const ids = paths.flatMap((p) => p.props.page.rows.map((r) => r.id)).sort();
    expect(ids).toEqual(["T-1", "T-2", "T-3", "T-4", "T-5"]);
  });
});

describe("the filter index and the filter", () => {
  const index = buildFilterIndex(listing, rows);
  const params = (query: string) => readState(new URLSearchParams(query), listing);

  it("stores facets as value indexes and flags as bits", () => {
    expect(index.valueKeys).toEqual(["date", "overdue"]);
    expect(index.rows[0]).toEqual(["T-5", "事项 T-5", [0, 0], ["2021-05-01", 30], 1]);
    expect(index.rows[1]).toEqual(["T-4", "事项 T-4", [2, 1], ["2021-04-01", null], 0]);
  });

  it("combines facets and flags", () => {
    expect(applyFilter(index, params("status=open&area=a")).map((r) => r[0])).toEqual([
      "T-5",
      "T-1",
    ]);
    expect(applyFilter(index, params("status=open&overdue=1")).map((r) => r[0])).toEqual([
      "T-5",
      "T-3",
    ]);
  });

  it("sorts with missing values last", () => {
    expect(applyFilter(index, params("sort=overdue")).map((r) => r[0])).toEqual([
      "T-3",
      "T-5",
      "T-4",
      "T-2",
      "T-1",
    ]);
  });

  it("round-trips its state through the query string and ignores unknown values", () => {
    const state = params("overdue=1&area=b&status=open&sort=overdue&page=2&colour=red");
    expect(writeQuery(state, listing)).toBe("?status=open&area=b&overdue=1&sort=overdue&page=2");
    expect(writeQuery(params("status=nope&sort=nope&page=0"), listing)).toBe("");
  });
});

describe("the CSV writer", () => {
  it("starts with a BOM, quotes what needs quoting and ends lines with CRLF", () => {
    expect(
      toCsv(
        ["编号", "说明"],
        [
          ["T-1", '含逗号,和"引号"'],
          ["T-2", undefined],
        ],
      ),
    ).toBe('\uFEFF编号,说明\r\nT-1,"含逗号,和""引号"""\r\nT-2,\r\n');
  });

  it("defuses text cells a spreadsheet would run as formulas, but not numbers", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-1+2")).toBe("'-1+2");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(true)).toBe("是");
  });
});

describe("按期情况 (timeliness)", () => {
  const asOf = "2026-10-31";
  test("finishing on the deadline day is on time; a day later is late by one day", () => {
    expect(timeliness({ deadline: "2026-05-01", doneOn: "2026-05-01", asOf }).value).toBe("按期");
    expect(timeliness({ deadline: "2026-05-01", doneOn: "2026-05-02", asOf })).toEqual({
      value: "超期完成",
      days: 1,
      text: "超期 1 天",
    });
  });
  test("an open item is overdue only after its deadline, with the days counted to the as-of date", () => {
    expect(timeliness({ deadline: asOf, doneOn: undefined, asOf })).toMatchObject({
      value: "未到期",
      text: "今天到期",
    });
    expect(timeliness({ deadline: "2026-07-04", doneOn: undefined, asOf })).toEqual({
      value: "逾期未完成",
      days: 119,
      text: "逾期 119 天",
    });
    expect(timeliness({ deadline: "2026-11-12", doneOn: undefined, asOf })).toMatchObject({
      value: "未到期",
      days: -12,
      text: "还有 12 天",
    });
  });
  test("no deadline is its own answer, never on time", () => {
    expect(timeliness({ deadline: undefined, doneOn: "2026-01-01", asOf }).value).toBe("无期限");
  });
});
