import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { buildHistoryRepo } from "./history-repo.ts";
import type { HistoryRepoReport } from "./history-repo.ts";
import { formatBytes, timeCommand } from "./measure.ts";

/**
 * The history step (src/history/) in the benchmark: the synthetic data as a git repository of
 * `commits` data commits (`history-repo.ts`), then the step alone, cold (empty cache: every
 * commit read from the packs) and warm (every commit from the cache, as on a build after a
 * commit or two). Targets (issue 14): at 100,000 items and 2,000 commits, at most 60 s cold
 * and a few seconds warm.
 */
export interface HistoryFigures {
  repo: HistoryRepoReport;
  cold: StepFigures;
  warm: StepFigures;
}

interface StepFigures {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  datasetSeconds: number;
  historySeconds: number;
  historyCpuSeconds: number;
  commits: number;
  read: number;
  changes: number;
}

async function step(root: string, dataDir: string, name: string): Promise<StepFigures> {
  const out = join(root, `history-${name}.json`);
  const timed = await timeCommand(
    process.execPath,
    ["scripts/bench/history-step.ts", dataDir, out],
    { ...process.env, GONGSHI_HISTORY_CACHE: join(root, "history-cache") },
    join(root, `history-${name}.log`),
  );
  const inside = JSON.parse(readFileSync(out, "utf8")) as Omit<
    StepFigures,
    "wallSeconds" | "cpuSeconds" | "peakRssBytes"
  >;
  return {
    wallSeconds: timed.wallSeconds,
    cpuSeconds: timed.cpuSeconds,
    peakRssBytes: timed.peakRssBytes,
    ...inside,
  };
}

export async function benchHistory(
  root: string,
  repoDir: string,
  commits: number,
  ids: "content" | "version",
): Promise<HistoryFigures> {
  console.log(`\nwriting ${commits} data commits into ${repoDir} …`);
  const repo = buildHistoryRepo(repoDir, { commits, ids });
  rmSync(join(root, "history-cache"), { recursive: true, force: true });
  console.log("history step, cold …");
  const cold = await step(root, join(repoDir, "data"), "cold");
  console.log("history step, warm …");
  const warm = await step(root, join(repoDir, "data"), "warm");
  return { repo, cold, warm };
}

/** The report's section. */
export function historyReport(figures: HistoryFigures): string[] {
  const { repo, cold, warm } = figures;
  const s = (value: number) => `${value.toFixed(1)} s`;
  return [
    "## History step",
    "",
    `Repository: ${repo.commits.toLocaleString("en")} commits, ${repo.versions.toLocaleString("en")} versions of the register files, pack ${formatBytes(repo.packBytes)} (written in ${s(repo.seconds)}; a whole version every 50, deltas between; blob ids ${repo.ids === "content" ? "the SHA-1 of their content, as git makes them" : "made up per version (--history-ids version: git fsck would reject the repository; nothing measured reads blob ids' hashes)"}).`,
    "",
    "| run | history step: wall | CPU | commits read | changes | whole process: wall | CPU | peak RSS | of which loading the data |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...[
      ["cold (empty cache)", cold],
      ["warm (every commit cached)", warm],
    ].map(([label, run]) => {
      const f = run as StepFigures;
      return `| ${label as string} | ${s(f.historySeconds)} | ${s(f.historyCpuSeconds)} | ${f.read.toLocaleString("en")} of ${f.commits.toLocaleString("en")} | ${f.changes.toLocaleString("en")} | ${s(f.wallSeconds)} | ${s(f.cpuSeconds)} | ${formatBytes(f.peakRssBytes)} | ${s(f.datasetSeconds)} |`;
    }),
  ];
}
