// `npm run bench:search`: runs the labelled queries of tests/fixtures/search-queries.json on
// the built site (dist/, `npm run build` first) in Chromium and prints recall@10,
// precision@10 and wrong results per query type, the bytes a cold first query transfers
// and the median latency of a search.
//
// `npm run bench:search -- --check-labels`: compares every query's expected pages with a
// plain substring search over the built pages' text, to review the labels when the demo
// data changes (a difference is a question for a person, not a verdict).
//
// `npm run bench:search -- --scale 100000`: indexes that many synthetic item pages instead
// and prints indexing time, Pagefind's peak memory, the index size and a cold query's bytes.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadDataset } from "../src/site/dataset.ts";
import { writeSearchIndex } from "../src/search/indexer.ts";
import { serveStatic } from "../tests/e2e/static-server.ts";
import { formatBytes } from "./bench/measure.ts";
import { coldSearch, launch, search, warmPage, type Transfer } from "./search-bench/browser.ts";
import { searchablePages, substringMatches } from "./search-bench/labels.ts";
import { peakChildMemory } from "./search-bench/memory.ts";
import {
  mean,
  median,
  QUERY_TYPES,
  readQuerySet,
  scoreQuery,
  type LabelledQuery,
} from "./search-bench/scoring.ts";
import { writeSyntheticSite } from "./search-bench/synthetic-site.ts";

const { values } = parseArgs({
  options: {
    dist: { type: "string", default: process.env["GONGSHI_OUT_DIR"] ?? "dist" },
    queries: { type: "string", default: "tests/fixtures/search-queries.json" },
    "check-labels": { type: "boolean", default: false },
    scale: { type: "string" },
  },
});
const dist = resolve(values.dist);

const percent = (value: number | undefined) =>
  value === undefined ? "–" : `${(value * 100).toFixed(1)}%`;

function printTransfer(transfer: Transfer) {
  const pagefind = transfer.requests
    .filter((request) => request.path.startsWith("/pagefind/"))
    .reduce((sum, request) => sum + request.gzipBytes, 0);
  console.log(
    `cold first query: ${formatBytes(transfer.gzipBytes)} gzip (${formatBytes(transfer.bytes)} as served), ` +
      `of which Pagefind files ${formatBytes(pagefind)}, ${transfer.requests.length} requests`,
  );
  for (const request of transfer.requests) {
    console.log(`  ${formatBytes(request.gzipBytes).padStart(9)}  ${request.path}`);
  }
}

async function checkLabels(queries: LabelledQuery[]) {
  const pages = await searchablePages(dist);
  let differences = 0;
  for (const { query, filters = {}, expected, type } of queries) {
    const found = substringMatches(pages, query, filters, type);
    const missing = found.filter((url) => !expected.includes(url));
    const extra = expected.filter((url) => !found.includes(url));
    if (missing.length === 0 && extra.length === 0) continue;
    differences += 1;
    console.log(`${query} ${JSON.stringify(filters)}`);
    if (missing.length > 0) console.log(`  text has it, label lacks: ${missing.join(" ")}`);
    if (extra.length > 0) console.log(`  label has it, text lacks: ${extra.join(" ")}`);
  }
  console.log(`${queries.length} queries, ${differences} differ from a substring search`);
}

