import { findPersonalData } from "./detectors.ts";
import type { PersonalDataHit } from "./detectors.ts";
import type { PrivacyAllowlist } from "./allowlist.ts";

/** A hit, the 1-based line of the text it starts on, and its 1-based character in that line. */
export interface LocatedHit {
  line: number;
  position: number;
  hit: PersonalDataHit;
}

/** Offsets at which each line starts, for turning match offsets into line numbers. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

export function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Personal data in `text` that the allow list does not let through, with line numbers. */
export function scanText(text: string, allowlist: PrivacyAllowlist): LocatedHit[] {
  const hits = findPersonalData(text).filter((hit) => !allowlist.allows(hit));
  if (hits.length === 0) return [];
  const starts = lineStarts(text);
  return hits.map((hit) => {
    const line = lineAt(starts, hit.index);
    // Characters as an editor counts them (a character beyond the BMP is one).
    const position = [...text.slice(starts[line - 1] ?? 0, hit.index)].length + 1;
    return { line, position, hit };
  });
}
