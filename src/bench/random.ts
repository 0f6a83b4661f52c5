import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Columns } from "../data/fields.ts";
import { columnEntries } from "../data/table.ts";
import type { TableSpec } from "../data/table.ts";
import { toCsv } from "../open-data/csv.ts";
import type { CsvCell } from "../open-data/csv.ts";

/** mulberry32: a tiny seeded PRNG, so every run generates the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from a seeded stream: integers, picks, chances. One per generator, one seed each. */
export class Draw {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    const value = list[Math.floor(this.next() * list.length)];
    if (value === undefined) throw new Error("pick from an empty list");
    return value;
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let at = this.next() * total;
    for (const [value, weight] of choices) {
      at -= weight;
      if (at < 0) return value;
    }
    const last = choices.at(-1);
    if (!last) throw new Error("weighted pick from an empty list");
    return last[0];
  }
}

/** A row as a generator writes it: only the table's own column names, each optional. */
export type CsvRow<C extends Columns> = { [K in keyof C]?: CsvCell };

export interface WrittenFile {
  file: string;
  rows: number;
  bytes: number;
}

/**
 * Writes rows under the table's own header (column names from the schema, so a renamed or
 * added column shows up here as a type error or an empty cell, never as a silent drift).
 */
export function writeTable<C extends Columns>(
  dir: string,
  spec: TableSpec<C>,
  rows: readonly CsvRow<C>[],
): WrittenFile {
  const names = columnEntries(spec.columns).map(([name]) => name);
  const text = toCsv(
    names,
    rows.map((row) => names.map((name) => (row as Record<string, CsvCell>)[name])),
  );
  writeFileSync(join(dir, spec.file), text);
  return { file: spec.file, rows: rows.length, bytes: Buffer.byteLength(text) };
}
