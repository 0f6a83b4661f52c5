import { expect, test } from "vitest";
import { DataValidationError, formatIssue } from "../../src/data/issues.ts";

test("formats a problem as file:line column: what is wrong (what is allowed)", () => {
  expect(
    formatIssue({
      file: "data/exposures.csv",
      line: 17,
      column: "status",
      problem: "「整改完」不是允许的值",
      allowed: "允许:未整改、整改中、已整改、已销号",
    }),
  ).toBe(
    "data/exposures.csv:17 status: 「整改完」不是允许的值 (允许:未整改、整改中、已整改、已销号)",
  );
});

test("lists every collected problem in file and line order in one error", () => {
  const error = new DataValidationError([
    { file: "data/b.csv", line: 3, column: "x", problem: "p3", allowed: "a" },
    { file: "data/a.csv", line: 9, column: "y", problem: "p9", allowed: "a" },
    { file: "data/a.csv", line: 2, column: "z", problem: "p2", allowed: "a" },
  ]);
  expect(error.issues.map((issue) => `${issue.file}:${issue.line}`)).toEqual([
    "data/a.csv:2",
    "data/a.csv:9",
    "data/b.csv:3",
  ]);
  expect(error.message).toContain("3 个问题");
});
