/**
 * Folds the ways people type numbers in Chinese text onto plain ASCII, one UTF-16 unit for
 * one unit, so a match found in the folded text has the same offsets in the original:
 * full-width forms (`１３８`, `＋８６`, `（０８３３）`, `ｘ`, `＠`) become ASCII, the ideographic
 * space and no-break space become a space, and the many dash characters become `-`.
 */
export function foldForDetection(text: string): string {
  let folded = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      // Full-width ASCII block: U+FF01..FF5E map to U+0021..007E.
      folded += String.fromCharCode(code - 0xfee0);
    } else if (code === 0x3000 || code === 0x00a0 || code === 0x2007 || code === 0x202f) {
      folded += " ";
    } else if (
      (code >= 0x2010 && code <= 0x2015) ||
      code === 0x2212 ||
      code === 0xfe63 ||
      code === 0x30fc
    ) {
      // ‐ ‑ ‒ – — ― − ﹣ ー: all typed between digit groups in place of a hyphen.
      folded += "-";
    } else {
      folded += text[i];
    }
  }
  return folded;
}
