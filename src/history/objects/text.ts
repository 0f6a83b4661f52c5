/**
 * A version of a file as a piece table: a list of byte ranges of *sources* (a whole object
 * as stored, or the literal bytes of a delta). A delta applied to a base makes a new table
 * from the base's pieces and the delta's literals without copying bytes, so every version
 * costs what its delta costs, and two versions share a piece exactly where a byte was
 * carried over unchanged: the diff (`diff.ts`) finds what changed from the pieces alone.
 *
 * CSV records end at a line break outside quotes, so every table also knows the parity of
 * the double quotes before each piece: where a record starts is then found without reading
 * the file from its beginning.
 */

const QUOTE = 0x22;
const BLOCK_BITS = 9;
const BLOCK = 1 << BLOCK_BITS;

/** The bytes versions are made of, each registered once, with a quote-parity index. */
export class Sources {
  private readonly buffers = new Map<number, Buffer>();
  /** Parity of the quotes before each block boundary (`BLOCK` bytes), per source. */
  private readonly parityIndex = new Map<number, Uint8Array>();
  private next = 0;
  /** Bytes held, to bound memory (see `ObjectStore`). */
  bytes = 0;

  add(buffer: Buffer): number {
    const id = this.next++;
    this.buffers.set(id, buffer);
    this.bytes += buffer.length;
    return id;
  }

  drop(id: number): void {
    const buffer = this.buffers.get(id);
    if (buffer) this.bytes -= buffer.length;
    this.buffers.delete(id);
    this.parityIndex.delete(id);
  }

  has(id: number): boolean {
    return this.buffers.has(id);
  }

  size(id: number): number {
    return this.buffers.get(id)?.length ?? 0;
  }

  ids(): number[] {
    return [...this.buffers.keys()];
  }

  buffer(id: number): Buffer {
    const buffer = this.buffers.get(id);
    if (!buffer) throw new Error(`history: source ${id} was dropped while a version used it`);
    return buffer;
  }

  private index(id: number): Uint8Array {
    let index = this.parityIndex.get(id);
    if (index) return index;
    const buffer = this.buffer(id);
    const blocks = (buffer.length >> BLOCK_BITS) + 1;
    const flips = new Uint8Array(blocks + 1);
    for (let at = buffer.indexOf(QUOTE); at >= 0; at = buffer.indexOf(QUOTE, at + 1)) {
      flips[(at >> BLOCK_BITS) + 1] = (flips[(at >> BLOCK_BITS) + 1] ?? 0) ^ 1;
    }
    for (let block = 1; block <= blocks; block++) {
      flips[block] = (flips[block] ?? 0) ^ (flips[block - 1] ?? 0);
    }
    index = flips;
    this.parityIndex.set(id, index);
    return index;
  }

  /** Parity (0 or 1) of the quotes in `[0, end)` of a source. */
  private parityBefore(id: number, end: number): number {
    const buffer = this.buffer(id);
    const block = end >> BLOCK_BITS;
    let parity = this.index(id)[block] ?? 0;
    for (let at = block << BLOCK_BITS; at < end; at++) if (buffer[at] === QUOTE) parity ^= 1;
    return parity;
  }

  /** Parity of the quotes in `[start, end)` of a source. */
  parity(id: number, start: number, end: number): number {
    if (end - start <= BLOCK) {
      const buffer = this.buffer(id);
      let parity = 0;
      for (let at = start; at < end; at++) if (buffer[at] === QUOTE) parity ^= 1;
      return parity;
    }
    return this.parityBefore(id, start) ^ this.parityBefore(id, end);
  }
}

/** Builds a table piece by piece, joining ranges that continue each other. */
export class PieceBuilder {
  private src: Int32Array;
  private start: Float64Array;
  private len: Float64Array;
  private parity: Uint8Array;
  private count = 0;
  private readonly sources: Sources;

  /** `capacity`: a guess of the number of pieces (the arrays grow as needed). */
  constructor(sources: Sources, capacity = 16) {
    this.sources = sources;
    this.src = new Int32Array(capacity);
    this.start = new Float64Array(capacity);
    this.len = new Float64Array(capacity);
    this.parity = new Uint8Array(capacity);
  }

  private grow(): void {
    const size = this.src.length * 2;
    const src = new Int32Array(size);
    src.set(this.src);
    const start = new Float64Array(size);
    start.set(this.start);
    const len = new Float64Array(size);
    len.set(this.len);
    const parity = new Uint8Array(size);
    parity.set(this.parity);
    this.src = src;
    this.start = start;
    this.len = len;
    this.parity = parity;
  }

  /** Appends `[start, start + len)` of a source; `parity` when the caller knows it. */
  push(src: number, start: number, len: number, parity?: number): void {
    if (len <= 0) return;
    const p = parity ?? this.sources.parity(src, start, start + len);
    const last = this.count - 1;
    if (
      last >= 0 &&
      this.src[last] === src &&
      (this.start[last] ?? 0) + (this.len[last] ?? 0) === start
    ) {
      this.len[last] = (this.len[last] ?? 0) + len;
      this.parity[last] = (this.parity[last] ?? 0) ^ p;
      return;
    }
    if (this.count === this.src.length) this.grow();
    this.src[this.count] = src;
    this.start[this.count] = start;
    this.len[this.count] = len;
    this.parity[this.count] = p;
    this.count++;
  }

  build(): Text {
    return new Text(
      this.sources,
      this.src.slice(0, this.count),
      this.start.slice(0, this.count),
      this.len.slice(0, this.count),
      this.parity.slice(0, this.count),
    );
  }
}

