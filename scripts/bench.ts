// `npm run bench -- --items N`: builds the site from N synthetic items and prints, per phase,
// wall time, CPU time, peak memory and output size, then output bytes per page type and the
// first-visit weight of each page type. The data, built site, build log and figures stay in
// .bench/<N>/ (report.md, results.json) for profiling.
// `--no-browser` skips the page weights. The peer (Hugo + stock Pagefind over the same records,
// scripts/bench/peer.ts) is built in the same run when `hugo` is installed
// (`bash scripts/ensure-hugo.sh`); `--no-peer` skips it. `--commits 2000` puts the data in a git repository
// with that many data commits and measures the history step (修改记录) cold and warm;
// `--history-only` stops after that; `--history-ids version` skips hashing every version
// (see scripts/bench/history-repo.ts).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  formatBytes,
  outputSizes,
  readPhaseLog,
  readRouteTimes,
  timeCommand,
  treeFigures,
  type PhaseFigures,
} from "./bench/measure.ts";
import type { SizeRow, TreeFigures } from "./bench/measure.ts";
import { measurePageWeights } from "./bench/page-weight.ts";
import type { PageSample } from "./bench/page-weight.ts";
import type { SearchFigures } from "./bench/search-weight.ts";
import { buildPeer, hugoAvailable, writePeerSite } from "./bench/peer.ts";
import type { PeerFigures } from "./bench/peer.ts";
import { synthesize } from "./bench/synthesize.ts";
import { benchHistory, historyReport } from "./bench/history.ts";
import { knownSections } from "../src/site/sections.ts";
import { registers } from "../src/registers/index.ts";

const { values } = parseArgs({
  options: {
    items: { type: "string", default: "1000" },
    "no-browser": { type: "boolean", default: false },
    "no-peer": { type: "boolean", default: false },
    // Stock Pagefind's memory grows steeply with pages (DESIGN.md: about 16 GB for 50,000
    // long Chinese pages): at 100,000 items on a shared machine, build only the peer's pages.
    "peer-pages-only": { type: "boolean", default: false },
    commits: { type: "string", default: "0" },
    "history-only": { type: "boolean", default: false },
    "history-ids": { type: "string", default: "content" },
  },
});
const commits = Number(values.commits);
if (!Number.isInteger(commits) || commits < 0)
  throw new Error(`--commits must be a whole number, got ${values.commits}`);
const items = Number(values.items);
if (!Number.isInteger(items) || items < 1)
  throw new Error(`--items must be a positive integer, got ${values.items}`);

const root = resolve(".bench", String(items));
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
// With --commits the data lives in a git repository with that many data commits, and the
// build shows its history (修改记录).
const repoDir = join(root, "repo");
const dataDir = join(commits > 0 ? repoDir : root, "data");
const contentDir = join(commits > 0 ? repoDir : root, "content");
const dist = join(root, "dist");
const phaseLog = join(root, "phases.jsonl");
const buildLog = join(root, "build.log");

const out: string[] = [];
const print = (line = "") => {
  out.push(line);
  console.log(line);
};
const seconds = (value: number) => `${value.toFixed(1)} s`;
const cpu = cpus();

print(`# Gongshi benchmark: ${items.toLocaleString("en")} items`);
print();
print(
  `machine: ${cpu.length} × ${cpu[0]?.model ?? "cpu"}, ${formatBytes(totalmem())} RAM, Node ${process.version}`,
);

// The machine may be shared: the load says how far the figures are from an idle machine's.
const loadBefore = loadavg()[0] ?? 0;
const synthesisStart = performance.now();
const synthesis = synthesize(items, dataDir, contentDir);
print(
  `input (generated in ${seconds((performance.now() - synthesisStart) / 1000)}): ` +
    Object.entries(synthesis.items)
      .map(([register, count]) => `${register} ${count}`)
      .join(", "),
);
print();
print("| input file | rows | bytes |");
print("| --- | ---: | ---: |");
for (const file of synthesis.files)
  print(`| ${file.file} | ${file.rows.toLocaleString("en")} | ${formatBytes(file.bytes)} |`);

