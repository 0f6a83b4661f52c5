import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, test } from "vitest";

/**
 * The architecture as a test: layers point down, and no file imports itself round a cycle
 * (type-only imports included, since they tie modules together just as much for a reader).
 * Layers, lowest first; a file may import its own layer or lower ones only.
 */
const LAYERS: readonly (readonly string[])[] = [
  // The generic data path and the one number formatter: know nothing of what uses them.
  ["src/data/", "src/format/"],
  // Mechanisms that read records: privacy guard, figures, open-data writers, indicators, search,
  // the change history read from git, the benchmark's synthetic-data helpers;
  // and the chart element's data contract (pure TypeScript the indicators fill in).
  [
    "src/privacy/",
    "src/figures/",
    "src/open-data/",
    "src/indicators/",
    "src/search/",
    "src/history/",
    "src/bench/",
    "src/components/chart/spec.ts",
  ],
  // The register kit and the registers, each a folder; the registry is src/registers/index.ts.
  ["src/registers/"],
  // The composition root: which sections exist and how the site's collections are made; and
  // what checks prose against it (figure names, table names).
  ["src/site/", "src/integrations/", "src/prose/"],
  // Presentation, then routes.
  ["src/components/", "src/layouts/"],
  ["src/pages/", "src/content.config.ts"],
];

export type ImportGraph = ReadonlyMap<string, readonly string[]>;

const PRESENTATION = LAYERS.findIndex((prefixes) => prefixes.includes("src/components/"));

/** A file's layer; an Astro component is presentation wherever it lives (e.g. src/search/). */
export function layerOf(file: string): number {
  const index = LAYERS.findIndex((prefixes) => prefixes.some((prefix) => file.startsWith(prefix)));
  const layer = index < 0 ? LAYERS.length : index;
  return file.endsWith(".astro") ? Math.max(layer, PRESENTATION) : layer;
}

/** Edges that point from a lower layer to a higher one, as `from → to`. */
export function upwardEdges(graph: ImportGraph): string[] {
  const edges: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      if (layerOf(to) > layerOf(from)) edges.push(`${from} → ${to}`);
    }
  }
  return edges;
}

/** Every import cycle, each as the files round it (`a → b → a`), found by depth-first search. */
export function importCycles(graph: ImportGraph): string[] {
  const cycles: string[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const seen = state.get(next);
      if (seen === "open") cycles.push([...stack.slice(stack.indexOf(next)), next].join(" → "));
      else if (seen === undefined) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

const SOURCE = /\.(ts|mjs|astro)$/;
// Static imports and re-exports (also `import type`), and dynamic `import("…")`.
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^;"']*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^import\s+["']([^"']+)["']/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => relative(".", join(entry.parentPath, entry.name)).split("\\").join("/"));
}

/** The project's own import graph over `src/` (packages and `astro:` modules left out). */
export function projectGraph(): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles("src")) {
    const text = readFileSync(file, "utf8");
    const targets = new Set<string>();
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (specifier === undefined || !specifier.startsWith(".")) continue;
      const target = normalize(join(dirname(file), specifier))
        .split("\\")
        .join("/");
      if (SOURCE.test(target)) targets.add(target);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

describe("the architecture", () => {
  const graph = projectGraph();

  test("finds the imports it checks (the scan itself works)", () => {
    expect(graph.get("src/registers/index.ts")).toContain("src/registers/exposures/index.ts");
    expect(graph.get("src/site/dataset.ts")).toContain("src/data/context.ts");
    expect([...graph.values()].flat().length).toBeGreaterThan(300);
  });

  test("layers point down: the data path imports nothing above it, and so on up", () => {
    expect(upwardEdges(graph)).toEqual([]);
  });

  test("no import cycle, type-only imports included", () => {
    expect(importCycles(graph)).toEqual([]);
  });

  test("self-check: a reintroduced upward edge or cycle is reported by name", () => {
    const broken = new Map(graph);
    broken.set("src/data/context.ts", [
      ...(graph.get("src/data/context.ts") ?? []),
      "src/registers/exposures/load.ts",
    ]);
    expect(upwardEdges(broken)).toContain("src/data/context.ts → src/registers/exposures/load.ts");
    broken.set("src/registers/exposures/stats.ts", [
      ...(graph.get("src/registers/exposures/stats.ts") ?? []),
      "src/registers/exposures/load.ts",
    ]);
    expect(importCycles(broken).join("\n")).toMatch(
      /src\/registers\/exposures\/load\.ts → .*src\/registers\/exposures\/stats\.ts → src\/registers\/exposures\/load\.ts/,
    );
  });
});
