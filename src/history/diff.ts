import type { Segment } from "./objects/alignment.ts";
import type { Text } from "./objects/text.ts";
import { isBlankRecord, splitRecords } from "./records.ts";

/**
 * What changed between two versions of a CSV file, as whole records, found without reading
 * either version in full:
 * 1. the runs of bytes both versions hold unchanged come from git's delta tree (see
 *    `objects/alignment.ts`);
 * 2. a shared run counts only where the quote parity before it is the same in both, so a
 *    record boundary inside it is a boundary in both;
 * 3. what lies between shared runs is trimmed of common leading and trailing bytes,
 *    widened to whole records, and decoded;
 * 4. records that occur on both sides (a row moved, or carried over as new bytes) cancel.
 * Two versions stored whole share nothing, and step 3 then compares them byte by byte.
 */

const NEWLINE = 0x0a;

export interface Span {
  from: number;
  to: number;
}

/** Shared runs whose records are records in both: the quote parity before them agrees. */
function recordAligned(before: Text, after: Text, segments: readonly Segment[]): Segment[] {
  return segments.filter(
    (segment) =>
      segment.len > 0 && before.parityBefore(segment.a) === after.parityBefore(segment.b),
  );
}

/** Whether `at` is where a record starts (or the end of the text). */
function isRecordStart(text: Text, at: number): boolean {
  if (at <= 0 || at >= text.length) return true;
  return text.byteAt(at - 1) === NEWLINE && text.parityBefore(at - 1) === 0;
}

/** The start of the record holding byte `at`. */
function recordStart(text: Text, at: number): number {
  let before = at;
  for (;;) {
    const newline = text.lastIndexOf(NEWLINE, before);
    if (newline < 0) return 0;
    if (text.parityBefore(newline) === 0) return newline + 1;
    before = newline;
  }
}

/** The end of the record holding byte `at - 1` (just after its line break). */
function recordEnd(text: Text, at: number): number {
  if (isRecordStart(text, at)) return at;
  let from = at;
  for (;;) {
    const newline = text.indexOf(NEWLINE, from);
    if (newline < 0) return text.length;
    if (text.parityBefore(newline) === 0) return newline + 1;
    from = newline + 1;
  }
}

/** Widens a span to whole records; an empty span inside a record becomes that record. */
function widen(text: Text, span: Span): Span | undefined {
  if (span.from === span.to) {
    if (isRecordStart(text, span.from)) return undefined;
    return { from: recordStart(text, span.from), to: recordEnd(text, span.from) };
  }
  return { from: recordStart(text, span.from), to: recordEnd(text, span.to) };
}

const CHUNK = 4096;

/** Length of the common start of two buffers. */
function commonPrefix(x: Buffer, y: Buffer): number {
  const limit = Math.min(x.length, y.length);
  let at = 0;
  while (at + CHUNK <= limit && x.compare(y, at, at + CHUNK, at, at + CHUNK) === 0) at += CHUNK;
  while (at < limit && x[at] === y[at]) at++;
  return at;
}

/** Length of the common end of two buffers, not reaching into the first `floor` bytes. */
function commonSuffix(x: Buffer, y: Buffer, floor: number): number {
  const limit = Math.min(x.length, y.length) - floor;
  let n = 0;
  while (
    n + CHUNK <= limit &&
    x.compare(y, y.length - n - CHUNK, y.length - n, x.length - n - CHUNK, x.length - n) === 0
  ) {
    n += CHUNK;
  }
  while (n < limit && x[x.length - n - 1] === y[y.length - n - 1]) n++;
  return n;
}

const LINE_ALIGN_ABOVE = 64 * 1024;
const LOOKAHEAD = 200;

interface GapRegion {
  a: readonly [number, number];
  b: readonly [number, number];
}