if (commits > 0) {
  const ids = values["history-ids"] === "version" ? "version" : "content";
  const history = await benchHistory(root, repoDir, commits, ids);
  print();
  for (const line of historyReport(history)) print(line);
  if (values["history-only"]) {
    writeFileSync(join(root, "results.json"), `${JSON.stringify({ items, history }, null, 2)}\n`);
    writeFileSync(join(root, "report.md"), `${out.join("\n")}\n`);
    console.log(`\nreport: ${join(root, "report.md")}`);
    process.exit(0);
  }
}

const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: "1",
  GONGSHI_DATA_DIR: dataDir,
  GONGSHI_CONTENT_DIR: contentDir,
  GONGSHI_OUT_DIR: dist,
  GONGSHI_BENCH_LOG: phaseLog,
};

console.log(`\nbuilding as \`npm run build\` does: validate, then build (log: ${buildLog}) …`);
// Cold, as a first build: the privacy guard's record of files it found clean would let a
// second run skip them (src/privacy/clean-cache.ts).
rmSync(join("node_modules", ".cache", "gongshi", "privacy"), { recursive: true, force: true });
// One process, as an editor's `npm run build`: the data checked by the validation is the
// data the build uses (src/site/dataset.ts), so it is read and checked once.
const build = await timeCommand(process.execPath, ["scripts/build.ts"], env, buildLog);
const loadAfter = loadavg()[0] ?? 0;
let peer: PeerFigures | undefined;
if (!values["no-peer"]) {
  if (hugoAvailable()) {
    console.log("building the peer: Hugo, then stock Pagefind, over the same records …");
    writePeerSite(dataDir, join(root, "peer"));
    peer = await buildPeer(join(root, "peer"), join(root, "peer.log"), {
      index: !values["peer-pages-only"],
    });
  } else {
    console.log("no hugo: the peer is skipped (bash scripts/ensure-hugo.sh installs it)");
  }
}
const loadAfterPeer = loadavg()[0] ?? 0;
const phases = readPhaseLog(phaseLog);
const routeTimes = readRouteTimes(buildLog);

/** Sections whose pages are lists of items (a register or the indicator board). */
const LISTED_SECTIONS = new Set(knownSections.map((section) => section.key));

/** Kind of a built file, from its path: the rows of the output and route-time tables. */
const classify = (path: string): string => {
  if (path.startsWith("/pagefind/")) return "search index";
  if (path.startsWith("/_astro/")) return "assets (css/js)";
  if (path.endsWith(".xml")) return "feeds and sitemap";
  if (/\.(csv|json|jsonld|zip)$/.test(path)) {
    const item = /^\/([a-z-]+)\/[^/]+\.json$/.exec(path);
    if (item?.[1] && LISTED_SECTIONS.has(item[1]) && !path.endsWith("filter-index.json"))
      return `${item[1]} item JSON`;
    return "downloads (csv/json)";
  }
  if (!path.endsWith(".html")) return "other";
  const segments = path.split("/").slice(1, -1);
  const [section, second] = segments;
  if (path === "/index.html") return "home";
  if (section === "embed") return "embed pages";
  if (section === undefined || !LISTED_SECTIONS.has(section)) return "other pages";
  if (segments.length === 1 || second === "page") return `${section} list pages`;
  if (second === "stats") return `${section} stats pages`;
  if (second === "episodes") return "other pages";
  if (segments.length === 2) return `${section} item pages`;
  return `${section} facet list pages`;
};

/** Routes of the same kind as the output table's rows. */
const isDownload = (path: string) => /\.(csv|json|jsonld|xml|zip)$/.test(path);
const renderBy = new Map<string, { routes: number; ms: number }>();
let renderMs = 0;
let downloadMs = 0;
for (const [logged, ms] of routeTimes) {
  // Astro logs file routes with the trailing slash of `trailingSlash: "always"`.
  const path = logged.replace(/(\.[a-z]+)\/$/, "$1");
  const kind = classify(path);
  const row = renderBy.get(kind) ?? { routes: 0, ms: 0 };
  row.routes++;
  row.ms += ms;
  renderBy.set(kind, row);
  renderMs += ms;
  if (isDownload(path)) downloadMs += ms;
}

const sizes = outputSizes(dist, classify);
const sizeOf = (test: (row: SizeRow) => boolean) =>
  sizes.filter(test).reduce((sum, row) => sum + row.bytes, 0);
const searchBytes = sizeOf((row) => row.kind === "search index");
const downloadBytes = sizeOf(
  (row) =>
    row.kind.startsWith("downloads") || row.kind.endsWith("JSON") || row.kind.startsWith("feeds"),
);
const pageBytes = sizeOf((row) => row.kind.endsWith("pages") || row.kind === "home");