async function runQueries(queries: LabelledQuery[]) {
  const { server, origin } = await serveStatic(dist);
  const browser = await launch();
  try {
    const first = queries[0];
    if (!first) throw new Error("the query set is empty");
    const cold = await coldSearch(browser, origin, first.query);
    const page = await warmPage(browser, origin, first.query);
    const rows = [];
    for (const labelled of queries) {
      const shown = await search(page, labelled.query, labelled.filters);
      rows.push({ labelled, shown, score: scoreQuery(labelled.expected, shown.exact) });
    }

    console.log(`# Search benchmark: ${queries.length} labelled queries on ${values.dist}\n`);
    console.log(
      "| type | queries | recall@10 | precision@10 | wrong results | approximate only | not first |",
    );
    console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const type of [...QUERY_TYPES, undefined]) {
      const group = rows.filter((row) => type === undefined || row.labelled.type === type);
      if (group.length === 0) continue;
      const wrong = group.reduce((sum, row) => sum + row.score.wrong, 0);
      const approximate = group.filter((row) => row.shown.approximate > 0).length;
      const notFirst = group.filter(
        (row) => row.labelled.first !== undefined && row.shown.exact[0] !== row.labelled.first,
      ).length;
      console.log(
        `| ${type ?? "**all**"} | ${group.length} | ${percent(mean(group.map((row) => row.score.recall)))} | ` +
          `${percent(mean(group.map((row) => row.score.precision)))} | ${wrong} | ${approximate} | ${notFirst} |`,
      );
    }
    const latency = median(rows.map((row) => row.shown.milliseconds));
    console.log(`\nmedian latency (warm page, submit to results shown): ${latency.toFixed(0)} ms`);
    console.log(
      `cold first query "${first.query}": results shown after ${cold.results.milliseconds.toFixed(0)} ms`,
    );
    printTransfer(cold.transfer);

    const misses = rows.filter(
      (row) =>
        row.score.wrong > 0 ||
        (row.score.recall ?? 1) < 1 ||
        (row.labelled.first !== undefined && row.shown.exact[0] !== row.labelled.first),
    );
    if (misses.length > 0) console.log("\n## Queries below target");
    for (const { labelled, shown, score } of misses) {
      const missing = labelled.expected.filter((url) => !shown.exact.includes(url));
      const wrong = shown.exact.filter((url) => !labelled.expected.includes(url));
      console.log(
        `- ${labelled.type} "${labelled.query}" ${JSON.stringify(labelled.filters ?? {})}: ` +
          `recall ${percent(score.recall)}; missing ${missing.slice(0, 5).join(" ") || "none"}; ` +
          `wrong ${wrong.join(" ") || "none"}`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
}

async function scale(count: number) {
  if (!Number.isInteger(count) || count < 1) throw new Error(`--scale needs a page count`);
  const site = await mkdtemp(join(tmpdir(), "gongshi-search-scale-"));
  try {
    const counties = loadDataset().counties.map((county) => county.name);
    await writeSyntheticSite(site, count, counties);
    const memory = peakChildMemory(/^pagefind/);
    const report = await writeSearchIndex(site);
    const pagefindPeak = memory.stop();
    console.log(`# Search index at scale: ${count} synthetic item pages\n`);
    console.log(
      `indexed ${report.pagesIndexed} pages (${formatBytes(report.contentCharacters)} characters of content) ` +
        `in ${report.seconds.toFixed(1)} s, ${report.shards} shard(s)`,
    );
    console.log(
      `peak memory: Pagefind ${formatBytes(pagefindPeak)}, this process ${formatBytes(process.memoryUsage().rss)} at end`,
    );
    console.log(`index: ${report.bundleFiles} files, ${formatBytes(report.bundleBytes)}`);
    // The real search page and its assets, over the synthetic index.
    for (const part of ["search", "_astro", "_headers"]) {
      await cp(join(dist, part), join(site, part), { recursive: true });
    }
    const { server, origin } = await serveStatic(site);
    const browser = await launch();
    try {
      const cold = await coldSearch(browser, origin, "黑臭水体");
      console.log(
        `"黑臭水体": ${cold.results.exact.length} results shown after ${cold.results.milliseconds.toFixed(0)} ms`,
      );
      printTransfer(cold.transfer);
      const page = await warmPage(browser, origin, "污水");
      const latencies = [];
      for (const query of ["扬尘污染", "夜间施工噪声扰民", "污水处理厂 超标排放", "验收", "罚款"]) {
        latencies.push((await search(page, query)).milliseconds);
      }
      console.log(`median latency (warm page): ${median(latencies).toFixed(0)} ms`);
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    await rm(site, { recursive: true, force: true });
  }
}

if (values.scale !== undefined) {
  await scale(Number(values.scale));
} else if (values["check-labels"]) {
  await checkLabels(readQuerySet(values.queries));
} else {
  await runQueries(readQuerySet(values.queries));
}
