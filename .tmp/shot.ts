import { chromium } from "playwright-core";
import { serveStatic } from "../tests/e2e/static-server.ts";
const { server, origin } = await serveStatic("dist");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: Number(process.argv[3] ?? 1280), height: 900 } });
await page.goto(origin + process.argv[2]);
const y = Number(process.argv[4] ?? 0); await page.screenshot({ path: `.tmp/shot.png`, fullPage: true, clip: { x: 0, y, width: Number(process.argv[3] ?? 1280), height: 1400 } });
await browser.close(); server.close();
