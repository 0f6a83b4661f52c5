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

export function foldForDetection(text: string): FoldedText {
  const units: string[] = [];
  const offsets = new Uint32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (INVISIBLE.has(code)) continue;
    let unit: string;
    if (code >= 0xff01 && code <= 0xff5e) {
      // Full-width ASCII block: U+FF01..FF5E map to U+0021..007E.
      unit = String.fromCharCode(code - 0xfee0);
    } else if (code === 0x3000 || code === 0x00a0 || code === 0x2007 || code === 0x202f) {
      unit = " ";
    } else if (
      (code >= 0x2010 && code <= 0x2015) ||
      code === 0x2212 ||
      code === 0xfe63 ||
      code === 0x30fc
    ) {
      // ‐ ‑ ‒ – — ― − ﹣ ー: all typed between digit groups in place of a hyphen.
      unit = "-";
    } else {
      unit = text[i] ?? "";
    }
    units.push(unit);
    offsets[n++] = i;
  }
  return { text: units.join(""), offsets: offsets.subarray(0, n) };
}

/** Only the folded text, for comparisons that do not need to locate a match. */
export function foldedText(text: string): string {
  return foldForDetection(text).text;
}
