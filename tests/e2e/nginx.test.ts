import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../../src/site/csp.ts";
import { distDir, expectCleanPage, openPage } from "./harness.ts";
import { startNginx } from "./nginx-server.ts";
import type { NginxServer } from "./nginx-server.ts";

// The server block cities copy (deploy/nginx/gongshi.conf), served by Debian's nginx on
// 127.0.0.1: what arrives at a reader's browser is what the file promises.
let nginx: NginxServer;
beforeAll(async () => {
  nginx = await startNginx(distDir());
});
afterAll(async () => {
  await nginx?.stop();
});

async function get(path: string, encoding = "identity"): Promise<Response> {
  return fetch(`${nginx.origin}${path}`, {
    headers: { "Accept-Encoding": encoding },
    redirect: "manual",
  });
}

/** A file of the built site, as a URL path. */
function firstFile(dir: string, test: (name: string) => boolean): string {
  const name = readdirSync(join(distDir(), dir)).find(test);
  if (!name) throw new Error(`no matching file in ${dir}`);
  return `/${dir}/${name}`;
}

describe("the nginx server block", () => {
  it("sends the site's Content-Security-Policy and security headers with every page", async () => {
    const response = await get("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toBe(
      `${contentSecurityPolicy}; frame-ancestors 'self'`,
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("permissions-policy")).toBe(
      "camera=(), microphone=(), geolocation=()",
    );
  });

  it("lets other sites frame embeds, and only embeds", async () => {
    const embeds = readdirSync(join(distDir(), "embed", "indicators"));
    const response = await get(`/embed/indicators/${embeds[0] ?? ""}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors \*$/);
  });

  it("keeps hashed assets for a year and pages for five minutes", async () => {
    const css = await get(firstFile("_astro", (name) => name.endsWith(".css")));
    expect(css.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await get("/exposures/")).headers.get("cache-control")).toBe("public, max-age=300");
    expect((await get("/data/exposures.csv")).headers.get("content-type")).toMatch(/^text\/csv/);
  });

  it("compresses Pagefind's scripts with brotli or gzip, and sends its compressed index as it is", async () => {
    const script = "/pagefind/pagefind.js";
    const brotli = await get(script, "br, gzip");
    expect(brotli.headers.get("content-encoding")).toBe("br");
    const gzip = await get(script, "gzip");
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    const meta = firstFile("pagefind", (name) => name.endsWith(".pf_meta"));
    const index = await get(meta, "br, gzip");
    expect(index.status).toBe(200);
    expect(index.headers.get("content-encoding")).toBeNull();
    expect(index.headers.get("cache-control")).toContain("immutable");
  });

  it("answers a missing page with the site's 404 page and status 404", async () => {
    const response = await get("/no-such-page/");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("页面不存在");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
  });

  it("redirects a folder without its slash to the page", async () => {
    const response = await get("/exposures");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toMatch(/\/exposures\/$/);
  });
});

describe("pages served by nginx in Chromium", () => {
  for (const path of ["/", "/exposures/", "/mailbox/stats/", "/search/?q=垃圾"]) {
    it(`${path} loads without CSP violations or failed requests`, async () => {
      const { page, problems } = await openPage(path, { origin: nginx.origin });
      if (path.startsWith("/search/")) {
        // Pagefind's WebAssembly and index fragments come through nginx too.
        await page.waitForFunction(
          () =>
            Number(document.querySelector("gs-search")?.getAttribute("data-completed-searches")) >=
            1,
          undefined,
          { timeout: 30_000 },
        );
      }
      expectCleanPage(problems);
    });
  }

  it("shows the 404 page for a missing page, with status 404", async () => {
    const { page, problems } = await openPage("/no-such-page/", {
      origin: nginx.origin,
      status: 404,
    });
    await expect(page.locator("h1").textContent()).resolves.toBe("页面不存在");
    // Chromium logs the page's own 404 as a console error; that status is the point here.
    const ownStatus = /status of 404/;
    expect(problems.consoleErrors.every((message) => ownStatus.test(message))).toBe(true);
    expectCleanPage({ ...problems, consoleErrors: [] });
  });
});
