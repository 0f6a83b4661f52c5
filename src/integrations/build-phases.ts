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

/**
 * Put first in the integrations list: marks Astro's own phases around the others.
 * - `setup`: configuration, content layer sync (which loads and checks the data) and type
 *   generation, up to the start of the production build;
 * - `pages`: bundling, then rendering every route (HTML pages and the CSV/JSON/XML download
 *   routes alike; the benchmark splits rendering by route from Astro's log);
 * integrations that run after the pages (search index, privacy scan) mark their own.
 */
export function buildPhases(): AstroIntegration {
  return {
    name: "gongshi:build-phases",
    hooks: {
      "astro:config:setup": () => markPhase("setup", "start"),
      "astro:build:start": () => {
        markPhase("setup", "end");
        markPhase("pages", "start");
      },
      "astro:build:generated": () => markPhase("pages", "end"),
    },
  };
}
