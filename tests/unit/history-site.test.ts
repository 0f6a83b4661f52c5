import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatIssue } from "../../src/data/issues.ts";
import { validateData } from "../../src/site/validate.ts";
import { dataDir, sampleSiteConfig, siteJson, validFiles } from "./data-fixtures.ts";
import { testRepository } from "./history-repo.ts";
import type { TestRepository } from "./history-repo.ts";

const requiring = () => ({
  ...validFiles(),
  "site.json": siteJson({ ...sampleSiteConfig(), history: { required: true } }),
});

let repos: TestRepository[] = [];
afterEach(() => {
  for (const repo of repos) repo.cleanUp();
  repos = [];
});

describe("a site without a readable history", { timeout: 30_000 }, () => {
  it("is built without history and without a word when its data is not in git", () => {
    const { issues, notices, history } = validateData(dataDir(validFiles()));
    expect(issues).toEqual([]);
    expect(notices).toEqual([]);
    expect(history?.available).toBe(false);
  });

  it("stops validate when site.json requires history", () => {
    const { issues } = validateData(dataDir(requiring()), "data");
    expect(issues.map(formatIssue)).toEqual([
      expect.stringMatching(
        /^data\/site\.json:1 history\.required: 要求显示修改历史，但data 不在 git 仓库中/,
      ),
    ]);
  });

  it("says plainly that a shallow clone has no history, and stops when history is required", () => {
    const origin = testRepository();
    repos.push(origin);
    for (const [name, content] of Object.entries(requiring()))
      origin.write(`data/${name}`, content);
    origin.commit("data", "2024-06-30T10:00:00+08:00");
    origin.write(
      "data/site.json",
      siteJson({ ...sampleSiteConfig(), history: { required: false } }),
    );
    origin.commit("no longer required", "2024-07-01T10:00:00+08:00");
    const clone = testRepository();
    repos.push(clone);
    clone.git("fetch", "-q", "--depth=1", `file://${origin.dir}`, "main");
    clone.git("checkout", "-q", "FETCH_HEAD");
    const relaxed = validateData(join(clone.dir, "data"), "data");
    expect(relaxed.issues).toEqual([]);
    expect(relaxed.notices).toEqual([expect.stringContaining("浅克隆")]);
    clone.write("data/site.json", siteJson({ ...sampleSiteConfig(), history: { required: true } }));
    const strict = validateData(join(clone.dir, "data"), "data");
    expect(strict.issues.map(formatIssue)).toEqual([
      expect.stringMatching(
        /^data\/site\.json:1 history\.required: 要求显示修改历史，但这是浅克隆/,
      ),
    ]);
  });
});
