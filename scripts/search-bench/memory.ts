import { readdirSync, readFileSync } from "node:fs";

/**
 * Peak resident memory of this process's child processes whose name matches, sampled from
 * Linux's /proc (VmHWM, the high-water mark) every quarter second. Pagefind indexes in a
 * child process, which `process.memoryUsage()` does not see. Elsewhere it reports 0.
 */
export function peakChildMemory(name: RegExp): { stop(): number } {
  let peak = 0;
  const sample = () => {
    let pids: string[];
    try {
      pids = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
    } catch {
      return; // not Linux: nothing to sample
    }
    for (const pid of pids) {
      let status: string;
      try {
        status = readFileSync(`/proc/${pid}/status`, "utf8");
      } catch {
        continue; // the process ended between listing and reading
      }
      const processName = /^Name:\s*(.*)$/m.exec(status)?.[1] ?? "";
      const parent = Number(/^PPid:\s*(\d+)$/m.exec(status)?.[1]);
      if (parent !== process.pid || !name.test(processName)) continue;
      peak = Math.max(peak, Number(/^VmHWM:\s*(\d+) kB$/m.exec(status)?.[1] ?? 0) * 1024);
    }
  };
  const timer = setInterval(sample, 250);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
