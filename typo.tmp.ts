// Scratch: typography problems of every page type.
import { chromium } from "./node_modules/playwright-core/index.mjs";
import { serveStatic } from "./tests/e2e/static-server.ts";
import { PAGE_TYPES, dataCellTexts, siteText, typographyProblems } from "./tests/e2e/page-types.ts";
const { server, origin } = await serveStatic("./dist");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
const cells = dataCellTexts("./data");
const only = process.argv[2];
let total = 0;
for (const type of PAGE_TYPES) {
  if (only && !type.path.includes(only)) continue;
  await page.goto(origin + type.path);
  const problems = typographyProblems(await siteText(page), cells);
  total += problems.length;
  console.log(`== ${type.name} ${type.path}: ${problems.length}`);
  for (const p of [...new Set(problems)].slice(0, Number(process.env.N ?? 12))) console.log("   ", p);
}
console.log("total", total);
await browser.close(); server.close();
