import { appendFileSync } from "node:fs";
import type { AstroIntegration } from "astro";

/**
 * Records when each build phase starts and ends, with CPU time and memory, to the JSON-lines
 * file named by `GONGSHI_BENCH_LOG`; does nothing without it. `npm run bench` reads the file
 * to split a build into phases. Other integrations mark their own phases with `markPhase`.
 */
export function markPhase(phase: string, edge: "start" | "end"): void {
  const log = process.env["GONGSHI_BENCH_LOG"];
  if (!log) return;
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  appendFileSync(
    log,
    `${JSON.stringify({
      phase,
      edge,
      at: performance.timeOrigin + performance.now(),
      cpuMs: (cpu.user + cpu.system) / 1000,
      rssBytes: memory.rss,
    })}\n`,
  );
}

/** Put first in the integrations list: marks Astro's own phases around the others. */
export function buildPhases(): AstroIntegration {
  return {
    name: "gongshi:build-phases",
    hooks: {
      "astro:build:start": () => markPhase("pages", "start"),
      "astro:build:generated": () => markPhase("pages", "end"),
    },
  };
}
