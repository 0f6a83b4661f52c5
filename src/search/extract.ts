/**
 * Reads a built page the way Pagefind would and returns only what search needs: the text
 * inside `data-pagefind-body`, and the page's `data-pagefind-filter`, `-sort` and `-meta`
 * values. Pages are the contract (register templates mark what is searchable with
 * Pagefind's documented attributes, https://pagefind.app/docs/indexing/); the indexer then
 * hands Pagefind a small, folded record instead of the whole HTML.
 *
 * The parser is deliberately small: it reads the well-formed HTML Astro writes (quoted or
 * bare attributes, explicit end tags, raw-text script and style), not arbitrary HTML.
 */

export interface SearchRecord {
  /** The page's title as written: `data-pagefind-meta="title"`, else its first h1. */
  title: string;
  /** The searchable text as written, one line per block (paragraph, heading, cell). */
  text: string;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
  /** Other `data-pagefind-meta` values, as written. */
  meta: Record<string, string>;
}

/** Elements whose content is never searchable text (Pagefind skips the same ones). */
const SKIPPED = new Set([
  "script",
  "style",
  "template",
  "noscript",
  "svg",
  "form",
  "nav",
  "iframe",
]);
const RAW_TEXT = new Set(["script", "style", "textarea", "title"]);
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);
/** Phrasing elements: text inside them runs on; every other element is a block. */
const INLINE = new Set([
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "cite",
  "code",
  "data",
  "del",
  "dfn",
  "em",
  "i",
  "ins",
  "kbd",
  "label",
  "mark",
  "q",
  "rp",
  "rt",
  "ruby",
  "s",
  "samp",
  "small",
  "span",
  "strong",
  "sub",
  "sup",
  "time",
  "u",
  "var",
]);

const TAG =
  /<!--[\s\S]*?-->|<![^>]*>|<\/([A-Za-z][\w:-]*)\s*>|<([A-Za-z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ensp: " ",
  emsp: " ",
  thinsp: " ",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  middot: "·",
  times: "×",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
  copy: "©",
};

/** Decodes character references. An unknown named one stays as written. */
export function decodeEntities(text: string): string {
  // Most text runs of a built page hold no reference at all.
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code =
        name[1] === "x" || name[1] === "X"
          ? Number.parseInt(name.slice(2), 16)
          : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();
/** Attribute names are case-insensitive in HTML. */
const PAGEFIND_ATTRIBUTE = /data-pagefind-/i;

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of source.matchAll(ATTRIBUTE)) {
    const name = (m[1] ?? "").toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return attributes;
}

/** One `key`, `key[attribute]` or `key:value` item of a `data-pagefind-*` attribute. */
type Capture =
  | { key: string; value: string }
  | { key: string; attribute: string }
  | { key: string; fromText: true };

/**
 * Splits `author, image[src], date:2024-01-01` into its items. As in Pagefind, an inline
 * `key:value` runs to the end of the attribute (its value may contain commas).
 */
export function parseCaptures(spec: string): Capture[] {
  const captures: Capture[] = [];
  let rest = spec.trim();
  while (rest !== "") {
    const inline = /^([^,:[\]]+):([\s\S]*)$/.exec(rest);
    if (inline) {
      captures.push({ key: (inline[1] ?? "").trim(), value: (inline[2] ?? "").trim() });
      break;
    }
    const comma = rest.indexOf(",");
    const item = (comma < 0 ? rest : rest.slice(0, comma)).trim();
    rest = comma < 0 ? "" : rest.slice(comma + 1).trim();
    const fromAttribute = /^([^[\]]+)\[([^\]]+)\]$/.exec(item);
    if (fromAttribute) {
      captures.push({
        key: (fromAttribute[1] ?? "").trim(),
        attribute: (fromAttribute[2] ?? "").trim(),
      });
    } else if (item !== "") {
      captures.push({ key: item, fromText: true });
    }
  }
  return captures;
}

type CaptureKind = "filter" | "sort" | "meta";

interface TextCapture {
  kind: CaptureKind;
  key: string;
  text: string;
}

