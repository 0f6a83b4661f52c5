import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { diffData } from "../../src/site/diff.ts";
import { renderDiffMarkdown, renderDiffText } from "../../src/site/diff-report.ts";
import { NO_INDICATORS, regionsCsv, sampleSiteConfig, siteJson } from "./data-fixtures.ts";
import { EXPOSURES_HEADER, EXPOSURE_UPDATES_HEADER } from "./exposure-fixtures.ts";
import { testRepository } from "./history-repo.ts";
import type { TestRepository } from "./history-repo.ts";

let repo: TestRepository | undefined;
afterEach(() => repo?.cleanUp());

const media = "样例电视台《环保曝光台》第1期";
/** Three problems, all due by the as-of date: one rectified on time, two overdue (1 of 3). */
const exposures = [
  EXPOSURES_HEADER,
  `HB-2024-0001,河道漂浮垃圾,2024-01-10,${media},,990102,甲区河段,水,河面漂浮垃圾,甲区水务局,2024-03-01,已整改,2024-02-20,,清理垃圾`,
  `HB-2024-0002,工地夜间施工噪声,2024-01-10,${media},,990103,乙区工地,噪声,夜间施工扰民,乙区住建局,2024-03-01,整改中,,,`,
  `HB-2024-0003,餐馆油烟直排,2024-01-10,${media},,990121,丙县城区,大气,油烟直排,丙县市场监管局,2024-05-01,未整改,,,`,
];
const updates = [
  EXPOSURE_UPDATES_HEADER,
  "HB-2024-0001,2024-01-10,曝光,未整改,节目曝光。,",
  "HB-2024-0001,2024-02-20,进展,已整改,垃圾已清理。,",
  "HB-2024-0002,2024-01-10,曝光,未整改,节目曝光。,",
  "HB-2024-0002,2024-01-20,进展,整改中,开始整改。,",
  "HB-2024-0003,2024-01-10,曝光,未整改,节目曝光。,",
];

function write(target: TestRepository, rows: string[], events: string[]): void {
  target.write("data/site.json", siteJson({ ...sampleSiteConfig(), sections: ["exposures"] }));
  target.write("data/regions.csv", regionsCsv());
  for (const [name, content] of Object.entries(NO_INDICATORS)) {
    target.write(`data/${name}`, content as string);
  }
  target.write("data/exposures.csv", `${rows.join("\n")}\n`);
  target.write("data/exposure-updates.csv", `${events.join("\n")}\n`);
}

function edited(): { rows: string[]; events: string[] } {
  const rows = [...exposures];
  rows[2] = rows[2]?.replace(",整改中,,,", ",已整改,2024-02-28,,") ?? "";
  rows[3] = rows[3]?.replace("餐馆油烟直排", "餐馆油烟未经净化直排") ?? "";
  return { rows, events: [...updates, "HB-2024-0002,2024-02-28,进展,已整改,完成整改。,"] };
}

function committedRepository(): TestRepository {
  repo = testRepository();
  write(repo, exposures, updates);
  repo.commit("data", "2024-06-30T10:00:00+08:00");
  return repo;
}

describe("npm run diff", { timeout: 30_000 }, () => {
  it("shows an edited title, a status change with its transition, a new event and the on-time rate that changes", () => {
    const target = committedRepository();
    const { rows, events } = edited();
    write(target, rows, events);
    const text = renderDiffText(diffData({ dataDir: join(target.dir, "data") }));
    expect(text).toContain("数据检查：通过。");
    expect(text).toContain("【环保曝光台】新增 0 条，删除 0 条，修改 2 条");
    expect(text).toContain("状态变化：整改中 → 已整改 1 条");
    expect(text).toContain("HB-2024-0003 餐馆油烟未经净化直排");
    expect(text).toContain("问题标题：餐馆油烟直排 → 餐馆油烟未经净化直排");
    expect(text).toContain("时间线新增：2024-02-28 进展（已整改）");
    expect(text).toContain("环保曝光台 按期整改率：33.3% → 66.7%");
  });

  it("prints validation problems first, in file:line column form", () => {
    const target = committedRepository();
    const rows = [...exposures];
    rows[2] = rows[2]?.replace(",整改中,", ",整改完,") ?? "";
    write(target, rows, updates);
    const text = renderDiffText(diffData({ dataDir: join(target.dir, "data") }));
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^数据检查发现 \d+ 个问题/);
    expect(lines[1]).toMatch(/^ {2}data\/exposures\.csv:3 status: 「整改完」不是允许的值/);
  });

  it("compares two commits and renders Markdown for a pull request", () => {
    const target = committedRepository();
    const { rows, events } = edited();
    write(target, rows, events);
    target.commit("edits", "2024-07-01T10:00:00+08:00");
    const markdown = renderDiffMarkdown(
      diffData({ dataDir: join(target.dir, "data"), base: "HEAD~1", target: "HEAD" }),
    );
    expect(markdown).toContain("#### 环保曝光台：新增 0 条，删除 0 条，修改 2 条");
    expect(markdown).toContain("- 修改 `HB-2024-0003` 餐馆油烟未经净化直排");
    expect(markdown).toContain("| 环保曝光台 按期整改率 | 33.3% | 66.7% |");
  });

  it("says when nothing changed", () => {
    const target = committedRepository();
    expect(renderDiffText(diffData({ dataDir: join(target.dir, "data") }))).toContain(
      "各台账的记录没有变化。",
    );
  });
});
