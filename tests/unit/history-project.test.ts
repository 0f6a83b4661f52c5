import { describe, expect, it } from "vitest";
import { allowlistOf } from "../../src/privacy/allowlist.ts";
import { projectHistory, WITHHELD_VALUE } from "../../src/history/project.ts";
import type { HistorySource } from "../../src/history/project.ts";
import type { CommitChanges } from "../../src/history/read.ts";
import type { Cells } from "../../src/history/records.ts";
import type { RowChange } from "../../src/history/tables.ts";
import { exposures } from "../../src/registers/exposures/index.ts";
import { mailbox } from "../../src/registers/mailbox/index.ts";
import { letterVersionVisibility, toPublicLetter } from "../../src/registers/mailbox/public.ts";
import type { LetterRow } from "../../src/registers/mailbox/schema.ts";
import type { ReplyTiming } from "../../src/registers/mailbox/timing.ts";
import { registerHistorySources } from "../../src/site/history.ts";

const regions = {
  regionsByCode: new Map([
    ["990102", { code: "990102", name: "甲区", level: "县" as const, parent: "990100" }],
  ]),
};
/** What the exposure register's downloads publish: every column of its files. */
const allColumns = new Map(
  exposures.tables.map((table) => [table.file, new Set(Object.keys(table.columns))]),
);
const letterSources = registerHistorySources(mailbox, regions, new Map());
const exposureSources = registerHistorySources(exposures, regions, allColumns);

function commit(id: string, file: string, rows: RowChange[]): CommitChanges {
  return {
    id,
    parent: undefined,
    date: "2024-03-01T10:00:00+08:00",
    tables: [{ file, blob: "b", readable: true, rows }],
    documents: [],
  };
}

const letter = (changes: Record<string, string>): Cells => ({
  id: "SJ-2024-0001",
  consent_to_publish: "是",
  reply_identifies_person: "否",
  title: "路灯不亮",
  content: "小区门口路灯坏了。",
  reply: "",
  status: "待回复",
  ...changes,
});

function project(
  sources: readonly HistorySource[],
  commits: CommitChanges[],
  current: Cells | undefined,
) {
  return projectHistory(commits, {
    sources,
    current: () => current,
    allowlist: allowlistOf([]),
  });
}

const changed = (before: Cells, after: Cells): RowChange => ({
  record: "SJ-2024-0001",
  row: "SJ-2024-0001",
  change: "changed",
  before,
  after,
});

