// `npm run bench -- --items N`: builds the site from N synthetic items and prints, per phase,
// wall time, CPU time, peak memory and output size, then page weights per page type.
// Figures go to .bench/<N>/results.json; BENCHMARKS.md records them with the machine.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatBytes, outputSizes, readPhaseLog, timeCommand } from "./bench/measure.ts";
import { measurePageWeights } from "./bench/page-weight.ts";
import { synthesize } from "./bench/synthesize.ts";

const { values } = parseArgs({
  options: {
    items: { type: "string", default: "1000" },
    "no-browser": { type: "boolean", default: false },
  },
});
const items = Number(values.items);
if (!Number.isInteger(items) || items < 1)
  throw new Error(`--items must be a positive integer, got ${values.items}`);

const root = resolve(".bench", String(items));
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
const dataDir = join(root, "data");
const contentDir = join(root, "content");
const dist = join(root, "dist");
const phaseLog = join(root, "phases.jsonl");

console.log(`# Gongshi benchmark: ${items} items`);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${formatBytes(totalmem())}, Node ${process.version}`,
);

const synthesis = synthesize(items, dataDir, contentDir);
const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: "1",
  GONGSHI_DATA_DIR: dataDir,
  GONGSHI_CONTENT_DIR: contentDir,
  GONGSHI_OUT_DIR: dist,
  GONGSHI_BENCH_LOG: phaseLog,
};

const validate = await timeCommand(process.execPath, ["scripts/validate.ts"], env);
const build = await timeCommand(
  process.execPath,
  ["node_modules/astro/bin/astro.mjs", "build"],
  env,
);
const phases = readPhaseLog(phaseLog);

const classify = (path: string): string => {
  if (path.startsWith("/pagefind/")) return "search index";
  if (/\.(csv|json)$/.test(path) && !path.startsWith("/_astro/")) return "downloads (csv/json)";
  if (path.endsWith(".xml")) return "feeds and sitemap";
  if (path.startsWith("/_astro/")) return "assets (css/js)";
  const match = /^\/([a-z-]+)\/([^/]+)\/index\.html$/.exec(path);
  if (match && !["county", "status", "stats", "page"].includes(match[2] ?? ""))
    return `${match[1]} item pages`;
  if (path.endsWith(".html")) return "other pages";
  return "other";
};
const sizes = outputSizes(dist, classify);

console.log("\n## Phases");
console.log("| phase | wall | CPU | peak RSS |");
console.log("| --- | ---: | ---: | ---: |");
console.log(
  `| validate (own process) | ${validate.wallSeconds.toFixed(1)} s | ${validate.cpuSeconds.toFixed(1)} s | ${formatBytes(validate.peakRssBytes)} |`,
);
for (const phase of phases) {
  console.log(
    `| ${phase.phase} (in build) | ${phase.wallSeconds.toFixed(1)} s | ${phase.cpuSeconds.toFixed(1)} s (main process) | ${formatBytes(phase.rssAtEndBytes)} at end |`,
  );
}
console.log(
  `| **build total** | ${build.wallSeconds.toFixed(1)} s | ${build.cpuSeconds.toFixed(1)} s | ${formatBytes(build.peakRssBytes)} |`,
);
console.log(
  `| **validate + build** | ${(validate.wallSeconds + build.wallSeconds).toFixed(1)} s | | |`,
);

console.log("\n## Output");
console.log("| kind | files | bytes | gzip |");
console.log("| --- | ---: | ---: | ---: |");
for (const row of sizes) {
  console.log(
    `| ${row.kind} | ${row.files} | ${formatBytes(row.bytes)} | ${formatBytes(row.gzipBytes)} |`,
  );
}
const pages = sizes
  .filter((row) => row.kind.endsWith("pages"))
  .reduce((sum, row) => sum + row.files, 0);
console.log(
  `\npages: ${pages}; pages per second (build wall): ${(pages / build.wallSeconds).toFixed(0)}`,
);
for (const file of synthesis.files)
  console.log(`input ${file.file}: ${file.rows} rows, ${formatBytes(file.bytes)}`);

if (!values["no-browser"] && existsSync("/usr/bin/chromium")) {
  const samples = [{ label: "home", path: "/" }];
  const weights = await measurePageWeights(dist, samples);
  console.log("\n## First-visit page weight (gzip)");
  console.log("| page | html | css | js | other | total |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const weight of weights) {
    const t = weight.byType;
    const other = (t["font"] ?? 0) + (t["image"] ?? 0) + (t["other"] ?? 0);
    console.log(
      `| ${weight.label} \`${weight.path}\` | ${formatBytes(t["html"] ?? 0)} | ${formatBytes(t["css"] ?? 0)} | ${formatBytes(t["js"] ?? 0)} | ${formatBytes(other)} | ${formatBytes(weight.totalGzipBytes)} |`,
    );
  }
}
