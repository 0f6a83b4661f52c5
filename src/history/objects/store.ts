import { existsSync, readFileSync, readdirSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { inflateSync } from "node:zlib";
import { alignDelta, compose, invert } from "./alignment.ts";
import type { Segment } from "./alignment.ts";
import { Pack, UnreadableObjectError, parseDelta } from "./pack.ts";
import { Sources, Text } from "./text.ts";

/** A blob version: its table, and the key that names where it is stored. */
export interface Version {
  key: string;
  text: Text;
}

export interface StoreOptions {
  /** The repository's object directory (`git rev-parse --git-path objects`). */
  objectsDir: string;
  /** Bytes per object id: 20 for SHA-1 repositories, 32 for SHA-256. */
  hashSize: number;
  /** Source bytes to keep in memory between `compact` calls (default 768 MiB). */
  memoryBudget?: number;
}

/**
 * Blob versions as piece tables (`Text`), read from the repository's packs and loose
 * objects without running git. A version stored as a delta is built from its base's table,
 * which is kept (least recently used first out) so a chain of deltas is walked once.
 */
export class ObjectStore {
  readonly sources = new Sources();
  private readonly packs: Pack[] = [];
  private readonly objectDirs: string[];
  private readonly hashSize: number;
  private readonly budget: number;
  /** Tables by `pack:offset` or loose id, most recently used last. */
  private readonly memo = new Map<string, Text>();
  /** Each delta-stored version's base and how it aligns with it; small, never dropped. */
  private readonly links = new Map<string, { base: string; alignment: Segment[] }>();

  constructor(options: StoreOptions) {
    this.hashSize = options.hashSize;
    this.budget = options.memoryBudget ?? 768 * 1024 * 1024;
    this.objectDirs = objectDirectories(options.objectsDir);
    for (const dir of this.objectDirs) {
      const packDir = join(dir, "pack");
      if (!existsSync(packDir)) continue;
      for (const name of readdirSync(packDir).sort()) {
        if (!name.endsWith(".idx")) continue;
        const pack = join(packDir, name.slice(0, -4) + ".pack");
        if (existsSync(pack)) this.packs.push(new Pack(pack, join(packDir, name), this.hashSize));
      }
    }
  }

  close(): void {
    for (const pack of this.packs) pack.close();
  }

  /** The blob named `id` (hex). Throws `UnreadableObjectError` when it is not here. */
  text(id: string): Text {
    return this.version(id).text;
  }

  /** The blob named `id` (hex) with its storage key. */
  version(id: string): Version {
    const name = Buffer.from(id, "hex");
    if (name.length !== this.hashSize) throw new UnreadableObjectError(`bad object id ${id}`);
    for (let p = 0; p < this.packs.length; p++) {
      const pack = this.packs[p];
      if (!pack) continue;
      const position = pack.index.find(name);
      if (position >= 0)
        return this.packed(p, pack.index.offset(position), pack.index.crc(position));
    }
    return this.loose(id);
  }

  private remember(key: string, text: Text): Text {
    this.memo.delete(key);
    this.memo.set(key, text);
    return text;
  }

  private recall(key: string): Text | undefined {
    const text = this.memo.get(key);
    if (text) this.remember(key, text);
    return text;
  }

  /**
   * Runs of bytes `before` and `after` hold unchanged, through their delta links, or
   * undefined when the two are not in one delta tree (then only their bytes can tell).
   */
  alignment(before: Version, after: Version): Segment[] | undefined {
    if (before.key === after.key) return [{ a: 0, b: 0, len: before.text.length }];
    const up = (key: string): string[] => {
      const chain = [key];
      for (let link = this.links.get(key); link; link = this.links.get(link.base)) {
        chain.push(link.base);
      }
      return chain;
    };
    const fromBefore = up(before.key);
    const fromAfter = up(after.key);
    const onAfterSide = new Map(fromAfter.map((key, i) => [key, i]));
    const meet = fromBefore.findIndex((key) => onAfterSide.has(key));
    if (meet < 0) return undefined;
    let aligned: Segment[] | undefined;
    const step = (next: Segment[]) => {
      aligned = aligned ? compose(aligned, next) : next;
    };
    for (const key of fromBefore.slice(0, meet)) step(invert(this.links.get(key)?.alignment ?? []));
    for (const key of fromAfter.slice(0, onAfterSide.get(fromBefore[meet] ?? "")).reverse()) {
      step(this.links.get(key)?.alignment ?? []);
    }
    return aligned ?? [];
  }

  private packed(packNumber: number, offset: number, crc: number): Version {
    const pack = this.packs[packNumber];
    if (!pack) throw new UnreadableObjectError(`no pack ${packNumber}`);
    const chain: { key: string; delta: Buffer }[] = [];
    let base: Version | undefined;
    let at = offset;
    let expectedCrc: number | undefined = crc;
    for (;;) {
      const key = `${packNumber}:${at}`;
      const known = this.recall(key);
      if (known) {
        base = { key, text: known };
        break;
      }
      const entry = pack.entry(at, expectedCrc);
      expectedCrc = undefined;
      if (entry.kind === "whole") {
        if (entry.type !== 3) throw new UnreadableObjectError(`object at ${at} is not a blob`);
        base = { key, text: this.remember(key, Text.whole(this.sources, entry.data())) };
        break;
      }
      chain.push({ key, delta: entry.delta() });
      if (entry.kind === "ofs-delta") {
        at = entry.baseOffset;
        continue;
      }
      base = this.version(entry.baseId);
      break;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const link = chain[i];
      if (!link) continue;
      const parsed = parseDelta(link.delta);
      if (parsed.baseSize !== base.text.length) {
        throw new UnreadableObjectError(`delta expects a ${parsed.baseSize}-byte base`);
      }
      const text = this.remember(link.key, base.text.applyDelta(link.delta, parsed.instructions));
      if (!this.links.has(link.key)) {
        this.links.set(link.key, { base: base.key, alignment: alignDelta(parsed.instructions) });
      }
      base = { key: link.key, text };
    }
    return base;
  }

  private loose(id: string): Version {
    const known = this.recall(id);
    if (known) return { key: id, text: known };
    for (const dir of this.objectDirs) {
      const path = join(dir, id.slice(0, 2), id.slice(2));
      if (!existsSync(path)) continue;
      const object = inflateSync(readFileSync(path));
      const nul = object.indexOf(0);
      const header = object.toString("latin1", 0, nul);
      const match = /^blob (\d+)$/.exec(header);
      if (!match || Number(match[1]) !== object.length - nul - 1) {
        throw new UnreadableObjectError(`loose object ${id} is not a blob`);
      }
      return {
        key: id,
        text: this.remember(id, Text.whole(this.sources, object.subarray(nul + 1))),
      };
    }
    throw new UnreadableObjectError(`object ${id} is not in the repository (a partial clone?)`);
  }

  /**
   * Forgets the least recently used tables until the sources they need fit in half the
   * budget; `keep` are tables the caller still holds, whose sources stay whatever they cost.
   */
  compact(keep: readonly Text[] = []): void {
    if (this.sources.bytes <= this.budget) return;
    const counted = new Set<number>();
    let bytes = 0;
    const add = (ids: Iterable<number>) => {
      for (const id of ids) {
        if (counted.has(id)) continue;
        counted.add(id);
        bytes += this.sources.size(id);
      }
    };
    for (const text of keep) add(text.sourceIds());
    const survivors = new Set<string>();
    for (const [key, text] of [...this.memo].reverse()) {
      const ids = [...text.sourceIds()];
      const extra = ids.reduce((sum, id) => sum + (counted.has(id) ? 0 : this.sources.size(id)), 0);
      if (bytes + extra > this.budget / 2) continue;
      add(ids);
      survivors.add(key);
    }
    for (const key of [...this.memo.keys()]) if (!survivors.has(key)) this.memo.delete(key);
    for (const id of this.sources.ids()) if (!counted.has(id)) this.sources.drop(id);
  }
}

/** The object directory and its alternates (`objects/info/alternates`), recursively. */
function objectDirectories(objectsDir: string, seen = new Set<string>()): string[] {
  const dir = resolve(objectsDir);
  if (seen.has(dir)) return [];
  seen.add(dir);
  const dirs = [dir];
  const alternates = join(dir, "info", "alternates");
  if (existsSync(alternates)) {
    for (const line of readFileSync(alternates, "utf8").split("\n")) {
      const entry = line.trim();
      if (entry === "" || entry.startsWith("#")) continue;
      dirs.push(...objectDirectories(isAbsolute(entry) ? entry : join(dir, entry), seen));
    }
  }
  return dirs;
}
