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
      "data/site.json:9:3 asOf: 须为 YYYY-MM-DD 格式的真实日期 (数据截至日期,写作 YYYY-MM-DD,如 2024-06-30)",
    ]);
  });

  it("rejects a jurisdiction code that is not six digits, on the line of the nested key", () => {
    const jurisdiction = { name: "样例市", code: "99010" };
    expect(problemsWithSiteJson(siteJsonWith({ jurisdiction }))).toEqual([
      "data/site.json:4:5 jurisdiction.code: 须为 6 位 GB/T 2260 行政区划代码 (本市的 6 位行政区划代码(GB/T 2260,地级代码末两位为 00),须是 regions.csv 中的一行)",
    ]);
  });

  it("finds a nested key under its own parent, not an earlier key of the same name", () => {
    const licence = { name: "", url: "https://creativecommons.org/licenses/by/4.0/" };
    const [problem] = problemsWithSiteJson(siteJsonWith({ licence }));
    expect(problem).toMatch(/^data\/site\.json:12:5 licence\.name: /);
  });

  it("says in Chinese that a value has the wrong type", () => {
    const [problem] = problemsWithSiteJson(siteJsonWith({ sample: "是" }));
    expect(problem).toMatch(
      /^data\/site\.json:10:3 sample: .*boolean.* \(true 或 false,不加引号\)$/,
    );
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
      "data/site.json:8:3 siteUrl: 须以 / 结尾 (网站的公开网址,以 https:// 开头、以 / 结尾,不带 ? 和 #)",
    ]);
  });

  it("names a misspelt key and its line, and the key it should have been is missing", () => {
    const text = siteJson().replace('"siteName"', '"sitename"');
    expect(problemsWithSiteJson(text)).toEqual([
      "data/site.json:1 siteName: 缺少这一项 (网站名称,显示在每页页头)",
      "data/site.json:6:3 sitename: 未知的键(是否拼错了?) (可用的键:jurisdiction、siteName、publisher、siteUrl、asOf、earliestYear、sample、licence、replyPromiseWorkingDays、stalledAfterDays、history、sections、channels)",
    ]);
  });

  it("reports one problem per key even when several of its checks fail", () => {
    expect(problemsWithSiteJson(siteJsonWith({ siteUrl: "sample" }))).toEqual([
      "data/site.json:8:3 siteUrl: 不是完整的网址 (网站的公开网址,以 https:// 开头、以 / 结尾,不带 ? 和 #)",
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

  // What each value means, not only its type: a link every page carries, the address every
  // canonical link is made from, the codes and dates everything is checked against.
  it.each([["javascript:"], ["data:"], ["vbscript:"]])(
    "refuses a %s licence link, which every page's footer would carry",
    (scheme) => {
      const licence = { name: "CC BY 4.0", url: `${scheme}alert(1)` };
      expect(problemsWithSiteJson(siteJsonWith({ licence }))).toEqual([
        "data/site.json:13:5 licence.url: 只允许 https:// 或 http:// 开头的网址 (许可文本的完整网址,以 https:// 或 http:// 开头)",
      ]);
    },
  );

  it("refuses a javascript: site URL with the key named, instead of crashing the build", () => {
    expect(problemsWithSiteJson(siteJsonWith({ siteUrl: "javascript:alert(1)//" }))).toEqual([
      "data/site.json:8:3 siteUrl: 只允许 https:// 或 http:// 开头的网址 (网站的公开网址,以 https:// 开头、以 / 结尾,不带 ? 和 #)",
    ]);
  });

  it("refuses a relative site URL and one with a query", () => {
    expect(problemsWithSiteJson(siteJsonWith({ siteUrl: "/gongshi/" }))).toEqual([
      "data/site.json:8:3 siteUrl: 不是完整的网址 (网站的公开网址,以 https:// 开头、以 / 结尾,不带 ? 和 #)",
    ]);
    expect(problemsWithSiteJson(siteJsonWith({ siteUrl: "https://a.example/?x=/" }))).toEqual([
      "data/site.json:8:3 siteUrl: 网站网址不能带 ?、# 或用户名密码 (网站的公开网址,以 https:// 开头、以 / 结尾,不带 ? 和 #)",
    ]);
  });

  it("refuses a jurisdiction code that is not a prefecture's (a province's, a county's)", () => {
    for (const code of ["990000", "990102"]) {
      const jurisdiction = { name: "样例市", code };
      expect(problemsWithSiteJson(siteJsonWith({ jurisdiction }))).toContain(
        "data/site.json:4:5 jurisdiction.code: 不是地级(市、州、盟)的代码:地级代码末两位为 00,中间两位不为 00 (本市的 6 位行政区划代码(GB/T 2260,地级代码末两位为 00),须是 regions.csv 中的一行)",
      );
    }
  });

  it("refuses a blank site name and an unknown key inside licence", () => {
    const licence = { name: "CC BY 4.0", url: "https://creativecommons.org/", urll: "x" };
    expect(problemsWithSiteJson(siteJsonWith({ siteName: "  ", licence }))).toEqual([
      "data/site.json:6:3 siteName: 不能为空 (网站名称,显示在每页页头)",
      expect.stringMatching(
        /^data\/site\.json:1\d:5 licence\.urll: 未知的键\(是否拼错了\?\) \(可用的键:name、url\)$/,
      ),
    ]);
  });

  it("refuses an as-of date before the earliest year, and a reply promise beyond 60 working days", () => {
    expect(problemsWithSiteJson(siteJsonWith({ asOf: "1202-03-01" }))).toEqual([
      "data/site.json:9:3 asOf: 截至日期 1202-03-01 早于最早年份 earliestYear(2000) (数据截至日期,写作 YYYY-MM-DD,如 2024-06-30)",
    ]);
    const [problem] = problemsWithSiteJson(siteJsonWith({ replyPromiseWorkingDays: 600 }));
    expect(problem).toMatch(/^data\/site\.json:15:3 replyPromiseWorkingDays: .*60/);
  });

  it("names a misspelt key inside history and the keys history has", () => {
    const text = siteJsonWith({ history: { require: true } });
    expect(problemsWithSiteJson(text)).toEqual([
      expect.stringMatching(
        /^data\/site\.json:\d+:\d+ history\.require: 未知的键\(是否拼错了\?\) \(可用的键:required、repositoryUrl、commitUrl\)$/,
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
      /^data\/site\.json:\d+:\d+ stalledAfterDays: /,
    );
  });
});

describe("site.json channels: where readers are sent", () => {
  const channels = {
    contact: { name: "编辑部", email: "contact@sample.example" },
    corrections: { name: "纠错", email: "jiucuo@sample.example" },
    hotlines: [{ name: "12345热线", phone: "12345" }],
    mailboxes: [{ name: "丙县委书记信箱", url: "https://mail.sample.example/", region: "990121" }],
  };

  it("accepts contact, corrections, hotlines and mailboxes", () => {
    expect(problemsWithSiteJson(siteJsonWith({ channels }))).toEqual([]);
  });

  it("rejects a channel with no number, address or web page, naming the array element", () => {
    const text = siteJsonWith({ channels: { ...channels, hotlines: [{ name: "热线" }] } });
    const [problem] = problemsWithSiteJson(text);
    expect(problem).toMatch(
      /^data\/site\.json:\d+:\d+ channels\.hotlines\.0: 须至少填写 phone、email、url 中的一项/,
    );
    const line = Number(/:(\d+)(?::\d+)? /.exec(problem ?? "")?.[1]);
    expect(text.split("\n")[line - 1]).toContain("{");
  });

  it("rejects a hotline offered in a section the software does not know", () => {
    const hotlines = [{ name: "12369热线", phone: "12369", sections: ["exposure"] }];
    const [problem] = problemsWithSiteJson(siteJsonWith({ channels: { ...channels, hotlines } }));
    expect(problem).toMatch(
      /^data\/site\.json:\d+:\d+ channels\.hotlines\.0\.sections: 未知的板块「exposure」/,
    );
  });

  it("rejects a mailbox of a region that regions.csv does not have", () => {
    const mailboxes = [{ name: "外县委书记信箱", url: "https://x.example/", region: "990999" }];
    const text = siteJsonWith({ channels: { ...channels, mailboxes } });
    const problems = problemsWithSiteJson(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^data\/site\.json:\d+(?::\d+)? channels\.mailboxes\.0\.region: 区划代码 「990999」 不在 regions\.csv 中/,
    );
    const line = Number(/:(\d+)(?::\d+)? /.exec(problems[0] ?? "")?.[1]);
    expect(text.split("\n")[line - 1]).toContain('"region": "990999"');
  });
});