describe("what the change history may show", () => {
  it("never shows the title or text of a letter without consent, though their edits are in git", () => {
    const before = letter({ consent_to_publish: "否" });
    const after = letter({ consent_to_publish: "否", title: "路灯坏了很久", status: "已回复" });
    const changes = project(
      letterSources,
      [commit("c1", "letters.csv", [changed(before, after)])],
      after,
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]?.fields.map((field) => field.column)).toEqual(["status"]);
    expect(JSON.stringify(changes)).not.toContain("路灯");
  });

  it("hides what a letter once published when its consent is withdrawn later", () => {
    const before = letter({});
    const after = letter({ title: "路灯坏了很久" });
    const now = letter({ consent_to_publish: "否", title: "路灯坏了很久" });
    const changes = project(
      letterSources,
      [commit("c1", "letters.csv", [changed(before, after)])],
      now,
    );
    expect(changes).toEqual([]);
  });

  it("keeps an old reply that named someone hidden after the reply was rewritten", () => {
    const before = letter({
      consent_to_publish: "否",
      reply: "张某家门口已修好。",
      reply_identifies_person: "是",
      status: "已回复",
    });
    const after = letter({ consent_to_publish: "否", reply: "路灯已修好。", status: "已回复" });
    const changes = project(
      letterSources,
      [commit("c1", "letters.csv", [changed(before, after)])],
      after,
    );
    expect(JSON.stringify(changes)).not.toContain("张某");
  });

  it("shows a consenting letter's corrected title, old and new", () => {
    const before = letter({});
    const after = letter({ title: "小区路灯不亮" });
    const [change] = project(
      letterSources,
      [commit("c1", "letters.csv", [changed(before, after)])],
      after,
    );
    expect(change?.fields).toEqual([
      { column: "title", label: "来信标题", before: "路灯不亮", after: "小区路灯不亮" },
    ]);
  });

  it("withholds a value that looks like personal data, old or new", () => {
    const row = (measures: string): Cells => ({ id: "HB-2024-0001", title: "河道垃圾", measures });
    const changes = project(
      exposureSources,
      [
        commit("c1", "exposures.csv", [
          {
            record: "HB-2024-0001",
            row: "HB-2024-0001",
            change: "changed",
            before: row("联系电话 13912345678"),
            after: row("已清理"),
          },
        ]),
      ],
      undefined,
    );
    expect(changes[0]?.fields[0]).toMatchObject({ before: WITHHELD_VALUE, after: "已清理" });
  });

  it("never shows a column the register's downloads do not publish", () => {
    const row = (measures: string): Cells => ({ id: "HB-2024-0001", title: "河道垃圾", measures });
    const unpublished = new Map(allColumns);
    unpublished.set("exposures.csv", new Set(["id", "title"]));
    const changes = project(
      registerHistorySources(exposures, regions, unpublished),
      [
        commit("c1", "exposures.csv", [
          {
            record: "HB-2024-0001",
            row: "HB-2024-0001",
            change: "changed",
            before: row("甲"),
            after: row("乙"),
          },
        ]),
      ],
      undefined,
    );
    expect(changes).toEqual([]);
  });

  it("lists a corrected event of a timeline under its item, with the text before and after", () => {
    const event = (summary: string): Cells => ({
      item_id: "HB-2024-0001",
      date: "2024-02-01",
      kind: "进展",
      status: "",
      summary,
    });
    const [change] = project(
      exposureSources,
      [
        commit("c1", "exposure-updates.csv", [
          {
            record: "HB-2024-0001",
            row: "x",
            change: "changed",
            before: event("开始整改"),
            after: event("已经开始整改"),
          },
        ]),
      ],
      undefined,
    );
    expect(change).toMatchObject({ record: "HB-2024-0001", kind: "changed", fields: [] });
    expect(change?.events[0]?.fields[0]).toMatchObject({
      before: "开始整改",
      after: "已经开始整改",
    });
  });
});

describe("the consent rules of history agree with the mailbox's public projection", () => {
  const timing: ReplyTiming = {
    dueOn: "2024-03-15",
    calendarDaysToReply: 3,
    workingDaysToReply: 2,
    repliedWithinPromise: true,
    overdue: false,
    workingDaysWaiting: undefined,
    timeliness: { value: "按期", days: undefined, text: "按期" },
  };
  for (const consent of [true, false]) {
    for (const identifies of [true, false]) {
      it(`consent ${consent ? "是" : "否"}, reply identifies a person ${identifies ? "是" : "否"}`, () => {
        const row: LetterRow = {
          id: "SJ-2024-0001",
          received_on: "2024-03-01",
          mailbox_level: "市",
          mailbox: "市委书记信箱",
          region_code: "990100",
          topic: "城建",
          title: "标题",
          content: "正文",
          consent_to_publish: consent,
          handled_by_principal: false,
          instruction_on: undefined,
          replied_on: "2024-03-04",
          reply_unit: "市住建局",
          reply: "答复",
          reply_identifies_person: identifies,
          status: "已回复",
          satisfaction: undefined,
        };
        const published = toPublicLetter(row, timing, "样例市") as unknown as Record<
          string,
          unknown
        >;
        const cells = letter({
          consent_to_publish: consent ? "是" : "否",
          reply_identifies_person: identifies ? "是" : "否",
        });
        const visible = letterVersionVisibility(cells, cells);
        for (const column of ["title", "content", "reply"]) {
          expect(visible(column), column).toBe(published[column] !== undefined);
        }
      });
    }
  }
});
