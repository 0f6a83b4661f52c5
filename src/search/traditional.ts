import { TRADITIONAL_BITS, TRADITIONAL_OTHERS } from "./traditional-set.ts";

/**
 * Whether a query needs the Traditional-to-Simplified converter (fold.ts, about 26 KB) at
 * all: only when it holds a character that some entry of the converter's dictionaries
 * changes. The set of those characters is small enough to ship with the search page, so
 * a query in Simplified never loads the converter. `traditional-set.ts` is generated from
 * the dictionaries by `node scripts/search/traditional-set.ts` and checked against them in
 * tests/unit/search-fold.test.ts.
 */

/** First code point of the bitmap: CJK Unified Ideographs. */
export const BITMAP_START = 0x4e00;
/** One past the last code point of the bitmap. */
export const BITMAP_END = 0xa000;

let bits: Uint8Array | undefined;

function bitmap(): Uint8Array {
  if (!bits) bits = Uint8Array.from(atob(TRADITIONAL_BITS), (char) => char.charCodeAt(0));
  return bits;
}

/** True for a character that the converter may change. */
export function mayConvert(codePoint: number): boolean {
  if (codePoint >= BITMAP_START && codePoint < BITMAP_END) {
    const offset = codePoint - BITMAP_START;
    return ((bitmap()[offset >> 3] ?? 0) & (1 << (offset & 7))) !== 0;
  }
  return TRADITIONAL_OTHERS.includes(codePoint);
}

/** True when `text` holds a character the converter may change. */
export function needsConverter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // No character below U+3400 (Latin, punctuation, kana) is converted.
    if (unit < 0x3400) continue;
    const codePoint = text.codePointAt(i) ?? unit;
    if (codePoint > 0xffff) i++;
    if (mayConvert(codePoint)) return true;
  }
  return false;
}
