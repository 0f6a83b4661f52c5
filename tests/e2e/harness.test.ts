import { expect, test } from "vitest";
import { expectCleanPage, expectNoAxeViolations, openPage } from "./harness.ts";

// The checks every page test relies on must be able to fail.
test("the accessibility check reports an image without alternative text", async () => {
  const { page } = await openPage("/");
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.src = "/favicon.svg";
    document.querySelector("main")?.append(img);
  });
  await expect(expectNoAxeViolations(page)).rejects.toThrow(/image-alt/);
});

test("the clean-page check reports a request to another origin and a CSP violation", async () => {
  const { page, problems } = await openPage("/");
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.src = "https://cdn.example.com/x.js";
    document.head.append(script);
  });
  await page.waitForTimeout(200);
  expect(() => expectCleanPage(problems)).toThrow();
  expect(problems.cspViolations.join("\n")).toMatch(/cdn\.example\.com/);
});