print();
print("## Phases");
print();
print(
  `Load average (1 min) ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after the build, on ${cpu.length} cores.`,
);
print();
print(
  "CPU and peak RSS cover every process of the step (Node and the Pagefind service), sampled " +
    "from /proc every 250 ms; the build total's peak is the largest single process (GNU time).",
);
print();
print("| phase | wall | CPU | peak RSS | output |");
print("| --- | ---: | ---: | ---: | ---: |");
/** "node 20.1 s, pagefind 31.0 s": where a phase's CPU or memory went, by process. */
const perProcess = (tree: TreeFigures, figure: "cpuSeconds" | "peakRssBytes") => {
  const entries = Object.entries(tree.byName)
    .filter(([, value]) => value.cpuSeconds >= 0.5 || value.peakRssBytes >= 50 * 1024 ** 2)
    .sort(([a], [b]) => a.localeCompare(b));
  if (entries.length < 2) return "";
  return ` (${entries
    .map(
      ([name, value]) =>
        `${name} ${figure === "cpuSeconds" ? seconds(value.cpuSeconds) : formatBytes(value.peakRssBytes)}`,
    )
    .join(", ")})`;
};
const phaseRow = (label: string, from: number, to: number, output: string) => {
  const tree = treeFigures(build.samples, from, to);
  print(
    `| ${label} | ${seconds((to - from) / 1000)} | ${seconds(tree.cpuSeconds)}${perProcess(tree, "cpuSeconds")} | ${formatBytes(tree.peakRssBytes)}${perProcess(tree, "peakRssBytes")} | ${output} |`,
  );
};
const phase = (name: string) => phases.find((figure) => figure.phase === name);
const validated = phase("validate");
const setup = phase("setup");
const pages = phase("pages");
/** A row for a marked phase, from `from` (its own start by default) to its end. */
const markedRow = (figures: PhaseFigures | undefined, label: string, from?: number) => {
  if (figures) phaseRow(label, from ?? figures.startedAt, figures.endedAt, "");
};
markedRow(
  validated,
  "validate: data (every cell scanned for personal data) and content",
  build.startedAt,
);
const search = phase("search index");
markedRow(
  setup,
  "build: start, content sync (the validated data, not read again), types",
  validated?.endedAt ?? build.startedAt,
);
if (pages) {
  phaseRow("build: pages (bundle, then render every route)", pages.startedAt, pages.endedAt, "");
  // Astro logs each route's time rounded to the millisecond, and most routes take about
  // one, so the sums are approximate: shown with their share of all route time.
  const share = (ms: number) => `${((100 * ms) / (renderMs || 1)).toFixed(0)} % of route time`;
  const bundling = pages.wallSeconds - renderMs / 1000;
  print(
    `| ↳ bundling (client and server) | ${bundling > 0 ? seconds(bundling) : "(within rounding)"} | | | |`,
  );
  print(
    `| ↳ render HTML pages (sum of route times) | ${seconds((renderMs - downloadMs) / 1000)}, ${share(renderMs - downloadMs)} | | | ${formatBytes(pageBytes)} |`,
  );
  print(
    `| ↳ render downloads: CSV, JSON, feeds (sum of route times) | ${seconds(downloadMs / 1000)}, ${share(downloadMs)} | | | ${formatBytes(downloadBytes)} |`,
  );
}
markedRow(phase("item downloads"), "build: item JSON downloads (written after the pages)");
if (search) {
  phaseRow("build: search index", search.startedAt, search.endedAt, formatBytes(searchBytes));
}
// The privacy guard reports its own duration in the build log (it marks no phase).
const privacySeconds = /隐私检查通过:.*?([\d.]+) 秒/.exec(readFileSync(buildLog, "utf8"))?.[1];
const lastMark = Math.max(...phases.map((figure) => figure.endedAt));
if (Number.isFinite(lastMark)) {
  phaseRow(
    "build: after the last marked phase (privacy scan, sitemap, exit)",
    lastMark,
    build.endedAt,
    "",
  );
  if (privacySeconds !== undefined) {
    print(`| ↳ privacy scan of the whole output (its log line) | ${privacySeconds} s | | | |`);
  }
}
const buildTree = treeFigures(build.samples, build.startedAt, build.endedAt);
const totalBytes = sizes.reduce((sum, row) => sum + row.bytes, 0);
print(
  `| **complete build** (\`npm run build\`: validate + build) | ${seconds(build.wallSeconds)} | ${seconds(build.cpuSeconds)} | ${formatBytes(buildTree.peakRssBytes)} (largest process ${formatBytes(build.peakRssBytes)}) | ${formatBytes(totalBytes)} |`,
);

