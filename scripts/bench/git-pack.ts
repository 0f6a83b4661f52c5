import { createHash } from "node:crypto";
import { closeSync, openSync, readSync, renameSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";

/**
 * Writes a git pack file and its index directly (gitformat-pack), for the history benchmark:
 * 2,000 versions of 60 MB files through `git fast-import` take hours (it hashes, compresses
 * and delta-searches every version), while the benchmark knows each version's edits and can
 * write them as the deltas they are. Objects are real: ids are the SHA-1 of their content,
 * so git reads the repository as it reads any other.
 */

const TYPES = { commit: 1, tree: 2, blob: 3 } as const;
const OFS_DELTA = 6;

export type DeltaOp = { copy: [offset: number, size: number] } | { insert: Buffer };

interface Entry {
  id: Buffer;
  offset: number;
  crc: number;
}

export function objectId(type: keyof typeof TYPES, parts: readonly Buffer[]): Buffer {
  const size = parts.reduce((sum, part) => sum + part.length, 0);
  const hash = createHash("sha1").update(`${type} ${size}\0`);
  for (const part of parts) hash.update(part);
  return hash.digest();
}

function header(type: number, size: number): Buffer {
  const bytes: number[] = [];
  let byte = (type << 4) | (size & 15);
  let rest = Math.floor(size / 16);
  while (rest > 0) {
    bytes.push(byte | 0x80);
    byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
  }
  bytes.push(byte);
  return Buffer.from(bytes);
}

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    let byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
    if (rest > 0) byte |= 0x80;
    bytes.push(byte);
  } while (rest > 0);
  return bytes;
}

/** Git's delta encoding of copy and insert operations. */
export function encodeDelta(baseSize: number, resultSize: number, ops: readonly DeltaOp[]): Buffer {
  const out: number[] = [...varint(baseSize), ...varint(resultSize)];
  const chunks: Buffer[] = [];
  const flush = () => {
    if (out.length > 0) chunks.push(Buffer.from(out.splice(0)));
  };
  for (const op of ops) {
    if ("copy" in op) {
      let [offset, size] = op.copy;
      while (size > 0) {
        const take = Math.min(size, 0xffffff);
        let command = 0x80;
        const args: number[] = [];
        for (let i = 0; i < 4; i++) {
          const byte = Math.floor(offset / 2 ** (8 * i)) & 0xff;
          if (byte !== 0) {
            command |= 1 << i;
            args.push(byte);
          }
        }
        for (let i = 0; i < 3; i++) {
          const byte = Math.floor(take / 2 ** (8 * i)) & 0xff;
          if (byte !== 0) {
            command |= 0x10 << i;
            args.push(byte);
          }
        }
        out.push(command, ...args);
        offset += take;
        size -= take;
      }
    } else {
      for (let at = 0; at < op.insert.length; at += 127) {
        const part = op.insert.subarray(at, at + 127);
        out.push(part.length);
        flush();
        chunks.push(part);
      }
    }
  }
  flush();
  return Buffer.concat(chunks);
}

export class PackWriter {
  private readonly fd: number;
  private readonly path: string;
  private readonly entries: Entry[] = [];
  private offset = 0;
  private readonly dir: string;

  constructor(packDir: string) {
    this.dir = packDir;
    this.path = join(packDir, "incoming.pack");
    this.fd = openSync(this.path, "w+");
    // The object count is patched in by `finish`, when it is known.
    const head = Buffer.alloc(12);
    head.write("PACK", 0, "latin1");
    head.writeUInt32BE(2, 4);
    this.write(head);
  }

  private write(bytes: Buffer): void {
    writeSync(this.fd, bytes, 0, bytes.length, this.offset);
    this.offset += bytes.length;
  }

  private add(id: Buffer, bytes: Buffer): number {
    const offset = this.offset;
    this.entries.push({ id, offset, crc: crc32(bytes) >>> 0 });
    this.write(bytes);
    return offset;
  }

  /** A whole object; returns its offset (a base for later deltas). */
  whole(type: keyof typeof TYPES, id: Buffer, content: Buffer, level = 1): number {
    return this.add(
      id,
      Buffer.concat([header(TYPES[type], content.length), deflateSync(content, { level })]),
    );
  }

  /** A blob stored as a delta against the object at `baseOffset`. */
  delta(id: Buffer, baseOffset: number, delta: Buffer): number {
    const offset = this.offset;
    const distance: number[] = [];
    let rest = offset - baseOffset;
    distance.unshift(rest & 0x7f);
    rest = Math.floor(rest / 128);
    while (rest > 0) {
      rest -= 1;
      distance.unshift(0x80 | (rest & 0x7f));
      rest = Math.floor(rest / 128);
    }
    return this.add(
      id,
      Buffer.concat([
        header(OFS_DELTA, delta.length),
        Buffer.from(distance),
        deflateSync(delta, { level: 1 }),
      ]),
    );
  }

  /** Writes the trailer and the index (version 2); returns the pack's name and size. */
  finish(): { name: string; bytes: number } {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(this.entries.length);
    writeSync(this.fd, count, 0, 4, 8);
    // The trailer is the SHA-1 of everything before it, count included: read it back.
    const hash = createHash("sha1");
    const chunk = Buffer.alloc(8 * 1024 * 1024);
    for (let at = 0; at < this.offset;) {
      const got = readSync(this.fd, chunk, 0, Math.min(chunk.length, this.offset - at), at);
      hash.update(chunk.subarray(0, got));
      at += got;
    }
    const checksum = hash.digest();
    writeSync(this.fd, checksum, 0, checksum.length, this.offset);
    closeSync(this.fd);
    const bytes = this.offset + checksum.length;
    const sorted = [...this.entries].sort((x, y) => x.id.compare(y.id));
    const fanout = Buffer.alloc(256 * 4);
    let position = 0;
    for (let byte = 0; byte < 256; byte++) {
      while (position < sorted.length && (sorted[position]?.id[0] ?? 256) <= byte) position++;
      fanout.writeUInt32BE(position, byte * 4);
    }
    const crcs = Buffer.alloc(sorted.length * 4);
    const offsets = Buffer.alloc(sorted.length * 4);
    const large: Buffer[] = [];
    sorted.forEach((entry, i) => {
      crcs.writeUInt32BE(entry.crc, i * 4);
      if (entry.offset < 0x80000000) {
        offsets.writeUInt32BE(entry.offset, i * 4);
      } else {
        offsets.writeUInt32BE(0x80000000 | large.length, i * 4);
        const wide = Buffer.alloc(8);
        wide.writeBigUInt64BE(BigInt(entry.offset));
        large.push(wide);
      }
    });
    const body = Buffer.concat([
      Buffer.from([0xff, 0x74, 0x4f, 0x63, 0, 0, 0, 2]),
      fanout,
      ...sorted.map((entry) => entry.id),
      crcs,
      offsets,
      ...large,
      checksum,
    ]);
    const index = Buffer.concat([body, createHash("sha1").update(body).digest()]);
    const name = `pack-${checksum.toString("hex")}`;
    writeFileSync(join(this.dir, `${name}.idx`), index);
    renameSync(this.path, join(this.dir, `${name}.pack`));
    return { name, bytes };
  }
}
