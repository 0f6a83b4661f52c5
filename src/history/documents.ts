import type { ObjectStore } from "./objects/store.ts";
import { normalizeCell } from "./records.ts";

/** What a commit did to one MDX document under the content directory. */
export interface DocumentChange {
  /** Path inside the content directory, e.g. `episodes/0001.mdx`. */
  path: string;
  change: "added" | "removed" | "changed";
  /** Front-matter keys whose values changed, before and after (as written). */
  fields?: { key: string; before: string; after: string }[];
  /** Whether the text below the front matter changed (beyond whitespace). */
  bodyChanged?: boolean;
}

interface Document {
  frontMatter: Map<string, string>;
  body: string;
}

/**
 * Front matter as history shows it: each top-level key with its value as written (a list
 * or nested block as its lines joined). Not a YAML parser: history only compares and
 * shows values, and the build's own parser has already accepted the current version.
 */
export function readDocument(text: string): Document {
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const frontMatter = new Map<string, string>();
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(normalized);
  if (!match) return { frontMatter, body: normalized };
  let key: string | undefined;
  for (const line of (match[1] ?? "").split("\n")) {
    const top = /^([A-Za-z_][\w-]*):(.*)$/.exec(line);
    if (top?.[1] !== undefined) {
      key = top[1];
      frontMatter.set(key, unquote((top[2] ?? "").trim()));
    } else if (key !== undefined && line.trim() !== "") {
      const previous = frontMatter.get(key) ?? "";
      frontMatter.set(key, previous === "" ? line.trim() : `${previous} ${line.trim()}`);
    }
  }
  return { frontMatter, body: normalized.slice(match[0].length) };
}

function unquote(value: string): string {
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(value);
  return quoted ? (quoted[1] ?? quoted[2] ?? "") : value;
}

const utf8 = new TextDecoder("utf-8", { fatal: false });

function load(store: ObjectStore, blob: string): Document {
  const text = store.text(blob);
  return readDocument(utf8.decode(text.slice(0, text.length)));
}

/** What a commit did to a document, or undefined when nothing but whitespace changed. */
export function documentChange(
  store: ObjectStore,
  path: string,
  blobs: { before: string | undefined; after: string | undefined },
): DocumentChange | undefined {
  if (blobs.before === undefined && blobs.after === undefined) return undefined;
  if (blobs.before === undefined) return { path, change: "added" };
  if (blobs.after === undefined) return { path, change: "removed" };
  const before = load(store, blobs.before);
  const after = load(store, blobs.after);
  const keys = new Set([...before.frontMatter.keys(), ...after.frontMatter.keys()]);
  const fields: { key: string; before: string; after: string }[] = [];
  for (const key of keys) {
    const old = before.frontMatter.get(key) ?? "";
    const now = after.frontMatter.get(key) ?? "";
    if (normalizeCell(old) !== normalizeCell(now)) fields.push({ key, before: old, after: now });
  }
  const bodyChanged = normalizeCell(before.body) !== normalizeCell(after.body);
  if (fields.length === 0 && !bodyChanged) return undefined;
  return { path, change: "changed", fields, bodyChanged };
}