if (peer) {
  const gongshi = build.wallSeconds;
  const gongshiCpu = build.cpuSeconds;
  const steps = [
    ["Hugo: render pages", peer.hugo],
    ...(peer.pagefind ? [["Pagefind: index the pages", peer.pagefind] as const] : []),
  ] as const;
  const peerWall = steps.reduce((sum, [, figures]) => sum + figures.wallSeconds, 0);
  const peerCpu = steps.reduce((sum, [, figures]) => sum + figures.cpuSeconds, 0);
  const peerRss = Math.max(...steps.map(([, figures]) => figures.peakRssBytes));
  print();
  print("## Peer: Hugo + stock Pagefind over the same records, in the same run");
  print();
  print(
    `${peer.version}; ` +
      (peer.pagefind
        ? `Pagefind from node_modules, indexing ${peer.pages.toLocaleString("en")} pages. `
        : peer.pagefindFailure
          ? `**stock Pagefind did not finish**: ${peer.pagefindFailure}; the peer below is Hugo's pages alone. `
          : "pages only (`--peer-pages-only`): Pagefind not run. ") +
      `Load average (1 min) ${loadAfter.toFixed(1)} before and ${loadAfterPeer.toFixed(1)} after the peer.`,
  );
  print();
  print("| step | wall | CPU | peak RSS |");
  print("| --- | ---: | ---: | ---: |");
  for (const [label, figures] of steps) {
    print(
      `| ${label} | ${seconds(figures.wallSeconds)} | ${seconds(figures.cpuSeconds)} | ${formatBytes(figures.peakRssBytes)} |`,
    );
  }
  print(
    `| **peer total** | ${seconds(peerWall)} | ${seconds(peerCpu)} | ${formatBytes(peerRss)} |`,
  );
  const against = peer.pagefind ? "" : " against Hugo's pages alone";
  print(
    `| **Gongshi complete build** | ${seconds(gongshi)} (${(gongshi / peerWall).toFixed(2)}×${against}) | ${seconds(gongshiCpu)} (${(gongshiCpu / peerCpu).toFixed(2)}×${against}) | |`,
  );
}

const pageFiles = sizes
  .filter((row) => row.kind.endsWith("pages") || row.kind === "home")
  .reduce((sum, row) => sum + row.files, 0);
print();
print(
  `HTML pages: ${pageFiles.toLocaleString("en")}; pages per second: ${(pageFiles / build.wallSeconds).toFixed(0)} over the whole build, ` +
    `${(pageFiles / ((renderMs - downloadMs) / 1000 || 1)).toFixed(0)} while rendering pages.`,
);

print();
print("## Output by page type");
print();
print("| kind | files | bytes | gzip | bytes per file | render time | ms per route |");
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const row of sizes) {
  const render = renderBy.get(row.kind);
  print(
    `| ${row.kind} | ${row.files.toLocaleString("en")} | ${formatBytes(row.bytes)} | ${formatBytes(row.gzipBytes)} | ${formatBytes(Math.round(row.bytes / row.files))} | ${render ? seconds(render.ms / 1000) : ""} | ${render ? (render.ms / render.routes).toFixed(1) : ""} |`,
  );
}

/** The first built item of a register, by the order of its directory listing. */
/** A register's first item page: an item is the folder beside its own `<id>.json`. */
const firstItem = (section: string): string | undefined => {
  const dir = join(dist, section);
  if (!existsSync(dir)) return undefined;
  const id = readdirSync(dir)
    .filter((name) => existsSync(join(dir, `${name}.json`)))
    .sort()[0];
  return id === undefined ? undefined : `/${section}/${id}/`;
};

