import { describe, expect, it } from "vitest";
import {
  dataDir,
  problemsLoading,
  sampleSiteConfig,
  siteJson,
  validFiles,
} from "./data-fixtures.ts";

/** The problems of a dataset whose site.json is `text` and everything else valid. */
function problemsWithSiteJson(text: string): string[] {
  return problemsLoading(dataDir({ ...validFiles(), "site.json": text }));
}

/** site.json with some keys replaced; the line numbers below are those of `siteJson()`. */
function siteJsonWith(changes: Record<string, unknown>): string {
  return siteJson({ ...sampleSiteConfig(), ...changes });
}

// Lines of siteJson(): 2 "jurisdiction": {, 3 "name", 4 "code", 6 siteName, 7 publisher,
// 8 siteUrl, 9 asOf, 10 sample, 11 "licence": {, 12 "name", 13 "url", 15 replyPromiseWorkingDays.
describe("site.json is checked with messages an editor can act on", () => {
  it("lays out the fixture on the lines the tests below name", () => {
    const lines = siteJson().split("\n");
    expect(lines[8]).toContain('"asOf"');
    expect(lines[11]).toContain('"name": "CC BY 4.0"');
  });

  it("reports a missing site.json", () => {
    const { "site.json": _site, ...rest } = validFiles();
    const [problem] = problemsLoading(dataDir(rest));
    expect(problem).toMatch(/^data\/site\.json:1 \(文件\): 文件不存在 \(.+\)$/);
  });

  it("reports JSON that does not parse on the line of the mistake, in Chinese", () => {
    const text = siteJson().replace('"sample": true,', '"sample": true,,');
    expect(problemsWithSiteJson(text)).toEqual([
      "data/site.json:10 (文件): 不是有效的 JSON (标准 JSON:键名和字符串用英文双引号,项与项之间一个英文逗号,最后一项后不加逗号)",
    ]);
  });

  it("rejects an as-of date that does not exist", () => {
    expect(problemsWithSiteJson(siteJsonWith({ asOf: "2023-02-30" }))).toEqual([
      "data/site.json:9 asOf: 须为 YYYY-MM-DD 格式的真实日期 (数据截至日期,写作 YYYY-MM-DD,如 2024-06-30)",
    ]);
  });

  it("rejects a jurisdiction code that is not six digits, on the line of the nested key", () => {
    const jurisdiction = { name: "样例市", code: "99010" };
    expect(problemsWithSiteJson(siteJsonWith({ jurisdiction }))).toEqual([
      "data/site.json:4 jurisdiction.code: 须为 6 位 GB/T 2260 行政区划代码 (本市的 6 位行政区划代码(GB/T 2260),须是 regions.csv 中的一行)",
    ]);
  });

  it("finds a nested key under its own parent, not an earlier key of the same name", () => {
    const licence = { name: "", url: "https://creativecommons.org/licenses/by/4.0/" };
    const [problem] = problemsWithSiteJson(siteJsonWith({ licence }));
    expect(problem).toMatch(/^data\/site\.json:12 licence\.name: /);
  });

  it("says in Chinese that a value has the wrong type", () => {
    const [problem] = problemsWithSiteJson(siteJsonWith({ sample: "是" }));
    expect(problem).toMatch(/^data\/site\.json:10 sample: .*boolean.* \(true 或 false,不加引号\)$/);
    expect(problem).not.toMatch(/Invalid|expected|received/);
  });

  it("says in Chinese that a key is missing", () => {
    const { siteName: _siteName, ...config } = sampleSiteConfig();
    expect(problemsWithSiteJson(siteJson(config))).toEqual([
      "data/site.json:1 siteName: 缺少这一项 (网站名称,显示在每页页头)",
    ]);
  });

  it("rejects a site URL without the trailing slash", () => {
    expect(
      problemsWithSiteJson(siteJsonWith({ siteUrl: "https://sample.gongshi.example" })),
    ).toEqual([
      "data/site.json:8 siteUrl: 须以 / 结尾 (网站的公开网址,以 https:// 开头、以 / 结尾)",
    ]);
  });

  it("names a misspelt key and its line, and the key it should have been is missing", () => {
    const text = siteJson().replace('"siteName"', '"sitename"');
    expect(problemsWithSiteJson(text)).toEqual([
      "data/site.json:1 siteName: 缺少这一项 (网站名称,显示在每页页头)",
      "data/site.json:6 sitename: 未知的键(是否拼错了?) (可用的键:jurisdiction、siteName、publisher、siteUrl、asOf、sample、licence、replyPromiseWorkingDays、stalledAfterDays、history、sections)",
    ]);
  });

  it("reports one problem per key even when several of its checks fail", () => {
    expect(problemsWithSiteJson(siteJsonWith({ siteUrl: "sample" }))).toEqual([
      "data/site.json:8 siteUrl: 无效URL (网站的公开网址,以 https:// 开头、以 / 结尾)",
    ]);
  });

  it("collects every problem of site.json at once", () => {
    const text = siteJsonWith({ asOf: "2024-13-01", sample: "yes", siteUrl: "sample" });
    expect(problemsWithSiteJson(text).map((problem) => problem.split(" ")[1])).toEqual([
      "siteUrl:",
      "asOf:",
      "sample:",
    ]);
  });

  it("rejects a jurisdiction code that regions.csv does not have", () => {
    const jurisdiction = { name: "样例市", code: "990200" };
    expect(problemsWithSiteJson(siteJsonWith({ jurisdiction }))).toContain(
      "data/regions.csv:1 (文件): 没有 site.json 中本市代码 990200 的一行 (regions.csv 须包含本市及其县级区划)",
    );
  });

  it("names a misspelt key inside history and the keys history has", () => {
    const text = siteJsonWith({ history: { require: true } });
    expect(problemsWithSiteJson(text)).toEqual([
      expect.stringMatching(
        /^data\/site\.json:\d+ history\.require: 未知的键\(是否拼错了\?\) \(可用的键:required、repositoryUrl、commitUrl\)$/,
      ),
    ]);
  });

  it("rejects a commit address without the place of the commit id", () => {
    const text = siteJsonWith({ history: { commitUrl: "https://git.example.org/commit/" } });
    expect(problemsWithSiteJson(text)).toEqual([
      expect.stringMatching(/history\.commitUrl: 须含 \{commit\}/),
    ]);
  });

  it("rejects a stalled period that is not a whole number of days", () => {
    expect(problemsWithSiteJson(siteJsonWith({ stalledAfterDays: 0 }))[0]).toMatch(
      /^data\/site\.json:\d+ stalledAfterDays: /,
    );
  });
});
