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

const INVISIBLE = new Set([
  0x00ad, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff,
]);

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

// The scan reads every file of a build (gigabytes at 100,000 items), so this works on code
// units in typed arrays rather than building strings a character at a time.
export function foldForDetection(text: string): FoldedText {
  const length = text.length;
  const offsets = new Uint32Array(length);
  if (!NEEDS_FOLD.test(text)) {
    for (let i = 0; i < length; i++) offsets[i] = i;
    return { text, offsets };
  }
  const units = new Uint16Array(length);
  let n = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (INVISIBLE.has(code)) continue;
    units[n] = foldUnit(code);
    offsets[n++] = i;
  }
  let folded = "";
  const CHUNK = 8192;
  for (let i = 0; i < n; i += CHUNK) {
    folded += String.fromCharCode(...units.subarray(i, Math.min(i + CHUNK, n)));
  }
  return { text: folded, offsets: offsets.subarray(0, n) };
}

/** Only the folded text, for comparisons that do not need to locate a match. */
export function foldedText(text: string): string {
  return foldForDetection(text).text;
}
