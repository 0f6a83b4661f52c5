/**
 * Text as the detectors read it: the ways people (and tools) write numbers in Chinese text
 * folded onto plain ASCII.
 *
 * - Full-width forms (`１３８`, `＋８６`, `（０８３３）`, `ｘ`, `＠`) become ASCII; the ideographic
 *   and no-break spaces become a space; the many dash characters become `-`.
 * - Invisible characters are dropped: zero-width space and joiners, word joiner, soft hyphen,
 *   byte-order mark. Pagefind's Chinese segmentation puts a zero-width space between the
 *   words of every fragment it writes (U+200B before `1234` and `5678` in `139 1234 5678`,
 *   on both sides of the `@` of an address), and the same
 *   characters can hide a number in pasted text.
 *
 * `offsets[i]` is the offset in the original text of folded unit `i`, so a match in the
 * folded text is located in the original.
 */
export interface FoldedText {
  text: string;
  offsets: Uint32Array;
}

const INVISIBLE = [
  0x00ad, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff,
];

/** Any character the fold changes or drops; most text has none and is returned as it is. */
const NEEDS_FOLD =
  /[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff\uff01-\uff5e\u3000\u00a0\u2007\u202f\u2010-\u2015\u2212\ufe63\u30fc]/;

function foldUnit(code: number): number {
  // Full-width ASCII block: U+FF01..FF5E map to U+0021..007E.
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x3000 || code === 0x00a0 || code === 0x2007 || code === 0x202f) return 0x20;
  // ‐ ‑ ‒ – — ― − ﹣ ー: all typed between digit groups in place of a hyphen.
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe63 || code === 0x30fc) {
    return 0x2d;
  }
  return code;
}

// The scan reads every file of a build (hundreds of megabytes at 10,000 items), so the fold is
// one table lookup per code unit into a typed array, decoded back to a string natively;
// where the original offsets are needed (only to locate a hit), they are worked out apart.
const FOLDED = new Uint16Array(0x10000);
const DROPPED = new Uint8Array(0x10000);
for (let code = 0; code < 0x10000; code++) FOLDED[code] = foldUnit(code);
for (const code of INVISIBLE) DROPPED[code] = 1;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
// Unpaired surrogates decode to U+FFFD, one unit for one, so lengths and offsets still agree.
const UTF16 = new TextDecoder(LITTLE_ENDIAN ? "utf-16le" : "utf-16be");

function foldUnits(text: string, offsets?: Uint32Array): string {
  const length = text.length;
  const units = new Uint16Array(length);
  let n = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (DROPPED[code] === 1) continue;
    units[n] = FOLDED[code] ?? code;
    if (offsets) offsets[n] = i;
    n++;
  }
  return UTF16.decode(units.subarray(0, n));
}

export function foldForDetection(text: string): FoldedText {
  const length = text.length;
  const offsets = new Uint32Array(length);
  if (!NEEDS_FOLD.test(text)) {
    for (let i = 0; i < length; i++) offsets[i] = i;
    return { text, offsets };
  }
  const folded = foldUnits(text, offsets);
  return { text: folded, offsets: offsets.subarray(0, folded.length) };
}

/** Only the folded text, for a first look that does not need to locate a match. */
export function foldedText(text: string): string {
  return NEEDS_FOLD.test(text) ? foldUnits(text) : text;
}