/** Start offsets of the lines of `[from, to)` of a buffer, and `to` last. */
function lineStarts(buffer: Buffer, from: number, to: number): number[] {
  const starts = [from];
  for (
    let at = buffer.indexOf(NEWLINE, from);
    at >= 0 && at < to;
    at = buffer.indexOf(NEWLINE, at + 1)
  ) {
    if (at + 1 < to) starts.push(at + 1);
  }
  starts.push(to);
  return starts;
}

/**
 * The regions where two texts differ, by lines: equal lines are walked past two at a time
 * (native comparisons, no strings made); at a difference, the next few hundred lines of each
 * side are searched for where they agree again (lines inserted, removed or replaced). Lines,
 * not records: the regions are widened to whole records afterwards.
 */
function lineGaps(
  x: Buffer,
  y: Buffer,
  xFrom: number,
  xTo: number,
  yFrom: number,
  yTo: number,
): GapRegion[] {
  const xs = lineStarts(x, xFrom, xTo);
  const ys = lineStarts(y, yFrom, yTo);
  const xLines = xs.length - 1;
  const yLines = ys.length - 1;
  const same = (i: number, j: number) =>
    x.compare(y, ys[j] ?? 0, ys[j + 1] ?? 0, xs[i] ?? 0, xs[i + 1] ?? 0) === 0;
  const regions: GapRegion[] = [];
  let i = 0;
  let j = 0;
  while (i < xLines || j < yLines) {
    if (i < xLines && j < yLines && same(i, j)) {
      i++;
      j++;
      continue;
    }
    // Where do the two sides agree again? The nearest match by lines skipped on both sides.
    let next: [number, number] | undefined;
    search: for (let reach = 1; reach <= LOOKAHEAD; reach++) {
      for (let di = 0; di <= reach; di++) {
        const dj = reach - di;
        if (i + di < xLines && j + dj < yLines && same(i + di, j + dj)) {
          next = [i + di, j + dj];
          break search;
        }
      }
    }
    const [ni, nj] = next ?? [Math.min(i + LOOKAHEAD, xLines), Math.min(j + LOOKAHEAD, yLines)];
    regions.push({ a: [xs[i] ?? xTo, xs[ni] ?? xTo], b: [ys[j] ?? yTo, ys[nj] ?? yTo] });
    i = ni;
    j = nj;
  }
  return regions;
}

