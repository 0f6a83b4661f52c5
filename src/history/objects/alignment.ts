import type { DeltaInstruction } from "./pack.ts";

/**
 * Alignments: runs of bytes two versions hold unchanged, in the same order in both. A delta
 * says which bytes of its base each run of the new version copies, but a delta compressor
 * copies any matching bytes, also a repeated phrase from far away; the copies that keep
 * their order (the heaviest increasing subsequence) are what stayed in place. Alignments
 * compose along the path between two versions in git's delta tree.
 */
export interface Segment {
  /** Position in the earlier (or base) version. */
  a: number;
  /** Position in the later version. */
  b: number;
  len: number;
}

/**
 * The copies of a delta that keep their order in the base, as many bytes of them as
 * possible (a weighted longest increasing subsequence, O(n log n) with a Fenwick tree of
 * maxima over where each copy ends in the base).
 */
export function alignDelta(instructions: readonly DeltaInstruction[]): Segment[] {
  const copies: Segment[] = [];
  let b = 0;
  for (const instruction of instructions) {
    if (instruction.op === "copy") copies.push({ a: instruction.offset, b, len: instruction.size });
    b += instruction.size;
  }
  if (copies.length === 0) return [];
  // Ranks of the base positions where copies end, for "ends at or before this copy starts".
  const ends = [...new Set(copies.map((copy) => copy.a + copy.len))].sort((x, y) => x - y);
  const rankOfEnd = new Map(ends.map((end, i) => [end, i + 1]));
  const tree = new Float64Array(ends.length + 1);
  const from = new Int32Array(ends.length + 1).fill(-1);
  const best = new Float64Array(copies.length);
  const previous = new Int32Array(copies.length).fill(-1);
  const query = (a: number): { weight: number; index: number } => {
    // Rank of the last end ≤ a.
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ends[mid] ?? 0) <= a) lo = mid + 1;
      else hi = mid;
    }
    let weight = 0;
    let index = -1;
    for (let i = lo; i > 0; i -= i & -i) {
      if ((tree[i] ?? 0) > weight) {
        weight = tree[i] ?? 0;
        index = from[i] ?? -1;
      }
    }
    return { weight, index };
  };
  const update = (rank: number, weight: number, index: number) => {
    for (let i = rank; i <= ends.length; i += i & -i) {
      if ((tree[i] ?? 0) < weight) {
        tree[i] = weight;
        from[i] = index;
      }
    }
  };
  let top = -1;
  copies.forEach((copy, i) => {
    const { weight, index } = query(copy.a);
    best[i] = weight + copy.len;
    previous[i] = index;
    update(rankOfEnd.get(copy.a + copy.len) ?? 0, best[i] ?? 0, i);
    if (top < 0 || (best[i] ?? 0) > (best[top] ?? 0)) top = i;
  });
  const chain: Segment[] = [];
  for (let i = top; i >= 0; i = previous[i] ?? -1) {
    const copy = copies[i];
    if (copy) chain.push(copy);
  }
  return joinTouching(chain.reverse());
}

/** Segments that continue each other in both versions, joined. */
export function joinTouching(segments: readonly Segment[]): Segment[] {
  const joined: Segment[] = [];
  for (const segment of segments) {
    const last = joined[joined.length - 1];
    if (last && last.a + last.len === segment.a && last.b + last.len === segment.b) {
      last.len += segment.len;
    } else {
      joined.push({ ...segment });
    }
  }
  return joined;
}

/** The same alignment seen from the other version. */
export function invert(segments: readonly Segment[]): Segment[] {
  return segments.map(({ a, b, len }) => ({ a: b, b: a, len }));
}

/** X→Y composed with Y→Z: the bytes of X that reach Z unchanged. */
export function compose(xy: readonly Segment[], yz: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  let j = 0;
  while (i < xy.length && j < yz.length) {
    const first = xy[i];
    const second = yz[j];
    if (!first || !second) break;
    const lo = Math.max(first.b, second.a);
    const hi = Math.min(first.b + first.len, second.a + second.len);
    if (hi > lo) {
      out.push({ a: first.a + lo - first.b, b: second.b + lo - second.a, len: hi - lo });
    }
    if (first.b + first.len <= second.a + second.len) i++;
    else j++;
  }
  return joinTouching(out);
}
