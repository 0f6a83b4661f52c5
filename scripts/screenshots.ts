// `npm run screenshots [-- PATH …]`: the item pages as the resident sees them on a 390 × 844
// phone, in normal and elderly mode, from the built site (`npm run build` first), saved in
// `.screenshots/` with where the heading, the status sentence and the deadline fall. For
// reviewing a layout change by eye; the browser tests assert the same positions.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serveStatic } from "../tests/e2e/static-server.ts";

const PHONE = { width: 390, height: 844 };
const paths = process.argv.slice(2);
if (paths.length === 0) paths.push("/exposures/HB-2022-0005/");
for (const path of paths) {
  if (!/^\/[\w\-/]*$/.test(path)) throw new Error(`not a site path: ${path}`);
}

const out = ".screenshots";
mkdirSync(out, { recursive: true });
const { server, origin } = await serveStatic("dist");
const browser = await chromium.launch({
  executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
});
try {
  for (const path of paths) {
    for (const elderly of [false, true]) {
      const page = await browser.newPage({ viewport: PHONE });
      await page.goto(origin + path);
      if (elderly) await page.getByLabel("长辈模式（大字）").check();
      const bottom = async (selector: string) => {
        const box = await page.locator(selector).first().boundingBox();
        return box ? `${Math.round(box.y)}–${Math.round(box.y + box.height)} px` : "absent";
      };
      const file = join(
        out,
        `${path.replace(/^\/|\/$/g, "").replaceAll("/", "_")}-390-${elderly ? "elderly" : "normal"}.png`,
      );
      await page.screenshot({ path: file });
      console.log(
        `${file}: heading ${await bottom("main h1")}, status ${await bottom(".standing")}, deadline ${await bottom(".deadline")} (screen ${PHONE.height} px)`,
      );
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
