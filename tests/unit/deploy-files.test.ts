import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../../src/site/csp.ts";

// The deployment files cities copy must say what the site needs; the browser test
// (tests/e2e/nginx.test.ts) runs the nginx one for real.
describe("deployment files", () => {
  it("the nginx server block sends the site's own Content-Security-Policy", () => {
    const conf = readFileSync("deploy/nginx/gongshi.conf", "utf8");
    const csp = /add_header Content-Security-Policy "([^"]+)" always;/.exec(conf)?.[1];
    expect(csp).toBe(`${contentSecurityPolicy}; frame-ancestors $gongshi_frame_ancestors`);
  });

  it("CI builds with the whole history, after validating", () => {
    const github = readFileSync(".github/workflows/publish.yml", "utf8");
    expect(github).toMatch(/fetch-depth: 0/);
    expect(github.indexOf("npm run validate")).toBeLessThan(github.indexOf("npm run build"));
    const gitlab = readFileSync(".gitlab-ci.yml", "utf8");
    expect(gitlab).toMatch(/GIT_DEPTH: "0"/);
    expect(gitlab.indexOf("npm run validate")).toBeLessThan(gitlab.indexOf("npm run build"));
  });
});
