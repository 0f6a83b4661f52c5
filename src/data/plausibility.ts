/**
 * Checks of numbers that are well-formed but can still be wrong, shared by every table:
 * a rate stated beside its counts must be what the counts give, at the precision written.
 */

/** Decimal places as written: `35.0` → 1, `34.62` → 2, `35` → 0. */
export function decimalsWritten(text: string): number {
  const match = /\.(\d+)\s*$/.exec(text.trim());
  return match?.[1]?.length ?? 0;
}

/**
 * Whether `stated` (a per cent figure, as written) is `numerator ÷ denominator × 100`
 * rounded half up to the decimals written. A source writing `35.0` claims 35.0 ± 0.05, so
 * 432 of 1248 (34.615…) disagrees with it even though `35.0` parses to 35, which a check of
 * the parsed number alone would take to mean ± 0.5.
 */
export function rateAgrees(stated: string, numerator: number, denominator: number): boolean {
  const decimals = decimalsWritten(stated);
  const computed = (numerator / denominator) * 100;
  // Half a unit of the last written decimal, with a tiny epsilon for binary fractions.
  return Math.abs(computed - Number(stated.trim())) <= 0.5 * 10 ** -decimals + 1e-9;
}

/**
 * The problem with a rate stated in `statedText` beside its counts, or undefined when it
 * agrees, or when there is nothing to check (no rate, a count missing, a zero whole).
 */
export function checkStatedRate(
  statedText: string,
  numerator: unknown,
  denominator: unknown,
): string | undefined {
  const stated = statedText.trim();
  if (stated === "" || typeof numerator !== "number" || typeof denominator !== "number") {
    return undefined;
  }
  if (denominator === 0 || !Number.isFinite(Number(stated))) return undefined;
  if (rateAgrees(stated, numerator, denominator)) return undefined;
  const computed = (numerator / denominator) * 100;
  const shown = computed.toFixed(Math.max(decimalsWritten(stated), 1) + 1);
  return `所写比率 ${stated}% 与计数不符:${numerator} ÷ ${denominator} × 100 = ${shown}%`;
}
