// The history step of a build on its own (`npm run bench -- --commits N` runs it twice: cold,
// with an empty cache, then warm): loads the data, reads and projects its git history, and
// writes its figures as JSON to the file named by the second argument.
import { writeFileSync } from "node:fs";
import { loadDataset } from "../../src/site/dataset.ts";
import { readSiteHistory } from "../../src/site/history.ts";

const [dataDir, out] = process.argv.slice(2);
if (!dataDir || !out) throw new Error("usage: history-step.ts <data dir> <figures.json>");
let started = performance.now();
const dataset = loadDataset(dataDir);
const datasetSeconds = (performance.now() - started) / 1000;
started = performance.now();
const cpu = process.cpuUsage();
const history = readSiteHistory(dataset);
const used = process.cpuUsage(cpu);
if (!history.available) throw new Error(`history not available: ${history.message}`);
writeFileSync(
  out,
  JSON.stringify({
    datasetSeconds,
    historySeconds: (performance.now() - started) / 1000,
    historyCpuSeconds: (used.user + used.system) / 1e6,
    rssBytes: process.memoryUsage().rss,
    commits: history.commits,
    read: history.read,
    changes: history.changes.length,
  }),
);