const weights: Awaited<ReturnType<typeof measurePageWeights>> = [];
if (!values["no-browser"] && existsSync("/usr/bin/chromium")) {
  const candidates: (PageSample | undefined)[] = [
    { label: "home", path: "/" },
    ...registers.flatMap(({ key: section }) => {
      const item = firstItem(section);
      return [
        item ? { label: `${section} item`, path: item } : undefined,
        { label: `${section} list`, path: `/${section}/` },
        { label: `${section} stats`, path: `/${section}/stats/` },
      ];
    }),
    { label: "indicator board", path: "/indicators/" },
    {
      label: "indicator page, chart scrolled into view",
      path: "/indicators/covid-zero-cases/",
      scrollTo: { selector: "gs-chart", ready: "canvas" },
    },
  ];
  const samples = candidates.filter(
    (sample): sample is PageSample =>
      sample !== undefined && existsSync(join(dist, sample.path, "index.html")),
  );
  weights.push(...(await measurePageWeights(dist, samples)));
  print();
  print("## First-visit page weight (gzip, cold cache)");
  print();
  print("| page | html | css | js by load | js total | other | total | requests |");
  print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const weight of weights) {
    const t = weight.byType;
    const other = (t["font"] ?? 0) + (t["image"] ?? 0) + (t["other"] ?? 0);
    print(
      `| ${weight.label} \`${weight.path}\` | ${formatBytes(t["html"] ?? 0)} | ${formatBytes(t["css"] ?? 0)} | ${formatBytes(weight.scriptGzipBytes)} | ${formatBytes(t["js"] ?? 0)} | ${formatBytes(other)} | ${formatBytes(weight.totalGzipBytes)} | ${weight.requests} |`,
    );
  }
}

let searchFigures: SearchFigures | undefined;
if (!values["no-browser"] && existsSync(join(dist, "search", "index.html"))) {
  // Loaded only for a site with a search page (the driver is the search benchmark's).
  const { SEARCH_QUERIES, measureSearch } = await import("./bench/search-weight.ts");
  searchFigures = await measureSearch(dist);
  const cold = searchFigures.cold;
  print();
  print("## Search page (Chromium, cold cache)");
  print();
  print("| measure | value |");
  print("| --- | ---: |");
  print(
    `| cold first query \`${cold.query}\`: transferred (gzip) | ${formatBytes(cold.gzipBytes)} in ${cold.requests.length} requests (${formatBytes(cold.bytes)} as served) |`,
  );
  print(
    `| of which Pagefind files | ${formatBytes(cold.requests.filter((request) => request.path.startsWith("/pagefind/")).reduce((sum, request) => sum + request.gzipBytes, 0))} |`,
  );
  print(`| cold first query: page load to results shown | ${cold.milliseconds.toFixed(0)} ms |`);
  const traditional = searchFigures.traditional;
  if (traditional) {
    print(
      `| cold first query in Traditional \`${traditional.query}\` (loads the converter): transferred (gzip) | ${formatBytes(traditional.gzipBytes)} in ${traditional.requests.length} requests |`,
    );
  }
  print(
    `| cold visits (${SEARCH_QUERIES.slice(0, 5).join("、")}): median time to results, largest transfer | ${searchFigures.coldMedianMs.toFixed(0)} ms, ${formatBytes(searchFigures.coldMaxGzipBytes)} |`,
  );
  print(
    `| searches in an open page: median latency (${searchFigures.warmQueries} queries) | ${searchFigures.warmMedianMs.toFixed(0)} ms |`,
  );
  print();
  print("Cold first query, by request:");
  print();
  print("| request | gzip |");
  print("| --- | ---: |");
  for (const request of cold.requests)
    print(`| \`${request.path}\` | ${formatBytes(request.gzipBytes)} |`);
}

writeFileSync(
  join(root, "results.json"),
  `${JSON.stringify(
    {
      items,
      load: { before: loadBefore, after: loadAfter },
      synthesis,
      build: { ...build, samples: undefined },
      phases,
      renderBy: Object.fromEntries(renderBy),
      sizes,
      weights,
      search: searchFigures,
      peer: peer && {
        version: peer.version,
        pages: peer.pages,
        hugo: { ...peer.hugo, samples: undefined },
        pagefind: peer.pagefind && { ...peer.pagefind, samples: undefined },
        pagefindFailure: peer.pagefindFailure,
      },
    },
    null,
    2,
  )}\n`,
);
writeFileSync(join(root, "report.md"), `${out.join("\n")}\n`);
console.log(`\nreport: ${join(root, "report.md")}`);