interface Frame {
  name: string;
  /** Inside a data-pagefind-body element. */
  inBody: boolean;
  /** Text here is not indexed (data-pagefind-ignore or a skipped element). */
  ignored: boolean;
  /** Inside data-pagefind-ignore="all": filters, sorts and metadata are dropped too. */
  ignoredAll: boolean;
  captures: TextCapture[];
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * The search record of a built page, or `undefined` when the page marks nothing with
 * `data-pagefind-body` (such pages are not searched, as with Pagefind itself).
 */
export function extractSearchRecord(html: string): SearchRecord | undefined {
  if (!html.includes("data-pagefind-body")) return undefined;

  const blocks: string[] = [];
  let block = "";
  let sawBody = false;
  let firstH1: string | undefined;
  let h1Capture: TextCapture | undefined;
  const filters: Record<string, string[]> = {};
  const sort: Record<string, string> = {};
  const meta: Record<string, string> = {};
  const root: Frame = {
    name: "#document",
    inBody: false,
    ignored: false,
    ignoredAll: false,
    captures: [],
  };
  const stack: Frame[] = [root];
  const active: TextCapture[] = [];

  const endBlock = () => {
    const line = collapse(block);
    if (line !== "") blocks.push(line);
    block = "";
  };
  const store = (kind: CaptureKind, key: string, value: string) => {
    const clean = collapse(value);
    if (key === "" || clean === "") return;
    if (kind === "filter") {
      const values = (filters[key] ??= []);
      if (!values.includes(clean)) values.push(clean);
    } else if (kind === "sort") {
      sort[key] ??= clean;
    } else {
      meta[key] ??= clean;
    }
  };
  const text = (raw: string) => {
    const value = decodeEntities(raw);
    for (const capture of active) capture.text += value;
    const top = stack[stack.length - 1];
    if (top?.inBody && !top.ignored) block += value;
  };
  const close = (frame: Frame) => {
    for (const capture of frame.captures) {
      active.splice(active.indexOf(capture), 1);
      if (capture === h1Capture) firstH1 ??= collapse(capture.text);
      else store(capture.kind, capture.key, capture.text);
    }
    if (frame.inBody && !INLINE.has(frame.name)) endBlock();
  };

  const tags = new RegExp(TAG.source, "g");
  let last = 0;
  for (let m = tags.exec(html); m !== null; m = tags.exec(html)) {
    if (m.index > last) text(html.slice(last, m.index));
    last = m.index + m[0].length;
    const closing = m[1]?.toLowerCase();
    const opening = m[2]?.toLowerCase();
    if (closing !== undefined) {
      const at = stack.findLastIndex((frame) => frame.name === closing);
      if (at > 0) for (const frame of stack.splice(at).reverse()) close(frame);
      continue;
    }
    if (opening === undefined) continue; // comment or doctype
    // Only an element carrying a data-pagefind-* attribute has attributes worth reading (a
    // `key[attribute]` capture reads another attribute of that same element): parsing every
    // tag's attributes was the largest part of reading 10,000 pages.
    const source = m[3] ?? "";
    const attributes = PAGEFIND_ATTRIBUTE.test(source) ? parseAttributes(source) : NO_ATTRIBUTES;
    const parent = stack[stack.length - 1] ?? root;
    const ignore = attributes.get("data-pagefind-ignore");
    const frame: Frame = {
      name: opening,
      inBody: parent.inBody || attributes.has("data-pagefind-body"),
      ignored: parent.ignored || SKIPPED.has(opening) || ignore !== undefined,
      ignoredAll: parent.ignoredAll || ignore === "all",
      captures: [],
    };
    sawBody ||= frame.inBody;
    for (const kind of frame.ignoredAll ? [] : (["filter", "sort", "meta"] as const)) {
      const spec = attributes.get(`data-pagefind-${kind}`);
      if (spec === undefined) continue;
      for (const capture of parseCaptures(spec)) {
        if ("value" in capture) store(kind, capture.key, capture.value);
        else if ("attribute" in capture)
          store(kind, capture.key, attributes.get(capture.attribute) ?? "");
        else frame.captures.push({ kind, key: capture.key, text: "" });
      }
    }
    if (opening === "h1" && h1Capture === undefined) {
      h1Capture = { kind: "meta", key: "title", text: "" };
      frame.captures.push(h1Capture);
    }
    if (frame.inBody && !INLINE.has(opening)) endBlock();
    if (VOID.has(opening)) {
      close(frame);
      continue;
    }
    stack.push(frame);
    active.push(...frame.captures);
    if (RAW_TEXT.has(opening)) {
      // Raw text runs to its end tag: a "<" in a script is not markup.
      const endTag = new RegExp(`</${opening}\\s*>`, "gi");
      endTag.lastIndex = last;
      const stop = endTag.exec(html)?.index ?? html.length;
      if (opening === "textarea" || opening === "title") text(html.slice(last, stop));
      last = stop;
      tags.lastIndex = stop;
    }
  }
  if (last < html.length) text(html.slice(last));
  for (const frame of stack.splice(1).reverse()) close(frame);
  endBlock();

  if (!sawBody) return undefined;
  const title = meta["title"] ?? firstH1 ?? "";
  delete meta["title"];
  return { title, text: blocks.join("\n"), filters, sort, meta };
}