export class Text {
  readonly sources: Sources;
  readonly src: Int32Array;
  readonly start: Float64Array;
  readonly len: Float64Array;
  /** Parity of the quotes inside each piece. */
  readonly parity: Uint8Array;
  /** Position of each piece in the text; `pos[count]` is the length. */
  readonly pos: Float64Array;
  /** Parity of the quotes before each piece. */
  private readonly parityPrefix: Uint8Array;

  constructor(
    sources: Sources,
    src: Int32Array,
    start: Float64Array,
    len: Float64Array,
    parity: Uint8Array,
  ) {
    this.sources = sources;
    this.src = src;
    this.start = start;
    this.len = len;
    this.parity = parity;
    const count = src.length;
    this.pos = new Float64Array(count + 1);
    this.parityPrefix = new Uint8Array(count + 1);
    for (let i = 0; i < count; i++) {
      this.pos[i + 1] = (this.pos[i] ?? 0) + (len[i] ?? 0);
      this.parityPrefix[i + 1] = (this.parityPrefix[i] ?? 0) ^ (parity[i] ?? 0);
    }
  }

  /** A text that is one whole source. */
  static whole(sources: Sources, buffer: Buffer): Text {
    const builder = new PieceBuilder(sources);
    builder.push(sources.add(buffer), 0, buffer.length);
    return builder.build();
  }

  get length(): number {
    return this.pos[this.src.length] ?? 0;
  }

  get pieces(): number {
    return this.src.length;
  }

  /** Sources this text reads (to drop texts with the sources they need). */
  sourceIds(): Set<number> {
    return new Set(this.src);
  }

  /** Index of the piece holding byte `at` (0 ≤ at < length). */
  pieceAt(at: number): number {
    let lo = 0;
    let hi = this.src.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.pos[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Parity of the quotes in `[0, at)`. */
  parityBefore(at: number): number {
    if (at <= 0) return 0;
    if (at >= this.length) return this.parityPrefix[this.src.length] ?? 0;
    const i = this.pieceAt(at);
    const start = this.start[i] ?? 0;
    const into = at - (this.pos[i] ?? 0);
    return (this.parityPrefix[i] ?? 0) ^ this.sources.parity(this.src[i] ?? 0, start, start + into);
  }

  byteAt(at: number): number {
    const i = this.pieceAt(at);
    return (
      this.sources.buffer(this.src[i] ?? 0)[(this.start[i] ?? 0) + at - (this.pos[i] ?? 0)] ?? 0
    );
  }

  /** Bytes `[from, to)`, copied. */
  slice(from: number, to: number): Buffer {
    if (to <= from) return Buffer.alloc(0);
    const parts: Buffer[] = [];
    for (let i = this.pieceAt(from); i < this.src.length && (this.pos[i] ?? 0) < to; i++) {
      const piecePos = this.pos[i] ?? 0;
      const start = this.start[i] ?? 0;
      const a = Math.max(from, piecePos) - piecePos + start;
      const b = Math.min(to, piecePos + (this.len[i] ?? 0)) - piecePos + start;
      parts.push(this.sources.buffer(this.src[i] ?? 0).subarray(a, b));
    }
    return parts.length === 1 ? Buffer.from(parts[0] ?? Buffer.alloc(0)) : Buffer.concat(parts);
  }

  /** First position ≥ from holding `byte`, or -1. */
  indexOf(byte: number, from: number): number {
    if (from >= this.length) return -1;
    for (let i = this.pieceAt(Math.max(0, from)); i < this.src.length; i++) {
      const piecePos = this.pos[i] ?? 0;
      const start = this.start[i] ?? 0;
      const end = start + (this.len[i] ?? 0);
      const buffer = this.sources.buffer(this.src[i] ?? 0);
      const found = buffer.indexOf(byte, Math.max(from - piecePos, 0) + start);
      if (found >= 0 && found < end) return piecePos + found - start;
    }
    return -1;
  }

  /** Last position < before holding `byte`, or -1. */
  lastIndexOf(byte: number, before: number): number {
    if (before <= 0) return -1;
    for (let i = this.pieceAt(Math.min(before, this.length) - 1); i >= 0; i--) {
      const piecePos = this.pos[i] ?? 0;
      const start = this.start[i] ?? 0;
      const last = Math.min(before - piecePos, this.len[i] ?? 0) - 1 + start;
      const found = this.sources.buffer(this.src[i] ?? 0).lastIndexOf(byte, last);
      if (found >= start) return piecePos + found - start;
    }
    return -1;
  }

  /** The table `delta` makes from this one: copies become this table's pieces. */
  applyDelta(
    delta: Buffer,
    instructions: readonly (
      { op: "copy"; offset: number; size: number } | { op: "insert"; from: number; size: number }
    )[],
  ): Text {
    const builder = new PieceBuilder(this.sources, this.pieces + instructions.length + 8);
    let literal = -1;
    for (const instruction of instructions) {
      if (instruction.op === "insert") {
        if (literal < 0) literal = this.sources.add(delta);
        builder.push(literal, instruction.from, instruction.size);
        continue;
      }
      const end = instruction.offset + instruction.size;
      for (let i = this.pieceAt(instruction.offset); i < this.src.length; i++) {
        const piecePos = this.pos[i] ?? 0;
        if (piecePos >= end) break;
        const pieceLen = this.len[i] ?? 0;
        const a = Math.max(instruction.offset, piecePos);
        const b = Math.min(end, piecePos + pieceLen);
        const whole = a === piecePos && b === piecePos + pieceLen;
        const start = (this.start[i] ?? 0) + a - piecePos;
        builder.push(this.src[i] ?? 0, start, b - a, whole ? (this.parity[i] ?? 0) : undefined);
      }
    }
    return builder.build();
  }
}