/** Sorted, overlapping or touching spans joined. */
function merge(spans: Span[]): Span[] {
  spans.sort((x, y) => x.from - y.from);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * Record-aligned spans of each version outside which both hold the same records, given the
 * runs both hold unchanged (from the delta tree; none when the versions share no tree).
 */
export function changedSpans(
  before: Text,
  after: Text,
  shared: readonly Segment[],
): { before: Span[]; after: Span[] } {
  const segments = recordAligned(before, after, shared);
  const beforeSpans: Span[] = [];
  const afterSpans: Span[] = [];
  let a = 0;
  let b = 0;
  const gap = (aTo: number, bTo: number) => {
    if (aTo <= a && bTo <= b) return;
    const x = before.slice(a, aTo);
    const y = after.slice(b, bTo);
    const head = commonPrefix(x, y);
    const tail = commonSuffix(x, y, head);
    // A large gap (two versions stored whole share no delta) is aligned line by line, so
    // edits far apart make small spans rather than one that covers the file.
    const lines =
      x.length - head - tail > LINE_ALIGN_ABOVE || y.length - head - tail > LINE_ALIGN_ABOVE
        ? lineGaps(x, y, head, x.length - tail, head, y.length - tail)
        : [{ a: [head, x.length - tail], b: [head, y.length - tail] } as const];
    // Lines equal on both sides hold the same records only where the quote parity before
    // them agrees (as for shared runs); where it does not, they join the regions around them.
    const regions: GapRegion[] = [];
    for (const region of lines) {
      const last = regions[regions.length - 1];
      if (last && before.parityBefore(a + last.a[1]) !== after.parityBefore(b + last.b[1])) {
        regions[regions.length - 1] = { a: [last.a[0], region.a[1]], b: [last.b[0], region.b[1]] };
      } else {
        regions.push(region);
      }
    }
    for (const region of regions) {
      const spanA = widen(before, { from: a + region.a[0], to: a + region.a[1] });
      const spanB = widen(after, { from: b + region.b[0], to: b + region.b[1] });
      if (spanA) beforeSpans.push(spanA);
      if (spanB) afterSpans.push(spanB);
    }
  };
  for (const segment of segments) {
    gap(segment.a, segment.b);
    a = segment.a + segment.len;
    b = segment.b + segment.len;
  }
  gap(before.length, after.length);
  return { before: merge(beforeSpans), after: merge(afterSpans) };
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Thrown when a version cannot be read as UTF-8 CSV; that version is then skipped. */
export class UnreadableVersionError extends Error {
  override name = "UnreadableVersionError";
}

/** A record found in a span; `header` marks the file's first non-blank record. */
interface FoundRecord {
  record: string;
  header: boolean;
}

/** The records in spans of a text (which start at record boundaries), blank ones left out. */
export function recordsIn(text: Text, spans: readonly Span[]): FoundRecord[] {
  const found: FoundRecord[] = [];
  for (const span of spans) {
    let decoded: string;
    try {
      decoded = utf8.decode(text.slice(span.from, span.to));
    } catch {
      throw new UnreadableVersionError("不是 UTF-8 编码");
    }
    let header = span.from === 0;
    if (header) decoded = decoded.replace(/^\uFEFF/, "");
    for (const record of splitRecords(decoded)) {
      if (isBlankRecord(record)) continue;
      found.push({ record, header });
      header = false;
    }
  }
  return found;
}

/** Whether a version ends inside quotes (an unclosed quote): it cannot be read. */
export function endsInsideQuotes(text: Text): boolean {
  return text.parityBefore(text.length) === 1;
}

/** The header record of a version: its first non-blank record ("" for an empty file). */
export function headerOf(text: Text): string {
  let end = 0;
  while (end < text.length) {
    end = recordEnd(text, end + 1);
    const first = recordsIn(text, [{ from: 0, to: end }])[0];
    if (first) return first.record;
  }
  return "";
}

export interface RecordChanges {
  headerBefore: string;
  headerAfter: string;
  /** Records only the earlier version has (header excluded). */
  removed: string[];
  /** Records only the later version has (header excluded). */
  added: string[];
}

/**
 * The records that differ between two versions. When the header itself changed, every
 * record is compared (a renamed or moved column changes the meaning of every cell).
 */
export function changedRecords(
  before: Text,
  after: Text,
  shared: readonly Segment[],
): RecordChanges {
  if (endsInsideQuotes(after)) throw new UnreadableVersionError("引号没有闭合");
  const headerBefore = headerOf(before);
  const headerAfter = headerOf(after);
  const spans =
    headerBefore === headerAfter
      ? changedSpans(before, after, shared)
      : { before: [{ from: 0, to: before.length }], after: [{ from: 0, to: after.length }] };
  const counts = new Map<string, number>();
  for (const { header, record } of recordsIn(before, spans.before)) {
    if (header) continue;
    counts.set(record, (counts.get(record) ?? 0) + 1);
  }
  const added: string[] = [];
  for (const { header, record } of recordsIn(after, spans.after)) {
    if (header) continue;
    const count = counts.get(record) ?? 0;
    if (count > 0) counts.set(record, count - 1);
    else added.push(record);
  }
  const removed: string[] = [];
  for (const [record, count] of counts) for (let i = 0; i < count; i++) removed.push(record);
  return { headerBefore, headerAfter, removed, added };
}

/** Every record of a version (header excluded), for a file that appears or disappears. */
export function allRecords(text: Text): { header: string; records: string[] } {
  if (endsInsideQuotes(text)) throw new UnreadableVersionError("引号没有闭合");
  const records = recordsIn(text, [{ from: 0, to: text.length }]);
  const first = records[0];
  if (!first) return { header: "", records: [] };
  return { header: first.record, records: records.slice(1).map(({ record }) => record) };
}
