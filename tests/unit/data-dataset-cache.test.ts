import { cpSync, mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const dirs: string[] = [];
function copyOfDemoData(): string {
  const dir = mkdtempSync(join(tmpdir(), "gongshi-cache-"));
  cpSync("data", dir, { recursive: true });
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.resetModules();
});

describe("getDataset", () => {
  it("gives a second copy of the module the data the first one loaded", async () => {
    const dir = copyOfDemoData();
    const first = await import("../../src/site/dataset.ts");
    const dataset = first.getDataset(dir);
    vi.resetModules();
    const second = await import("../../src/site/dataset.ts");
    expect(second).not.toBe(first);
    expect(second.getDataset(dir)).toBe(dataset);
  });

  it("loads again in a new copy of the module when a data file has changed", async () => {
    const dir = copyOfDemoData();
    const first = await import("../../src/site/dataset.ts");
    const dataset = first.getDataset(dir);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, "regions.csv"), later, later);
    vi.resetModules();
    const second = await import("../../src/site/dataset.ts");
    const reloaded = second.getDataset(dir);
    expect(reloaded).not.toBe(dataset);
    expect(reloaded.counties).toEqual(dataset.counties);
  });
});
